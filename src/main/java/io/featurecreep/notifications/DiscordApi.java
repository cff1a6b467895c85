package io.featurecreep.notifications;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.OutboundHttp.Answer;
import io.featurecreep.notifications.OutboundHttp.OutboundRefused;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discord's HTTP API as a connected application's bot uses it: post and edit messages in a channel, register the
 * application's /healthcheck command. Only discord.com, through the guarded client; every failure becomes a reason
 * the delivery log can show (never the token).
 */
@Component
class DiscordApi {

	static final String BASE = "https://discord.com/api/v10";

	private final OutboundHttp http;

	private final JsonMapper json;

	DiscordApi(OutboundHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	/** Posts a message to the app's channel and returns the new message's id. */
	String postMessage(DiscordApp app, Object payload) throws DeliveryFailed {
		Answer answer = call(app, "POST", "/channels/" + app.discordChannelId() + "/messages", payload);
		return json.readTree(answer.body()).path("id").asString("");
	}

	void editMessage(DiscordApp app, String messageId, Object payload) throws DeliveryFailed {
		call(app, "PATCH", "/channels/" + app.discordChannelId() + "/messages/" + messageId, payload);
	}

	/**
	 * Registers (or updates: Discord overwrites a command of the same name) one of the application's global
	 * commands.
	 */
	void registerCommand(DiscordApp app, Object command) throws DeliveryFailed {
		call(app, "POST", "/applications/" + app.applicationId() + "/commands", command);
	}

	private Answer call(DiscordApp app, String method, String path, Object payload) throws DeliveryFailed {
		Answer answer;
		try {
			answer = http.exchange(method, URI.create(BASE + path), json.writeValueAsString(payload),
					Map.of("Authorization", "Bot " + app.botToken(), "User-Agent",
							"DiscordBot (https://github.com/feature-creep, 1)"));
		}
		catch (OutboundRefused refused) {
			throw new DeliveryFailed(refused.reason());
		}
		catch (IOException unreachable) {
			throw new DeliveryFailed(
					new Phrase("notifications.failure.unreachable", unreachable.getClass().getSimpleName()));
		}
		if (answer.status() == 401 || answer.status() == 403) {
			throw new DeliveryFailed(new Phrase("notifications.failure.discordRefused", String.valueOf(answer.status())));
		}
		if (!answer.successful()) {
			throw new DeliveryFailed(new Phrase("notifications.failure.httpStatus", String.valueOf(answer.status())));
		}
		return answer;
	}

}
