package io.featurecreep.notifications;

/**
 * The settings of a Discord application connected to a squad as a {@link ChannelKind#DISCORD_APP} channel: the
 * application, its public key (which verifies its interactions), its bot token (a secret, like a webhook address) and
 * the Discord channel its bot posts to.
 */
record DiscordApp(String channelId, String applicationId, String publicKey, String botToken, String discordChannelId) {

	/** The channel's target as the channel list shows it: where it posts, no secret. */
	String target() {
		return "application " + applicationId + " \u00B7 channel " + discordChannelId;
	}

	@Override
	public String toString() {
		// never print the token: it lets anyone post as the bot
		return "DiscordApp[" + applicationId + ", channel " + discordChannelId + "]";
	}

}
