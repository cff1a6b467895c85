package io.featurecreep.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** Where a squad's reports go. Only owners change it; the current setting is used at send time. */
@Service
public class NotificationSettings {

	static final String TEST_MESSAGE = "Hello from Feature Creep! This webhook works: health check reports of your squad will arrive here.";

	private final JdbcClient jdbc;

	private final SquadAccess squads;

	private final DiscordClient discord;

	private final Clock clock;

	NotificationSettings(JdbcClient jdbc, SquadAccess squads, DiscordClient discord, Clock clock) {
		this.jdbc = jdbc;
		this.squads = squads;
		this.discord = discord;
		this.clock = clock;
	}

	/** The original {@code setNotificationConfig}: its checks and messages, in its order, and a test message. */
	public Squad setDiscordWebhook(String callerId, String squadId, String url) {
		if (url == null || url.isBlank()) {
			throw DomainException.badInput("Must provide a Discord webhook URL");
		}
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.badInput("Invalid squad ID"),
				"change notification settings");
		DiscordWebhook webhook = DiscordWebhook.parse(url)
			.orElseThrow(() -> DomainException.badInput("Discord webhook failed validation"));
		// the test message goes out before anything is stored, and outside any transaction
		if (!discord.sendText(webhook, TEST_MESSAGE)) {
			throw DomainException.badInput("Discord webhook correct form but cannot send a message");
		}
		store(squadId, webhook.url());
		return squad;
	}

	@Transactional
	public Squad clearDiscordWebhook(String callerId, String squadId) {
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"change notification settings");
		store(squadId, null);
		return squad;
	}

	public Optional<DiscordWebhook> discordWebhook(String squadId) {
		return jdbc.sql("select discord_webhook from squad_notification_settings where squad_id = ?")
			.param(squadId)
			.query(String.class)
			.optional()
			.flatMap(DiscordWebhook::parse);
	}

	private void store(String squadId, String url) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int updated = jdbc.sql("update squad_notification_settings set discord_webhook = ?, updated_at = ? where squad_id = ?")
			.params(url, now, squadId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into squad_notification_settings (squad_id, discord_webhook, updated_at) values (?, ?, ?)")
				.params(squadId, url, now)
				.update();
		}
	}

}
