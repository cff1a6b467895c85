package io.featurecreep.notifications;

/** The kinds of places a squad's reports can go. */
public enum ChannelKind {

	DISCORD, SLACK, TEAMS, WEBHOOK, EMAIL

}
