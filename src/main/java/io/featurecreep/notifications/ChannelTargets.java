package io.featurecreep.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * What each kind of channel accepts as its target. Chat services are accepted only on their own https
 * addresses and in their own shapes; generic webhooks on any https address (whether a host name resolves to a
 * public address is checked when connecting); e-mail as an address. A refusal says what is wrong, in the order a
 * person would fix it: not a web address at all, an address that stays inside the network, not https, another
 * service's address, then the service's own shape.
 */
final class ChannelTargets {

	private static final Pattern SLACK = Pattern
		.compile("^https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{10,300}$");

	private static final Pattern TEAMS = Pattern.compile("^https://(?:[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/"
			+ "|[a-z0-9.-]+\\.logic\\.azure\\.com(?::443)?/workflows/"
			+ "|[a-z0-9.-]+\\.environment\\.api\\.powerplatform\\.com(?::443)?/)[A-Za-z0-9@/_.?=&%:-]{10,1500}$");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

	/** A chat's channel id: Slack's (C0123ABCD) or Discord's (a snowflake of digits). */
	private static final Pattern CHAT_CHANNEL_ID = Pattern.compile("^[A-Z0-9]{6,30}$");

	private static final Pattern IPV4_LITERAL = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");

	private ChannelTargets() {
	}

	/** The target in its canonical form, or a bad input naming what is wrong. */
	static String validate(ChannelKind kind, String target) {
		if (kind.connectedApp()) {
			// an application has settings rather than an address: its own form and mutation take them
			throw refused("channel.target.connectedApp", label(kind));
		}
		String value = target == null ? "" : target.strip();
		if (value.isEmpty()) {
			throw refused("channel.target.missing", describe(kind));
		}
		if (value.length() > 2000) {
			throw refused("channel.target.tooLong", describe(kind));
		}
		if (kind.takesVotes()) {
			if (!CHAT_CHANNEL_ID.matcher(value).matches()) {
				throw refused("channel.target.invalid", describe(kind));
			}
			return value;
		}
		if (kind == ChannelKind.EMAIL) {
			if (!EMAIL.matcher(value).matches()) {
				throw refused("channel.target.invalid", describe(kind));
			}
			return value.toLowerCase(Locale.ROOT);
		}
		checkWebAddress(kind, value);
		boolean valid = switch (kind) {
			case DISCORD -> DiscordWebhook.parse(value).isPresent();
			case SLACK -> SLACK.matcher(value).matches();
			case TEAMS -> TEAMS.matcher(value).matches();
			case WEBHOOK -> true;
			case EMAIL, SLACK_APP, DISCORD_APP -> throw new IllegalStateException("handled above");
		};
		if (!valid) {
			throw refused("channel.target.invalid", describe(kind));
		}
		return value;
	}

	/** Everything a webhook address of any kind must be, before its service's own shape. */
	private static void checkWebAddress(ChannelKind kind, String value) {
		if (!value.contains(":") && EMAIL.matcher(value).matches()) {
			throw refused("channel.target.isEmail");
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw refused("channel.target.notWebAddress");
		}
		String host = uri.getHost();
		if (uri.getScheme() == null || host == null) {
			throw refused("channel.target.notWebAddress");
		}
		host = host.toLowerCase(Locale.ROOT);
		if (!leadsToPublicInternet(host)) {
			throw refused("channel.target.notPublic");
		}
		if (!"https".equalsIgnoreCase(uri.getScheme())) {
			throw refused("channel.target.notHttps");
		}
		Optional<ChannelKind> service = serviceOf(host);
		if (service.isPresent() && service.get() != kind) {
			throw refused("channel.target.otherKind", label(service.get()));
		}
		if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			throw refused("channel.target.invalid", describe(kind));
		}
	}

	/**
	 * False for what certainly stays inside the network: this machine's names and addresses written as numbers that
	 * are not public. Other names are checked against every address they resolve to when connecting
	 * ({@link OutboundHttp}), where a DNS answer cannot change between check and use.
	 */
	private static boolean leadsToPublicInternet(String host) {
		if (host.equals("localhost") || host.endsWith(".localhost")) {
			return false;
		}
		boolean ipv6 = host.startsWith("[") && host.endsWith("]");
		boolean ipv4 = IPV4_LITERAL.matcher(host).matches()
				&& java.util.Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
		if (!ipv6 && !ipv4) {
			return true;
		}
		try {
			// a literal: parsed, never looked up
			return PublicAddresses.isPublic(InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host));
		}
		catch (UnknownHostException notAnAddress) {
			return false;
		}
	}

	/** The chat service a host belongs to, if any: its address in another kind's field is a mistake to name. */
	private static Optional<ChannelKind> serviceOf(String host) {
		if (host.equals("discord.com") || host.endsWith(".discord.com") || host.equals("discordapp.com")
				|| host.endsWith(".discordapp.com")) {
			return Optional.of(ChannelKind.DISCORD);
		}
		if (host.equals("slack.com") || host.endsWith(".slack.com")) {
			return Optional.of(ChannelKind.SLACK);
		}
		if (host.endsWith(".webhook.office.com") || host.endsWith(".logic.azure.com")
				|| host.endsWith(".environment.api.powerplatform.com")) {
			return Optional.of(ChannelKind.TEAMS);
		}
		return Optional.empty();
	}

	/** The target without its secret part, as shown in the UI, the API and logs. */
	static String masked(ChannelKind kind, String target) {
		if (kind.takesVotes()) {
			return target; // a channel id, no secret: the app's token and signing secret are never shown
		}
		if (kind == ChannelKind.EMAIL) {
			int at = target.indexOf('@');
			return at <= 1 ? "***" + target.substring(Math.max(at, 0)) : target.charAt(0) + "***" + target.substring(at);
		}
		if (kind.connectedApp()) {
			// an application's target names where it posts and holds no secret (the token is kept apart)
			return target;
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

	/**
	 * What the target of a kind is, as refusals name it ("Slack webhook URL (https://hooks.slack.com/...)"): a phrase,
	 * so that a page says it in the language of the refusal around it.
	 */
	static Phrase describe(ChannelKind kind) {
		return new Phrase(kind.targetKey());
	}

	/** The kind's name as the pages show it ("Slack", "Signed webhook"). */
	static Phrase label(ChannelKind kind) {
		return new Phrase(kind.labelKey());
	}

	private static DomainException refused(String key, Object... arguments) {
		return DomainException.of(ErrorCode.BAD_USER_INPUT, key, arguments);
	}

}
