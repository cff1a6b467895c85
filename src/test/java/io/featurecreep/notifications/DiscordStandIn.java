package io.featurecreep.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local server in Discord's place: records what it receives and answers with a chosen status. */
final class DiscordStandIn implements AutoCloseable {

	record Received(String path, String body) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 204;

	DiscordStandIn() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				received.add(new Received(exchange.getRequestURI().getPath(),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	void answerWith(int status) {
		this.status = status;
	}

	List<Received> received() {
		return received;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
