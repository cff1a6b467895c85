package io.featurecreep.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Adds the check for deactivated and erased people to the security filter chain. A {@code Customizer<HttpSecurity>}
 * bean, which Spring Security applies to every chain it builds, so the chain's own configuration
 * ({@link SecurityConfiguration}) stays about the ways of signing in.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationControlConfiguration {

	/** After every sign-in filter (session, bearer token), before the request counts as anonymous or authorised. */
	@Bean
	Customizer<HttpSecurity> inactiveAccountsSignedOut(AccountStatuses statuses, LastSignIns lastSignIns) {
		return http -> http.addFilterBefore(new InactiveAccountsSignedOut(statuses, lastSignIns),
				AnonymousAuthenticationFilter.class);
	}

}
