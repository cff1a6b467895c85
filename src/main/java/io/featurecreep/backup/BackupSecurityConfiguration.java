package io.featurecreep.backup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;

import io.featurecreep.identity.Accounts;

/** Puts the limit on large uploads into every security filter chain, before the CSRF check reads any body. */
@Configuration(proxyBeanMethods = false)
class BackupSecurityConfiguration {

	@Bean
	Customizer<HttpSecurity> largeUploadsOnlyForImports(Accounts accounts) {
		return http -> http.addFilterBefore(new LargeUploadsOnlyForImports(accounts), CsrfFilter.class);
	}

}
