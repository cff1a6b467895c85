package io.featurecreep.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.featurecreep.shared.DomainException;

/**
 * What each kind of channel accepts as its target. Chat services are accepted only on their own https
 * addresses and in their own shapes; generic webhooks on any https address (whether it resolves to a public
 * address is checked when connecting); e-mail as an address.
 */
final class ChannelTargets {

	private static final Pattern SLACK = Pattern
		.compile("^https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{10,300}$");

	private static final Pattern TEAMS = Pattern.compile("^https://(?:[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/"
			+ "|[a-z0-9.-]+\\.logic\\.azure\\.com(?::443)?/workflows/"
			+ "|[a-z0-9.-]+\\.environment\\.api\\.powerplatform\\.com(?::443)?/)[A-Za-z0-9@/_.?=&%:-]{10,1500}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

	private ChannelTargets() {
	}

	/** The target in its canonical form, or a bad input naming what is wrong. */
	static String validate(ChannelKind kind, String target) {
		String value = target == null ? "" : target.strip();
		if (value.isEmpty()) {
			throw DomainException.badInput("Please give the " + describe(kind));
		}
		if (value.length() > 2000) {
			throw DomainException.badInput("The " + describe(kind) + " is too long");
		}
		boolean valid = switch (kind) {
			case DISCORD -> DiscordWebhook.parse(value).isPresent();
			case SLACK -> SLACK.matcher(value).matches();
			case TEAMS -> TEAMS.matcher(value).matches();
			case WEBHOOK -> isHttpsUrl(value);
			case EMAIL -> EMAIL.matcher(value).matches();
		};
		if (!valid) {
			throw DomainException.badInput("This is not a valid " + describe(kind));
		}
		return kind == ChannelKind.EMAIL ? value.toLowerCase(Locale.ROOT) : value;
	}

	/** The target without its secret part, as shown in the UI, the API and logs. */
	static String masked(ChannelKind kind, String target) {
		if (kind == ChannelKind.EMAIL) {
			int at = target.indexOf('@');
			return at <= 1 ? "***" + target.substring(Math.max(at, 0)) : target.charAt(0) + "***" + target.substring(at);
		}
		if (kind == ChannelKind.DISCORD) {
			return DiscordWebhook.parse(target).map(DiscordWebhook::masked).orElse("https://discord.com/***");
		}
		try {
			URI uri = new URI(target);
			return uri.getScheme() + "://" + uri.getHost() + "/***";
		}
		catch (URISyntaxException ex) {
			return "***";
		}
	}

	static String describe(ChannelKind kind) {
		return switch (kind) {
			case DISCORD -> "Discord webhook URL";
			case SLACK -> "Slack webhook URL (https://hooks.slack.com/...)";
			case TEAMS -> "Microsoft Teams workflow or webhook URL";
			case WEBHOOK -> "webhook URL (https://...)";
			case EMAIL -> "e-mail address";
		};
	}

	private static boolean isHttpsUrl(String value) {
		try {
			URI uri = new URI(value);
			return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
					&& uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
