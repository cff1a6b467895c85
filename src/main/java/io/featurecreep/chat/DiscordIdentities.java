package io.featurecreep.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Discord users of a server as the chat links know them (platform DISCORD, workspace = the Discord server). */
@Component
class DiscordIdentities implements DiscordVoters {

	private final ChatLinks links;

	DiscordIdentities(ChatLinks links) {
		this.links = links;
	}

	@Override
	public Optional<String> personOf(String guildId, String userId) {
		return links.personOf(user(guildId, userId));
	}

	@Override
	public String linkFor(String guildId, String userId, String displayName) {
		return links.newLink(user(guildId, userId));
	}

	private static ChatUser user(String guildId, String userId) {
		return new ChatUser(ChatPlatform.DISCORD, guildId, userId);
	}

}
