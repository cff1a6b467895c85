package io.featurecreep;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.featurecreep.support.MockIssuers;
import io.featurecreep.support.Receiver;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Two nodes of the application on one database and one Redis, as in a scaled-out production, started in this JVM
 * with their settings as command-line arguments (they win over application.properties, as a deployment's would):
 * on the PostgreSQL of FC_TEST_POSTGRES_URL when set, else on an in-memory H2 database they share. People sign in
 * with JWTs of a mock issuer; Discord reports go to a local receiver.
 */
final class TwoNodes implements AutoCloseable {

	private final MockOAuth2Server issuer = new MockOAuth2Server();

	final Receiver discord;

	final ConfigurableApplicationContext node1;

	final ConfigurableApplicationContext node2;

	private TwoNodes(String redisUrl, Map<String, Object> settings) throws IOException {
		MockIssuers.started(issuer, "nodes");
		discord = new Receiver();
		Map<String, Object> shared = new HashMap<>();
		shared.putAll(System.getenv(TestDatabase.POSTGRES_URL) != null ? TestDatabase.postgres().properties()
				: TestDatabase.h2().properties());
		shared.put("server.port", 0);
		shared.put("spring.data.redis.url", redisUrl);
		shared.put("feature-creep.events.redis-prefix", "test-" + UUID.randomUUID() + ":");
		shared.put("feature-creep.events.poll-interval", "PT0.2S");
		shared.put("feature-creep.events.lease", "PT3S");
		shared.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUrl("nodes").toString());
		shared.put("feature-creep.outbound.stand-ins[discord.com]", discord.baseUrl());
		shared.putAll(settings);
		String[] arguments = shared.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		node1 = new SpringApplicationBuilder(FeatureCreepApplication.class).run(arguments);
		node2 = new SpringApplicationBuilder(FeatureCreepApplication.class).run(arguments);
	}

	static TwoNodes started(String redisUrl, Map<String, Object> settings) throws IOException {
		return new TwoNodes(redisUrl, settings);
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/** A bearer token for the person of this subject (created on first use). */
	String token(String subject) {
		return issuer.issueToken("nodes", subject, "feature-creep", Map.of()).serialize();
	}

	/** Stops both nodes' job consumers (they take no job until resumed), to arrange what is left in the stream. */
	void pauseJobs() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { node1, node2 }) {
			node.getBean("redisJobConsumer", org.springframework.context.SmartLifecycle.class).stop();
		}
	}

	void resumeJobs() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { node1, node2 }) {
			node.getBean("redisJobConsumer", org.springframework.context.SmartLifecycle.class).start();
		}
	}

	@Override
	public void close() {
		node1.close();
		node2.close();
		issuer.shutdown();
		discord.close();
	}

}
