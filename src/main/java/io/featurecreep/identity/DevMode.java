package io.featurecreep.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The original's development mode, behind the {@code dev} profile only: a request that brings no
 * credentials acts as one fixed demo person. Credentials that are given (session, bearer token) still
 * win, because this filter runs after every real authentication filter. Not a servlet filter bean on
 * purpose: it must run inside the security filter chain, never on its own.
 */
@Component
@Profile("dev")
class DevMode {

	static final String DEMO_PERSON_ID = "01c78d7a-5926-41b2-90de-02b8937a82b1";

	private static final Logger log = LoggerFactory.getLogger(DevMode.class);

	private final Accounts accounts;

	private final Environment environment;

	DevMode(Accounts accounts, Environment environment) {
		this.accounts = accounts;
		this.environment = environment;
	}

	OncePerRequestFilter filter() {
		return new DemoPersonFilter(accounts);
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		log.warn("DEV MODE: every request without credentials acts as the demo user; never expose this server");
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql")) {
			log.warn("DEV MODE is active on a PostgreSQL database ({}): is this really not production?",
					url.replaceAll("//[^/@]*@", "//***@"));
		}
	}

	private static final class DemoPersonFilter extends OncePerRequestFilter {

		private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

		private final Accounts accounts;

		DemoPersonFilter(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (holder.getContext().getAuthentication() == null) {
				accounts.provisionFixed(DEMO_PERSON_ID);
				SecurityContext context = holder.createEmptyContext();
				context.setAuthentication(new DemoPerson());
				holder.setContext(context);
			}
			chain.doFilter(request, response);
		}

	}

	/** The demo person's authentication; lives for one request and is never saved in a session. */
	static final class DemoPerson extends AbstractAuthenticationToken {

		DemoPerson() {
			super(AuthorityUtils.createAuthorityList("ROLE_USER"));
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return DEMO_PERSON_ID;
		}

	}

}
