package io.featurecreep.notifications;

import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notification channels in the database. */
@Repository
class ChannelStore {

	private final JdbcClient jdbc;

	ChannelStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NotificationChannel channel, String createdBy) {
		jdbc.sql("""
				insert into notification_channel (id, squad_id, kind, target, signing_secret, created_by, created_at,
				  bot_token, app_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(channel.id(), channel.squadId(), channel.kind().name(), channel.target(), channel.signingSecret(),
					createdBy, channel.createdAt().atOffset(ZoneOffset.UTC), channel.botToken(), channel.appId())
			.update();
	}

	Optional<NotificationChannel> find(String id) {
		return jdbc.sql("select * from notification_channel where id = ?").param(id).query(ChannelStore::map).optional();
	}

	List<NotificationChannel> ofSquad(String squadId) {
		return jdbc.sql("select * from notification_channel where squad_id = ? order by created_at, id")
			.param(squadId)
			.query(ChannelStore::map)
			.list();
	}

	/** The squad's Discord channel of the original API (the first one). */
	Optional<NotificationChannel> discordOf(String squadId) {
		return ofSquad(squadId).stream().filter(c -> c.kind() == ChannelKind.DISCORD).findFirst();
	}

	/** Every channel of a kind, across squads: a chat app's requests are checked against each one's secret. */
	List<NotificationChannel> ofKind(ChannelKind kind) {
		return jdbc.sql("select * from notification_channel where kind = ? order by created_at, id")
			.param(kind.name())
			.query(ChannelStore::map)
			.list();
	}

	void updateTarget(String id, String target) {
		jdbc.sql("update notification_channel set target = ? where id = ?").params(target, id).update();
	}

	void delete(String id) {
		jdbc.sql("delete from notification_channel where id = ?").param(id).update();
	}

	private static NotificationChannel map(ResultSet rs, int row) throws SQLException {
		return new NotificationChannel(rs.getString("id"), rs.getString("squad_id"),
				ChannelKind.valueOf(rs.getString("kind")), rs.getString("target"), rs.getString("signing_secret"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("bot_token"),
				rs.getString("app_id"));
	}

}
