package io.featurecreep.notifications;

/**
 * The settings of a Discord application connected to a squad as a {@link ChannelKind#DISCORD_APP} channel: the
 * application, its public key (which verifies its interactions), its bot token (a secret, like a webhook address) and
 * the Discord channel its bot posts to.
 */
record DiscordApp(String channelId, String applicationId, String publicKey, String botToken, String discordChannelId) {

	/** The channel's target: the Discord channel it posts to (no secret). */
	String target() {
		return discordChannelId;
	}

	@Override
	public String toString() {
		// never print the token: it lets anyone post as the bot
		return "DiscordApp[" + applicationId + ", channel " + discordChannelId + "]";
	}

}
