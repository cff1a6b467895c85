package io.featurecreep.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server-sent events client: hands over the name of each event as it arrives (comments are skipped). Reads
 * without holding a thread, so thousands of streams can be open at once.
 */
public final class EventStream implements AutoCloseable {

	private final BlockingQueue<String> names = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Void>> response;

	private volatile Flow.Subscription subscription;

	private EventStream(HttpClient http, URI uri, String token, Consumer<String> onEvent) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.build();
		Flow.Subscriber<String> lines = new Flow.Subscriber<>() {

			@Override
			public void onSubscribe(Flow.Subscription given) {
				subscription = given;
				given.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(String line) {
				if (line.startsWith("event:")) {
					String name = line.substring("event:".length()).strip();
					onEvent.accept(name);
					names.add(name);
				}
			}

			@Override
			public void onError(Throwable error) {
			}

			@Override
			public void onComplete() {
			}

		};
		this.response = http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines));
	}

	/** Opens the stream of a session on a node; {@code onEvent} sees each event name on the client's thread. */
	public static EventStream open(HttpClient http, int port, String path, String token, Consumer<String> onEvent) {
		return new EventStream(http, URI.create("http://127.0.0.1:" + port + path), token, onEvent);
	}

	public static EventStream open(int port, String sessionId, String token) {
		return open(HttpClient.newHttpClient(), port, "/sessions/" + sessionId + "/events", token, name -> {
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
		Flow.Subscription current = subscription;
		if (current != null) {
			current.cancel();
		}
		response.cancel(true);
	}

}
