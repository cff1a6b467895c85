package io.featurecreep.identity;

import java.util.function.Predicate;

import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's check of header names and values, with Spring Security's rules but without its regular expressions.
 * By default {@link StrictHttpFirewall} matches every header it hands out against a Unicode character-class pattern,
 * character by character; a JWT's {@code Authorization} header is 800 characters long and is asked for three times per
 * request, which made a tenth of a GraphQL request's CPU time (issue #15). The rules are the same: a header name may
 * hold any assigned character that is not a control character, a value too and also tabs. Printable ASCII, what real
 * headers are made of, is accepted at a glance; anything else is judged code point by code point as the patterns do.
 */
final class HeaderCharacters {

	/** Spring's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, its default for header and parameter names. */
	static final Predicate<String> NAME = value -> allowed(value, false);

	/** Spring's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}, its default for header values. */
	static final Predicate<String> VALUE = value -> allowed(value, true);

	private HeaderCharacters() {
	}

	/** The firewall as Spring Security's default, with these checks. */
	static WebSecurityCustomizer firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(NAME);
		firewall.setAllowedHeaderValues(VALUE);
		firewall.setAllowedParameterNames(NAME);
		return web -> web.httpFirewall(firewall);
	}

	private static boolean allowed(String value, boolean tab) {
		int length = value.length();
		int i = 0;
		while (i < length) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
