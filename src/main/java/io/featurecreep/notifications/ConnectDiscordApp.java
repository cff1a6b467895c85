package io.featurecreep.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.Language;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * An owner connects a Discord application to the squad: its bot posts a test message to the channel and the
 * application's /healthcheck command is registered before the connection is kept, so a wrong token, channel or
 * application is refused at once, with Discord's answer. Discord is called outside any transaction: no database
 * connection waits on it.
 */
@Service
class ConnectDiscordApp {

	private static final Pattern SNOWFLAKE = Pattern.compile("^\\d{15,20}$");

	private static final Pattern PUBLIC_KEY = Pattern.compile("^[0-9a-f]{64}$");

	private static final Pattern BOT_TOKEN = Pattern.compile("^[A-Za-z0-9._-]{30,200}$");

	private final SquadAccess squads;

	private final ChannelStore channels;

	private final DiscordApps apps;

	private final DeliveryStore deliveries;

	private final DiscordAppSender sender;

	private final DiscordApi api;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ConnectDiscordApp(SquadAccess squads, ChannelStore channels, DiscordApps apps, DeliveryStore deliveries,
			DiscordAppSender sender, DiscordApi api, MessageSource messages, TransactionTemplate transactions,
			Clock clock) {
		this.squads = squads;
		this.channels = channels;
		this.apps = apps;
		this.deliveries = deliveries;
		this.sender = sender;
		this.api = api;
		this.messages = messages;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Checks the settings, sends a test message, registers /healthcheck, and keeps the connection. */
	NotificationChannel connect(String callerId, String squadId, Settings settings) {
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"squad.ownersOnly.changeChannels");
		Settings valid = settings.validated();
		if (channels.ofSquad(squadId).size() >= 20) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "notifications.channels.tooMany");
		}
		NotificationChannel channel = new NotificationChannel(Ids.newId(), squadId, ChannelKind.DISCORD_APP, null, null,
				clock.instant());
		DiscordApp app = new DiscordApp(channel.id(), valid.applicationId(), valid.publicKey(), valid.botToken(),
				valid.channelId());
		channel = new NotificationChannel(channel.id(), squadId, ChannelKind.DISCORD_APP, app.target(), null,
				channel.createdAt());
		try {
			sender.send(app, new Message.Test(squad.name(), squad.reportLanguage()));
			api.registerCommand(app, command());
		}
		catch (DeliveryFailed failed) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "notifications.channels.testFailed", failed.reason());
		}
		NotificationChannel stored = channel;
		transactions.executeWithoutResult(tx -> {
			channels.insert(stored, callerId);
			apps.insert(app);
			deliveries.logTest(Ids.newId(), squadId, stored.id(), null, clock.instant());
		});
		return stored;
	}

	/** Registers /healthcheck again (owners), e.g. after the command was deleted in Discord's developer portal. */
	void registerCommand(String callerId, String channelId) {
		NotificationChannel channel = channels.find(channelId)
			.filter(found -> found.kind() == ChannelKind.DISCORD_APP)
			.orElseThrow(() -> DomainException.notFound("Channel not found"));
		squads.requireOwner(channel.squadId(), callerId, DomainException.notFound("Channel not found"),
				"squad.ownersOnly.changeChannels");
		DiscordApp app = apps.ofChannel(channelId).orElseThrow(() -> DomainException.notFound("Channel not found"));
		try {
			api.registerCommand(app, command());
		}
		catch (DeliveryFailed failed) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "discord.command.registerFailed", failed.reason());
		}
	}

	/** The /healthcheck command, described in each language Discord users may have set. */
	Map<String, Object> command() {
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("name", DiscordConnections.COMMAND);
		command.put("type", 1);
		command.put("description", messages.getMessage("discord.command.description", null, Locale.ENGLISH));
		Map<String, String> localized = new LinkedHashMap<>();
		for (Language language : Language.values()) {
			Locale locale = language.locale();
			if (!locale.getLanguage().equals("en")) {
				localized.put(discordLocale(locale),
						messages.getMessage("discord.command.description", null, locale));
			}
		}
		command.put("description_localizations", localized);
		command.put("dm_permission", false);
		return command;
	}

	/** Discord names Spanish "es-ES"; the others by their language alone. */
	private static String discordLocale(Locale locale) {
		return locale.getLanguage().equals("es") ? "es-ES" : locale.getLanguage();
	}

	/** What an owner gives: the application's id and public key, its bot's token, the channel's id. */
	record Settings(String applicationId, String publicKey, String botToken, String channelId) {

		/** The settings trimmed (and a token without a "Bot " prefix), or a bad input naming the first wrong one. */
		Settings validated() {
			String application = trim(applicationId);
			String key = trim(publicKey).toLowerCase(Locale.ROOT);
			String token = trim(botToken);
			if (token.regionMatches(true, 0, "Bot ", 0, 4)) {
				token = token.substring(4).strip();
			}
			String channel = trim(channelId);
			require(SNOWFLAKE.matcher(application).matches(), "discord.app.applicationId.invalid");
			require(PUBLIC_KEY.matcher(key).matches(), "discord.app.publicKey.invalid");
			require(BOT_TOKEN.matcher(token).matches(), "discord.app.botToken.invalid");
			require(SNOWFLAKE.matcher(channel).matches(), "discord.app.channelId.invalid");
			return new Settings(application, key, token, channel);
		}

		private static String trim(String value) {
			return value == null ? "" : value.strip();
		}

		private static void require(boolean valid, String key) {
			if (!valid) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, key);
			}
		}

		@Override
		public String toString() {
			return "Settings[" + applicationId + ", channel " + channelId + "]";
		}

	}

}
