package io.featurecreep.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A Redis server of a test's own (Debian's redis-server, without persistence) that the test may stop and start
 * again on the same port: Redis restarted without its data, or away for a while. The shared server of the suite
 * (FC_TEST_REDIS_URL) is never touched.
 */
public final class RedisServer implements AutoCloseable {

	private final int port;

	private final Path dir;

	private Process process;

	private RedisServer(int port, Path dir) {
		this.port = port;
		this.dir = dir;
	}

	public static RedisServer started() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RedisServer server = new RedisServer(port, Files.createTempDirectory("fc-fault-redis"));
		server.start();
		return server;
	}

	public String url() {
		return "redis://127.0.0.1:" + port;
	}

	/** Starts the server (empty: nothing is saved) and waits until it accepts connections. */
	public synchronized void start() throws IOException {
		process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
				"--save", "", "--appendonly", "no", "--dir", dir.toString()))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("redis.log").toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try {
				new Socket("127.0.0.1", port).close();
				return;
			}
			catch (IOException notYet) {
				sleep(20);
			}
		}
		throw new IOException("redis-server did not start on port " + port + ": see " + dir.resolve("redis.log"));
	}

	/** Kills the server: its data is gone, and clients see connections refused until it starts again. */
	public synchronized void stop() throws InterruptedException {
		if (process != null) {
			process.destroyForcibly();
			process.waitFor();
			process = null;
		}
	}

	/** Redis restarted without its data: streams, consumer groups and everything else are gone. */
	public void restartEmpty() throws IOException, InterruptedException {
		stop();
		start();
	}

	@Override
	public void close() {
		try {
			stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
