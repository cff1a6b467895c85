package io.featurecreep.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import java.util.stream.Collectors;

/**
 * One scrape of {@code /actuator/prometheus} over HTTP, as Prometheus does it (with the test's bearer token from
 * src/test/resources/config/application.properties), and the series it returned.
 */
public final class Scrape {

	public static final String TOKEN = "test-scraper-token-7f3a9c1e";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

	private final String text;

	private final List<Series> series = new ArrayList<>();

	private Scrape(String text) {
		this.text = text;
		for (String line : text.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				series.add(Series.parse(line));
			}
		}
	}

	/** Scrapes the server on this port; fails unless it answers 200. */
	public static Scrape of(int port) {
		HttpResponse<String> response = request(port, "Bearer " + TOKEN);
		if (response.statusCode() != 200) {
			throw new AssertionError("The scrape answered " + response.statusCode() + ": " + response.body());
		}
		return new Scrape(response.body());
	}

	/** Scrapes the application behind MockMvc (a context without a server port); fails unless it answers 200. */
	public static Scrape of(MockMvc mvc) {
		try {
			MockHttpServletResponse response = mvc
				.perform(MockMvcRequestBuilders.get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
				.andReturn()
				.getResponse();
			if (response.getStatus() != 200) {
				throw new AssertionError("The scrape answered " + response.getStatus());
			}
			return new Scrape(response.getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A request to the endpoint with this Authorization header (none when null). */
	public static HttpResponse<String> request(int port, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String text() {
		return text;
	}

	/** The names of every series in the scrape (a histogram's {@code _bucket}, {@code _count} and {@code _sum} apart). */
	public Set<String> names() {
		return series.stream().map(Series::name).collect(Collectors.toSet());
	}

	/** The names of the labels that series of this name carry. */
	public Set<String> labelNames(String name) {
		return series.stream()
			.filter(s -> s.name().equals(name))
			.flatMap(s -> LABEL.matcher(s.labels()).results().map(label -> label.group(1)))
			.collect(Collectors.toSet());
	}

	/**
	 * The value of the one series of this name with these labels (alternating names and values; others may be
	 * there too).
	 */
	public double value(String name, String... labels) {
		List<Series> matching = series.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
		if (matching.size() != 1) {
			throw new AssertionError(matching.size() + " series " + name + " with " + Arrays.toString(labels) + " in:\n"
					+ series.stream().filter(s -> s.name().equals(name)).map(Series::line).collect(Collectors.joining("\n")));
		}
		return matching.get(0).value();
	}

	/** One line of the text format: {@code name{label="value",...} value}. */
	record Series(String line, String name, String labels, double value) {

		static Series parse(String line) {
			int brace = line.indexOf('{');
			int space = line.lastIndexOf(' ');
			String name = brace >= 0 ? line.substring(0, brace) : line.substring(0, space);
			String labels = brace >= 0 ? line.substring(brace + 1, line.lastIndexOf('}')) : "";
			return new Series(line, name, labels, Double.parseDouble(line.substring(space + 1)));
		}

		boolean has(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				if (!("," + labels + ",").contains("," + pairs[i] + "=\"" + pairs[i + 1] + "\",")) {
					return false;
				}
			}
			return true;
		}

	}

}
