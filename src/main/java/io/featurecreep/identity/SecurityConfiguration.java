package io.featurecreep.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may reach what over HTTP. GraphQL decides per operation, so /graphql itself is open to everyone. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/graphql", "/graphql-ws", "/error", "/actuator/health/**", "/webjars/**")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.csrf(csrf -> csrf.ignoringRequestMatchers("/graphql"));
		http.httpBasic(Customizer.withDefaults());
		return http.build();
	}

}
