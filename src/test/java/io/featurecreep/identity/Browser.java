package io.featurecreep.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that behaves like a browser where it matters: it keeps cookies and
 * does not follow redirects, so each test sees every step. Talks to the real server over the network.
 */
final class Browser {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String language;

	Browser(int port) {
		this.base = "http://localhost:" + port;
	}

	/** From now on asks for pages in these languages, as a browser set to them does ({@code Accept-Language}). */
	Browser speaking(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	String base() {
		return base;
	}

	Page get(String pathOrUrl, String... headers) {
		return send(request(pathOrUrl, headers).GET());
	}

	/** Posts a form; {@code fields} alternate name and value. */
	Page postForm(String path, String... fields) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body.toString())));
	}

	/** Posts a GraphQL query as JSON; {@code headers} alternate name and value. */
	Page graphQl(String query, String... headers) {
		String body = JsonMapper.shared().writeValueAsString(Map.of("query", query));
		HttpRequest.Builder request = request("/graphql", headers).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		return send(request);
	}

	Page options(String path, String... headers) {
		return send(request(path, headers).method("OPTIONS", BodyPublishers.noBody()));
	}

	/** The CSRF token a page carries in its meta tag, for scripts sending it as a header. */
	String csrfHeaderToken() {
		Matcher matcher = CSRF_META.matcher(get("/").body());
		if (!matcher.find()) {
			throw new AssertionError("The home page has no CSRF meta tag");
		}
		return matcher.group(1);
	}

	/** Opens a page with a form and posts it with the form's CSRF token, as a browser would. */
	Page submit(String formPage, String action, String... fields) {
		String[] withToken = new String[fields.length + 2];
		withToken[0] = "_csrf";
		withToken[1] = Page.csrfField(get(formPage).body());
		System.arraycopy(fields, 0, withToken, 2, fields.length);
		return postForm(action, withToken);
	}

	String cookie(String name) {
		return cookies.get(name);
	}

	void setCookie(String name, String value) {
		cookies.put(name, value);
	}

	void forgetCookies() {
		cookies.clear();
	}

	private HttpRequest.Builder request(String pathOrUrl, String... headers) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (!cookies.isEmpty() && uri.toString().startsWith(base)) {
			request.header("Cookie", cookies.entrySet()
				.stream()
				.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
			if (response.uri().toString().startsWith(base)) {
				response.headers().allValues("Set-Cookie").forEach(this::remember);
			}
			return new Page(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void remember(String setCookie) {
		String[] parts = setCookie.split(";");
		String[] pair = parts[0].split("=", 2);
		boolean expired = false;
		for (String attribute : parts) {
			String lower = attribute.strip().toLowerCase();
			expired |= lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970");
		}
		if (expired || pair[1].isEmpty()) {
			cookies.remove(pair[0].strip());
		}
		else {
			cookies.put(pair[0].strip(), pair[1]);
		}
	}

	/** A response as the test sees it. */
	record Page(int status, java.net.http.HttpHeaders headers, String body) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		String location() {
			return header("Location");
		}

		JsonNode json() {
			return JsonMapper.shared().readTree(body);
		}

		/** The text at a JSON pointer, or null when absent or null. */
		String text(String pointer) {
			JsonNode node = json().at(pointer);
			return node.isMissingNode() || node.isNull() ? null : node.asString();
		}

		static String csrfField(String html) {
			Matcher matcher = CSRF_FIELD.matcher(html);
			if (!matcher.find()) {
				throw new AssertionError("No CSRF field in the page");
			}
			return matcher.group(1);
		}

	}

}
