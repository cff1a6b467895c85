package io.featurecreep.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Discord applications squads connected, for the module that answers their interactions: which application and
 * channel belong to which squad, and the public keys that verify what Discord sends. Tokens stay here.
 */
@Service
@Transactional(readOnly = true)
public class DiscordConnections {

	/** The name of the slash command members vote with. */
	public static final String COMMAND = "healthcheck";

	/** How the custom id of a "vote" button starts; the session's id follows. */
	public static final String VOTE_BUTTON = "fc:vote:";

	private final DiscordApps apps;

	DiscordConnections(DiscordApps apps) {
		this.apps = apps;
	}

	/** Every connection, oldest first. */
	public List<Connection> all() {
		return apps.connections();
	}

	/**
	 * The squad's connection an interaction from this application in this Discord channel belongs to; when the
	 * application is connected in one channel only, that one (a command may be used in any channel of the server).
	 */
	public Optional<Connection> of(String applicationId, String discordChannelId) {
		List<Connection> ofApplication = all().stream().filter(c -> c.applicationId().equals(applicationId)).toList();
		return ofApplication.stream()
			.filter(c -> c.discordChannelId().equals(discordChannelId))
			.findFirst()
			.or(() -> ofApplication.size() == 1 ? Optional.of(ofApplication.get(0)) : Optional.empty());
	}

	/** A squad's Discord application in one of its channels; the public key is not secret. */
	public record Connection(String channelId, String squadId, String applicationId, String publicKey,
			String discordChannelId) {
	}

}
