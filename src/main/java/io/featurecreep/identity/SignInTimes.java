package io.featurecreep.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.featurecreep.shared.SqlTimes;

/**
 * A new password ends the browser sessions signed in with the old one. Each session remembers when it signed in
 * with a password; on each request of such a session, the account's {@code password_changed_at} is compared
 * with it (one primary-key lookup), and a session signed in before the change is invalidated: the request goes
 * on as nobody's. This holds with any session store and on every node, because the database decides; Spring
 * Security's own session registry would know only the sessions of one node.
 */
@Component
class SignInTimes {

	static final String SIGNED_IN_AT = SignInTimes.class.getName() + ".SIGNED_IN_AT";

	private static final Logger log = LoggerFactory.getLogger(SignInTimes.class);

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInTimes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Called when a browser session has just signed in with a password. */
	void signedIn(HttpServletRequest request) {
		// The database keeps the time of a password change to the microsecond, rounded: a sign-in within the same
		// microsecond as the change (a sign-in right after a reset) counts as after it, not as before
		Instant signedIn = clock.instant().truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
		request.getSession().setAttribute(SIGNED_IN_AT, signedIn);
	}

	/** The filter that ends sessions signed in before the password changed. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				HttpSession session = request.getSession(false);
				if (session != null) {
					Authentication authentication = holder.getContext().getAuthentication();
					if (authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
							&& signedInBeforePasswordChange(authentication.getName(), session)) {
						log.info("Ended a session of person {}: their password changed since it signed in",
								authentication.getName());
						session.invalidate();
						holder.clearContext();
					}
				}
				chain.doFilter(request, response);
			}

		};
	}

	private boolean signedInBeforePasswordChange(String personId, HttpSession session) {
		Instant changed = jdbc.sql("select password_changed_at from local_account where person_id = ?")
			.param(personId)
			.query((rs, row) -> SqlTimes.instant(rs, "password_changed_at"))
			.optional()
			.orElse(null);
		if (changed == null) {
			return false;
		}
		// sessions that signed in another way (sign-up, tests) carry no time: any change ends them
		Instant signedIn = session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : Instant.EPOCH;
		return changed.isAfter(signedIn);
	}

}
