package io.featurecreep.chat;

import java.util.Optional;

/** Who a Discord user is here: the person linked to them in a server, or the one-time link to link them. */
interface DiscordVoters {

	Optional<String> personOf(String guildId, String userId);

	/** An absolute address of a one-time page where the user, signed in, links their Discord account. */
	String linkFor(String guildId, String userId, String displayName);

}
