package io.featurecreep.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The e-mail domains of the {@code domains} sign-up policy: written as people type them ({@code Example.org},
 * {@code @example.org}), kept as lower-case host names, and compared exactly (a subdomain is another domain).
 */
final class EmailDomains {

	static final int MAX_DOMAINS = 50;

	/** Host names of letters, digits and hyphens (IDNs in their xn-- form); nothing a page or JSON must escape. */
	private static final Pattern DOMAIN = Pattern
		.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

	private EmailDomains() {
	}

	/** The domains, normalised and without duplicates; a malformed one is a bad input naming it. */
	static List<String> normalised(Collection<String> given) {
		List<String> domains = new ArrayList<>();
		if (given == null) {
			return domains;
		}
		for (String each : given) {
			String domain = each == null ? "" : each.strip().toLowerCase(Locale.ROOT);
			domain = domain.startsWith("@") ? domain.substring(1) : domain;
			if (domain.isEmpty() || domains.contains(domain)) {
				continue;
			}
			if (!DOMAIN.matcher(domain).matches()) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.notADomain", shortened(domain));
			}
			domains.add(domain);
		}
		if (domains.size() > MAX_DOMAINS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.tooManyDomains", MAX_DOMAINS);
		}
		return List.copyOf(domains);
	}

	/** The domain of an address (lower case), or null when it has none. */
	static String of(String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return at < 0 ? null : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
	}

	private static String shortened(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "…";
	}

}
