package io.featurecreep.notifications;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook address, accepted only in Discord's own shape on Discord's own hosts (the original
 * accepted any address that merely contained "discord.com/api/webhooks/a/b", which let the server be
 * pointed anywhere).
 */
record DiscordWebhook(String url, String webhookId, String token) {

	private static final Pattern SHAPE = Pattern.compile(
			"^https://(?:discord\\.com|discordapp\\.com|ptb\\.discord\\.com|canary\\.discord\\.com)"
					+ "/api/webhooks/(\\d{1,25})/([A-Za-z0-9_-]{1,100})/?$");

	static Optional<DiscordWebhook> parse(String url) {
		if (url == null) {
			return Optional.empty();
		}
		Matcher matcher = SHAPE.matcher(url.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new DiscordWebhook(url.strip(), matcher.group(1), matcher.group(2)));
	}

	/** The address without its secret part, for showing to people who may not use it. */
	String masked() {
		return "https://discord.com/api/webhooks/" + webhookId + "/" + "*".repeat(8);
	}

	@Override
	public String toString() {
		// the token is a secret: never let it reach a log line by accident
		return "DiscordWebhook[" + webhookId + "]";
	}

}
