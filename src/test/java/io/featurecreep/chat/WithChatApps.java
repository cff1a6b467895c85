package io.featurecreep.chat;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.featurecreep.support.WithReceivers;

/**
 * For tests of voting from chats: the receivers of {@link WithReceivers} stand in for slack.com and discord.com, and
 * the server has a public address, so that chat users get links to link their accounts. Chat tests extend this and
 * so share one application context.
 */
abstract class WithChatApps extends WithReceivers {

	static final String PUBLIC_URL = "https://health.example.test";

	@DynamicPropertySource
	static void publicAddress(DynamicPropertyRegistry registry) {
		registry.add("feature-creep.public-url", () -> PUBLIC_URL);
	}

}
