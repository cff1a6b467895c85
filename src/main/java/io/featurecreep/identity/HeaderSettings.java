package io.featurecreep.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers that a deployment may need to loosen (say, for a self-hosted tool with other needs).
 *
 * @param contentSecurityPolicy the Content-Security-Policy of every response
 * @param permissionsPolicy the Permissions-Policy of every response
 */
@ConfigurationProperties("feature-creep.security")
record HeaderSettings(String contentSecurityPolicy, String permissionsPolicy) {

	/**
	 * Scripts only from this server, no framing. Inline styles are allowed because htmx inserts its
	 * indicator styles and GraphiQL styles elements inline; inline styles cannot run code. connect-src
	 * covers htmx requests, server-sent events and the GraphQL WebSocket of the same origin.
	 */
	static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * No page needs a camera, a microphone, the location, payments or devices: denied for the app and anything it
	 * might ever frame, so an injected script could not ask for them either. Only features today's browsers know,
	 * since they log an error for each unknown one.
	 */
	static final String DEFAULT_PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), "
			+ "usb=()";

	/**
	 * The policy of the GraphiQL page: the same, but fonts may also come from {@code data:} URLs, which is how
	 * GraphiQL's style sheet brings its own (fonts run no code). A policy without a {@code font-src} of its own is
	 * left as it is.
	 */
	String graphiqlContentSecurityPolicy() {
		boolean ownFontSources = contentSecurityPolicy.matches("(?s).*\\bfont-src\\b.*");
		boolean dataAlready = contentSecurityPolicy.matches("(?s).*\\bfont-src[^;]*\\bdata:.*");
		if (!ownFontSources || dataAlready) {
			return contentSecurityPolicy;
		}
		return contentSecurityPolicy.replaceFirst("\\bfont-src([^;]*)", "font-src$1 data:");
	}

	HeaderSettings {
		contentSecurityPolicy = contentSecurityPolicy == null || contentSecurityPolicy.isBlank() ? DEFAULT_CSP
				: contentSecurityPolicy;
		permissionsPolicy = permissionsPolicy == null || permissionsPolicy.isBlank() ? DEFAULT_PERMISSIONS_POLICY
				: permissionsPolicy;
	}

}
