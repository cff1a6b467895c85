package io.featurecreep.notifications;

/** The kinds of places a squad's reports can go, with the keys of their names and of what their target is. */
public enum ChannelKind {

	DISCORD("channel.kind.DISCORD", "channel.target.DISCORD"), SLACK("channel.kind.SLACK", "channel.target.SLACK"),
	TEAMS("channel.kind.TEAMS", "channel.target.TEAMS"), WEBHOOK("channel.kind.WEBHOOK", "channel.target.WEBHOOK"),
	EMAIL("channel.kind.EMAIL", "channel.target.EMAIL"),
	SLACK_APP("channel.kind.SLACK_APP", "channel.target.SLACK_APP"),
	/** A Discord application's bot in one Discord channel: reports, and votes through its interactions. */
	DISCORD_APP("channel.kind.DISCORD_APP", "channel.target.DISCORD_APP");

	private final String labelKey;

	private final String targetKey;

	ChannelKind(String labelKey, String targetKey) {
		this.labelKey = labelKey;
		this.targetKey = targetKey;
	}

	/**
	 * Whether the channel is a chat app's, which members vote through: it gets a message with a vote button when a
	 * session starts.
	 */
	boolean takesVotes() {
		return this == SLACK_APP || this == DISCORD_APP;
	}

	/**
	 * Whether the kind is a chat application with settings of its own (connected through its own form and mutation),
	 * rather than an address.
	 */
	boolean connectedApp() {
		return this == DISCORD_APP;
	}

	/** The key of the kind's name as pages show it ("Slack", "Signed webhook"). */
	String labelKey() {
		return labelKey;
	}

	/** The key of what a target of this kind is, as refusals name it ("Slack webhook URL (…)"). */
	String targetKey() {
		return targetKey;
	}

}
