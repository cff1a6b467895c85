package io.featurecreep.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local HTTP receiver standing in for Discord, Slack, Teams and webhook receivers; records every request. */
public final class Receiver implements AutoCloseable {

	public record Request(String path, Map<String, List<String>> headers, String body, String method) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statusByPathPrefix = new ConcurrentHashMap<>();

	/** JSON answers by path prefix, for stand-ins of APIs that say what they created (a message's id). */
	private final Map<String, String> bodyByPathPrefix = new ConcurrentHashMap<>();

	public Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String path = exchange.getRequestURI().getPath();
				requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()),
						new String(in.readAllBytes(), StandardCharsets.UTF_8), exchange.getRequestMethod()));
				int status = longestPrefix(statusByPathPrefix, path, 200);
				if (status / 100 == 3) {
					exchange.getResponseHeaders().add("Location", baseUrl() + "/redirected" + path);
				}
				String body = longestPrefix(bodyByPathPrefix, path, null);
				if (body == null) {
					exchange.sendResponseHeaders(status, -1);
				}
				else {
					byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(status, bytes.length);
					exchange.getResponseBody().write(bytes);
				}
			}
			exchange.close();
		});
		server.start();
	}

	/** The answer set for the longest prefix of the path: a path's own answer wins over its API's. */
	private static <T> T longestPrefix(Map<String, T> answers, String path, T otherwise) {
		return answers.entrySet()
			.stream()
			.filter(e -> path.startsWith(e.getKey()))
			.max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
			.map(Map.Entry::getValue)
			.orElse(otherwise);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void answer(String pathPrefix, int status) {
		statusByPathPrefix.put(pathPrefix, status);
	}

	/** Answers requests under the path with this status and body (JSON), as chat APIs answer with what they did. */
	public void answer(String pathPrefix, int status, String body) {
		statusByPathPrefix.put(pathPrefix, status);
		bodyByPathPrefix.put(pathPrefix, body);
	}

	/** Answers requests under the prefix with this JSON (and the status set by {@link #answer}, else 200). */
	public void answerJson(String pathPrefix, String json) {
		bodyByPathPrefix.put(pathPrefix, json);
	}

	public List<Request> to(String pathPrefix) {
		return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
