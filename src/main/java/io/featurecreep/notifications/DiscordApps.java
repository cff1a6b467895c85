package io.featurecreep.notifications;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settings of connected Discord applications, and the "vote here" message each session got from them. */
@Repository
class DiscordApps {

	private final JdbcClient jdbc;

	DiscordApps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DiscordApp app) {
		jdbc.sql("""
				insert into discord_app_channel (channel_id, application_id, public_key, bot_token, discord_channel_id)
				values (?, ?, ?, ?, ?)""")
			.params(app.channelId(), app.applicationId(), app.publicKey(), app.botToken(), app.discordChannelId())
			.update();
	}

	Optional<DiscordApp> ofChannel(String channelId) {
		return jdbc.sql("select * from discord_app_channel where channel_id = ?")
			.param(channelId)
			.query(DiscordApps::map)
			.optional();
	}

	/** Every connection, without tokens (to find whose public key signed an interaction). */
	List<DiscordConnections.Connection> connections() {
		return jdbc.sql("""
				select a.channel_id, c.squad_id, a.application_id, a.public_key, a.discord_channel_id
				from discord_app_channel a join notification_channel c on c.id = a.channel_id
				order by c.created_at, a.channel_id""")
			.query((rs, row) -> new DiscordConnections.Connection(rs.getString("channel_id"), rs.getString("squad_id"),
					rs.getString("application_id"), rs.getString("public_key"), rs.getString("discord_channel_id")))
			.list();
	}

	void rememberVoteMessage(String channelId, String sessionId, String messageId) {
		jdbc.sql("""
				insert into discord_vote_message (channel_id, session_id, message_id)
				select ?, ?, ? where not exists
				  (select 1 from discord_vote_message where channel_id = ? and session_id = ?)""")
			.params(channelId, sessionId, messageId, channelId, sessionId)
			.update();
	}

	Optional<String> voteMessage(String channelId, String sessionId) {
		return jdbc.sql("select message_id from discord_vote_message where channel_id = ? and session_id = ?")
			.params(channelId, sessionId)
			.query(String.class)
			.optional();
	}

	private static DiscordApp map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new DiscordApp(rs.getString("channel_id"), rs.getString("application_id"), rs.getString("public_key"),
				rs.getString("bot_token"), rs.getString("discord_channel_id"));
	}

}
