package io.featurecreep.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The Prometheus scrape endpoint's own filter chain, ahead of the application's (which sends strangers to the
 * sign-in page): a scraper has no session, no cookies and no CSRF token, only its bearer token
 * ({@link ScrapeTokenFilter}). {@link EndpointRequest} matches the endpoint wherever actuator is: under
 * {@code /actuator} on the main port, or on {@code management.server.port} when operators move it there, where
 * Spring Boot runs this same security filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class MetricsEndpointSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain prometheusScrape(HttpSecurity http, MetricsSettings settings) throws Exception {
		http.securityMatcher(EndpointRequest.to("prometheus"))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.addFilterBefore(new ScrapeTokenFilter(settings.token()), AuthorizationFilter.class)
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
