package io.featurecreep.chat;

/** A chat people vote from, and the key of its name. */
public enum ChatPlatform {

	SLACK("chat.platform.SLACK"), DISCORD("chat.platform.DISCORD");

	private final String labelKey;

	ChatPlatform(String labelKey) {
		this.labelKey = labelKey;
	}

	public String labelKey() {
		return labelKey;
	}

}
