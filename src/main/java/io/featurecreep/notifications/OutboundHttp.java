package io.featurecreep.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The only way this application sends HTTP requests to addresses users gave it (webhooks), guarded against
 * server-side request forgery: https only; the host name is resolved when connecting and the connection is
 * refused unless every address it resolves to is public (so a DNS answer cannot be swapped after a check);
 * redirects are never followed; short timeouts; at most 64 KiB of any answer is read.
 *
 * <p>Operators (and tests) may name stand-ins: "send what is meant for this host to that address instead",
 * e.g. a local receiver in place of discord.com. Stand-ins are trusted: they skip the public-address rule.
 */
@Component
class OutboundHttp implements DisposableBean {

	static final int MAX_RESPONSE_BYTES = 64 * 1024;

	private final Map<String, URI> standIns = new HashMap<>();

	/** For every address users gave: resolves through the guard. */
	private final CloseableHttpClient guarded;

	/** Only for the stand-ins an operator configured. */
	private final CloseableHttpClient trusted;

	OutboundHttp(Settings settings) {
		settings.standIns().forEach((host, base) -> standIns.put(host.toLowerCase(Locale.ROOT), URI.create(base)));
		this.guarded = client(new GuardedResolver());
		this.trusted = client(SystemDefaultDnsResolver.INSTANCE);
	}

	private static CloseableHttpClient client(DnsResolver resolver) {
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(5))
					.setSocketTimeout(Timeout.ofSeconds(10))
					.build())
				.setMaxConnTotal(20)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(Timeout.ofSeconds(10))
				.setConnectionRequestTimeout(Timeout.ofSeconds(5))
				.build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAutomaticRetries()
			.disableAuthCaching()
			.setUserAgent("FeatureCreep/1 (self-hosted)")
			.evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
			.build();
	}

	/**
	 * Posts a JSON body. Returns the status code; throws {@link OutboundRefused} for an address the guard refuses
	 * and {@link IOException} when the receiver could not be reached.
	 */
	int postJson(URI target, String json, Map<String, String> headers) throws IOException {
		URI effective = route(target);
		HttpPost post = new HttpPost(effective);
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		CloseableHttpClient client = effective == target ? guarded : trusted;
		return client.execute(post, response -> {
			drain(response.getEntity());
			return response.getCode();
		});
	}

	/**
	 * Sends a request with an optional JSON body (chat services' APIs: create, edit, register) and returns the status
	 * and at most 64 KiB of the answer, which those APIs use to say what they created. Throws like
	 * {@link #postJson}.
	 */
	Answer exchange(String method, URI target, String json, Map<String, String> headers) throws IOException {
		URI effective = route(target);
		HttpUriRequestBase request = new HttpUriRequestBase(method, effective);
		headers.forEach(request::setHeader);
		if (json != null) {
			request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
		}
		CloseableHttpClient client = effective == target ? guarded : trusted;
		return client.execute(request, response -> new Answer(response.getCode(), read(response.getEntity())));
	}

	/** A status and the beginning of the body of an answer. */
	record Answer(int status, String body) {

		boolean successful() {
			return status / 100 == 2;
		}

	}

	private static String read(HttpEntity entity) throws IOException {
		if (entity == null) {
			return "";
		}
		try (InputStream in = entity.getContent()) {
			return new String(in.readNBytes(MAX_RESPONSE_BYTES), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * Posts a JSON body and reads the answer (at most {@link #MAX_RESPONSE_BYTES}), for chat APIs that answer with
	 * what happened. Throws like {@link #postJson}.
	 */
	Answer postJsonForAnswer(URI target, String json, Map<String, String> headers) throws IOException {
		return exchange("POST", target, json, headers);
	}

	/** Where a request for the target really goes: the target itself (https only) or its stand-in. */
	URI route(URI target) throws OutboundRefused {
		String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
		URI standIn = standIns.get(host);
		if (standIn != null) {
			return URI.create(standIn.toString().replaceAll("/+$", "") + target.getRawPath()
					+ (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
		}
		if (!"https".equalsIgnoreCase(target.getScheme()) || target.getRawUserInfo() != null) {
			throw new OutboundRefused(new Phrase("notifications.failure.notHttps"));
		}
		return target;
	}

	private static void drain(HttpEntity entity) throws IOException {
		if (entity == null) {
			return;
		}
		try (InputStream in = entity.getContent()) {
			in.readNBytes(MAX_RESPONSE_BYTES);
		}
	}

	@Override
	public void destroy() throws IOException {
		guarded.close();
		trusted.close();
	}

	/** Resolves host names and refuses any that lead to a non-public address. */
	static final class GuardedResolver implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
			if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(PublicAddresses::isPublic)) {
				throw new OutboundRefused(new Phrase("notifications.failure.notPublic"));
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
		}

	}

	/** A request the guard refused to send. */
	static final class OutboundRefused extends UnknownHostException {

		private final transient Phrase reason;

		OutboundRefused(Phrase reason) {
			super(reason.toString());
			this.reason = reason;
		}

		Phrase reason() {
			return reason;
		}

	}

	/** Stand-ins: host name → base address, e.g. {@code discord.com=http://127.0.0.1:9000}. */
	@ConfigurationProperties("feature-creep.outbound")
	record Settings(Map<String, String> standIns) {

		Settings {
			standIns = standIns == null ? Map.of() : Map.copyOf(standIns);
		}

	}

}
