package io.featurecreep.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settings of connected Discord applications (the DISCORD_APP rows of {@code notification_channel}: the Discord
 * channel id as target, the public key where webhooks keep their signing secret, the bot token and application id in
 * their own columns).
 */
@Repository
class DiscordApps {

	private final JdbcClient jdbc;

	DiscordApps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the application's settings on its channel, inserted just before in the same transaction. */
	void insert(DiscordApp app) {
		jdbc.sql("update notification_channel set app_id = ?, signing_secret = ?, bot_token = ? where id = ?")
			.params(app.applicationId(), app.publicKey(), app.botToken(), app.channelId())
			.update();
	}

	Optional<DiscordApp> ofChannel(String channelId) {
		return jdbc.sql("select * from notification_channel where id = ? and kind = 'DISCORD_APP'")
			.param(channelId)
			.query(DiscordApps::map)
			.optional();
	}

	/** Every connection, without tokens (to find whose public key signed an interaction). */
	List<DiscordConnections.Connection> connections() {
		return jdbc.sql("""
				select id, squad_id, app_id, signing_secret, target from notification_channel
				where kind = 'DISCORD_APP' order by created_at, id""")
			.query((rs, row) -> new DiscordConnections.Connection(rs.getString("id"), rs.getString("squad_id"),
					rs.getString("app_id"), rs.getString("signing_secret"), rs.getString("target")))
			.list();
	}

	private static DiscordApp map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new DiscordApp(rs.getString("id"), rs.getString("app_id"), rs.getString("signing_secret"),
				rs.getString("bot_token"), rs.getString("target"));
	}

}
