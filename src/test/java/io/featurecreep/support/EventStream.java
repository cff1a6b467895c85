package io.featurecreep.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A server-sent events client: hands over the name of each event as it arrives (comments are skipped). */
public final class EventStream implements AutoCloseable {

	private final BlockingQueue<String> names = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private EventStream(HttpClient http, URI uri, String token, Consumer<String> onEvent) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.build();
		this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept(lines -> lines.body().forEach(line -> {
			if (line.startsWith("event:")) {
				String name = line.substring("event:".length()).strip();
				onEvent.accept(name);
				names.add(name);
			}
		}));
	}

	/** Opens the stream of a session on a node. */
	public static EventStream open(HttpClient http, int port, String sessionId, String token, Consumer<String> onEvent) {
		return new EventStream(http, URI.create("http://127.0.0.1:" + port + "/sessions/" + sessionId + "/events"), token,
				onEvent);
	}

	public static EventStream open(int port, String sessionId, String token) {
		return open(HttpClient.newHttpClient(), port, sessionId, token, name -> {
		});
	}

	/** The next event's name, waiting at most 5 s. */
	public String next() throws InterruptedException {
		String name = names.poll(5, TimeUnit.SECONDS);
		if (name == null) {
			throw new AssertionError("no event within 5 s");
		}
		return name;
	}

	@Override
	public void close() {
		response.thenAccept(lines -> lines.body().close());
		response.cancel(true);
	}

}
