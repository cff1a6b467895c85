package io.featurecreep.chat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.featurecreep.notifications.DiscordConnections;
import io.featurecreep.notifications.DiscordConnections.Connection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where Discord sends the interactions of every connected application (its "interactions endpoint URL"). Open to
 * anyone, so the signature is checked first, on the raw bytes, against the public keys of the connected
 * applications: a request that none of them signed, or signed more than five minutes ago, gets 401 and is not read.
 * The application that signed must also be the one the interaction names, and connected in the channel it comes
 * from (or in one channel only).
 */
@RestController
class DiscordInteractionsController {

	private final DiscordConnections connections;

	private final DiscordInteractions interactions;

	private final JsonMapper json;

	private final Clock clock;

	DiscordInteractionsController(DiscordConnections connections, DiscordInteractions interactions, JsonMapper json,
			Clock clock) {
		this.connections = connections;
		this.interactions = interactions;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping(path = "/integrations/discord/interactions", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> interaction(@RequestHeader(name = "X-Signature-Ed25519", required = false) String signature,
			@RequestHeader(name = "X-Signature-Timestamp", required = false) String timestamp,
			@RequestBody(required = false) byte[] body) {
		Optional<String> signedBy = connections.all()
			.stream()
			.map(Connection::publicKey)
			.distinct()
			.filter(key -> DiscordSignature.verify(key, timestamp, signature, body, clock.instant()))
			.findFirst();
		if (signedBy.isEmpty()) {
			return ResponseEntity.status(401).body(Map.of("error", "invalid request signature"));
		}
		JsonNode interaction;
		try {
			interaction = json.readTree(body);
		}
		catch (JacksonException notJson) {
			return ResponseEntity.badRequest().body(Map.of("error", "not JSON"));
		}
		if (interaction.path("type").asInt() == 1) {
			return ResponseEntity.ok(Map.of("type", DiscordInteractions.PONG));
		}
		String channelId = interaction.path("channel_id").asString(interaction.path("channel").path("id").asString(""));
		Optional<Connection> connection = connections.of(interaction.path("application_id").asString(""), channelId)
			.filter(found -> found.publicKey().equals(signedBy.get()));
		if (connection.isEmpty()) {
			return ResponseEntity.ok(interactions.notConnected(interaction));
		}
		return ResponseEntity.ok(interactions.answer(interaction, connection.get()));
	}

}
