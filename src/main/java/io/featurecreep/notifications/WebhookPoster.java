package io.featurecreep.notifications;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.OutboundHttp.OutboundRefused;
import tools.jackson.databind.json.JsonMapper;

/** Posts JSON to webhooks through the guarded client and turns every failure into a readable reason. */
@Component
class WebhookPoster {

	private final OutboundHttp http;

	private final JsonMapper json;

	WebhookPoster(OutboundHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	String toJson(Object payload) {
		return json.writeValueAsString(payload);
	}

	void post(String url, Object payload) throws DeliveryFailed {
		postRaw(url, toJson(payload), Map.of());
	}

	void postRaw(String url, String body, Map<String, String> headers) throws DeliveryFailed {
		int status;
		try {
			status = http.postJson(URI.create(url), body, headers);
		}
		catch (OutboundRefused refused) {
			throw new DeliveryFailed(refused.reason());
		}
		catch (IOException unreachable) {
			throw new DeliveryFailed(
					new Phrase("notifications.failure.unreachable", unreachable.getClass().getSimpleName()));
		}
		catch (IllegalArgumentException invalid) {
			throw new DeliveryFailed(new Phrase("notifications.failure.invalidAddress"));
		}
		if (status / 100 != 2) {
			throw new DeliveryFailed(new Phrase("notifications.failure.httpStatus", String.valueOf(status)));
		}
	}

}
