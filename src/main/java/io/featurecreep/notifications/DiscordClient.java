package io.featurecreep.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts messages to Discord webhooks. Requests go to Discord's API address (configurable only so tests can
 * stand in for Discord), never follow redirects, and time out quickly.
 */
@Component
class DiscordClient {

	private static final Logger log = LoggerFactory.getLogger(DiscordClient.class);

	static final String USERNAME = "Feature Creep";

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String apiBase;

	private final JsonMapper json;

	DiscordClient(@Value("${feature-creep.notifications.discord.api-base:https://discord.com}") String apiBase,
			JsonMapper json) {
		this.apiBase = apiBase.replaceAll("/+$", "");
		this.json = json;
	}

	/** Sends a plain message; mentions are switched off so user text cannot ping anyone. */
	boolean sendText(DiscordWebhook webhook, String content) {
		return post(webhook, Map.of("content", content, "username", USERNAME, "allowed_mentions",
				Map.of("parse", java.util.List.of())));
	}

	boolean post(DiscordWebhook webhook, Map<String, Object> payload) {
		URI target = URI.create(apiBase + "/api/webhooks/" + webhook.webhookId() + "/" + webhook.token());
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "FeatureCreep (self-hosted)")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload)))
			.build();
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			boolean delivered = response.statusCode() / 100 == 2;
			if (!delivered) {
				log.info("Discord webhook {} answered {}", webhook, response.statusCode());
			}
			return delivered;
		}
		catch (IOException ex) {
			log.info("Discord webhook {} unreachable: {}", webhook, ex.getClass().getSimpleName());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
