package io.featurecreep.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A graphql-transport-ws client on the JDK's WebSocket. */
public final class Subscriber implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	public static Subscriber connect(int port, String token) throws Exception {
		Subscriber subscriber = new Subscriber();
		subscriber.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Authorization", "Bearer " + token)
			.subprotocols("graphql-transport-ws")
			.buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql-ws"), subscriber)
			.get(5, TimeUnit.SECONDS);
		subscriber.send(Map.of("type", "connection_init"));
		assertThat(subscriber.next().path("type").asString()).isEqualTo("connection_ack");
		return subscriber;
	}

	public void subscribe(String id, String query, Map<String, Object> variables) {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
	}

	public JsonNode next() throws InterruptedException {
		JsonNode message = messages.poll(5, TimeUnit.SECONDS);
		assertThat(message).as("a message within 5 s").isNotNull();
		return message;
	}

	/** The next message if one comes within the time, else null: to show that nothing more came. */
	public JsonNode nextWithin(Duration time) throws InterruptedException {
		return messages.poll(time.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void send(Map<String, Object> message) {
		socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		partial.append(data);
		if (last) {
			messages.add(JSON.readTree(partial.toString()));
			partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

}
