package io.featurecreep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * For tests of what the application sends: one local {@link Receiver} stands in for Discord, Slack, Teams and a
 * webhook receiver (under {@code /<host>/...}), GreenMail is the SMTP server, and deliveries are retried quickly (3
 * attempts, 0.2 s apart). Test classes that extend this share one application context, and so the receivers: they
 * use paths and addresses of their own. Both run until the JVM ends.
 */
public abstract class WithReceivers {

	/** The hosts whose requests go to {@link #receiver}, at {@code /<host>/<path>}. */
	public static final List<String> HOSTS = List.of("discord.com", "hooks.slack.com", "slack.com", "contoso.webhook.office.com",
			"receiver.example");

	protected static final Receiver receiver;

	protected static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		try {
			receiver = new Receiver();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			receiver.close();
			mail.stop();
		}));
	}

	@DynamicPropertySource
	static void receivers(DynamicPropertyRegistry registry) {
		for (String host : HOSTS) {
			registry.add("feature-creep.outbound.stand-ins[" + host + "]", () -> receiver.baseUrl() + "/" + host);
		}
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("feature-creep.notifications.delivery.backoff", () -> "PT0.2S");
		registry.add("feature-creep.notifications.delivery.max-attempts", () -> "3");
		registry.add("feature-creep.events.poll-interval", () -> "PT0.2S");
	}

}
