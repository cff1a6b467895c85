package io.featurecreep.identity;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import io.featurecreep.identity.AttemptLimits.Limit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what an operator watches for signs of password guessing: failed sign-ins by how they were tried, and
 * attempts a rate limit refused, by limit. The tags name ways and limits only, never the account or address
 * tried. Every counter exists from the start at zero, so a dashboard shows 0 rather than "no data" and a rate
 * over the first failure is right.
 */
@Component
class SignInMetrics {

	private final Map<Method, Counter> failures = new EnumMap<>(Method.class);

	private final Map<Limit, Counter> refusals = new EnumMap<>(Limit.class);

	SignInMetrics(MeterRegistry registry) {
		for (Method method : Method.values()) {
			failures.put(method, Counter.builder("feature.creep.sign.in.failures")
				.description("Sign-ins refused for wrong or unknown credentials")
				.tag("method", tagValue(method))
				.register(registry));
		}
		for (Limit limit : Limit.values()) {
			refusals.put(limit, Counter.builder("feature.creep.throttled.attempts")
				.description("Attempts refused by a rate limit (sign-in, sign-up, password reset, e-mail, access token)")
				.tag("limit", tagValue(limit))
				.register(registry));
		}
	}

	void refused(Limit limit) {
		refusals.get(limit).increment();
	}

	/** The failure handler of a sign-in form or provider, counting each failure before it answers. */
	AuthenticationFailureHandler counting(Method method, AuthenticationFailureHandler next) {
		Counter counter = failures.get(method);
		return (request, response, failure) -> {
			counter.increment();
			next.onAuthenticationFailure(request, response, failure);
		};
	}

	/**
	 * The entry point of bearer tokens: a token that was sent and refused counts; a request that sent none (it
	 * only needed one) does not.
	 */
	AuthenticationEntryPoint counting(AuthenticationEntryPoint next) {
		Counter counter = failures.get(Method.TOKEN);
		return (request, response, failure) -> {
			if (!(failure instanceof InsufficientAuthenticationException)) {
				counter.increment();
			}
			next.commence(request, response, failure);
		};
	}

	private static String tagValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	/** How someone tried to sign in: the password form, an OIDC provider, or a bearer token (JWT or access token). */
	enum Method {

		PASSWORD, PROVIDER, TOKEN

	}

}
