package io.featurecreep.notifications;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.OutboundHttp.Answer;
import io.featurecreep.notifications.OutboundHttp.OutboundRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Web API (https://slack.com/api/…) with a bot token, through the guarded client and to slack.com only.
 * Slack answers 200 with {@code "ok": false} and an error code when it refuses; that code (never the token) is the
 * reason a delivery log shows.
 */
@Component
class SlackApi {

	static final String BASE = "https://slack.com/api/";

	private final OutboundHttp http;

	private final JsonMapper json;

	SlackApi(OutboundHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	/** Calls a method (e.g. {@code chat.postMessage}) and returns Slack's answer when it says ok. */
	JsonNode call(String botToken, String method, Map<String, Object> body) throws DeliveryFailed {
		Answer answer;
		try {
			answer = http.postJsonForAnswer(URI.create(BASE + method), json.writeValueAsString(body),
					Map.of("Authorization", "Bearer " + botToken, "Content-Type", "application/json; charset=utf-8"));
		}
		catch (OutboundRefused refused) {
			throw new DeliveryFailed(refused.reason());
		}
		catch (IOException unreachable) {
			throw new DeliveryFailed(
					new Phrase("notifications.failure.unreachable", unreachable.getClass().getSimpleName()));
		}
		if (answer.status() / 100 != 2) {
			throw new DeliveryFailed(new Phrase("notifications.failure.httpStatus", String.valueOf(answer.status())));
		}
		JsonNode node;
		try {
			node = json.readTree(answer.body());
		}
		catch (JacksonException notJson) {
			throw new DeliveryFailed(new Phrase("notifications.failure.chatApi", "not_json"));
		}
		if (!node.path("ok").asBoolean(false)) {
			// Slack's error codes are short words such as channel_not_found; anything else is cut to a safe form
			String error = node.path("error").asString("unknown").replaceAll("[^A-Za-z0-9_.-]", "");
			throw new DeliveryFailed(new Phrase("notifications.failure.chatApi",
					error.isEmpty() ? "unknown" : error.substring(0, Math.min(error.length(), 60))));
		}
		return node;
	}

}
