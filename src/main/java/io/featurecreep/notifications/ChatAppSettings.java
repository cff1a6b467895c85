package io.featurecreep.notifications;

import java.util.regex.Pattern;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * What connects a chat app beside its channel id: the bot's token, and what proves that a request came from the chat
 * (Slack: the app's signing secret; Discord: the application id and its public key). All but the ids are secrets:
 * stored, used, never shown or logged.
 */
record ChatAppSettings(String botToken, String signingSecret, String applicationId, String publicKey) {

	private static final Pattern SLACK_BOT_TOKEN = Pattern.compile("^xoxb-[A-Za-z0-9-]{10,250}$");

	private static final Pattern SLACK_SIGNING_SECRET = Pattern.compile("^[A-Za-z0-9]{20,100}$");

	static final ChatAppSettings NONE = new ChatAppSettings(null, null, null, null);

	/** The settings a kind of chat app needs, checked and trimmed; a bad input naming the first that is wrong. */
	static ChatAppSettings checked(ChannelKind kind, ChatAppSettings given) {
		ChatAppSettings settings = given == null ? NONE : given;
		return switch (kind) {
			case SLACK_APP -> new ChatAppSettings(
					required(settings.botToken(), SLACK_BOT_TOKEN, "channel.app.botToken.invalid"),
					required(settings.signingSecret(), SLACK_SIGNING_SECRET, "channel.app.signingSecret.invalid"),
					null, null);
			default -> throw new IllegalArgumentException("Not a chat app: " + kind);
		};
	}

	/** What verifies the chat's requests, as the channel stores it in its signing secret. */
	String verifier() {
		return signingSecret != null ? signingSecret : publicKey;
	}

	private static String required(String value, Pattern shape, String refusalKey) {
		String stripped = value == null ? "" : value.strip();
		if (!shape.matcher(stripped).matches()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, refusalKey);
		}
		return stripped;
	}

	@Override
	public String toString() {
		return "ChatAppSettings[***]";
	}

}
