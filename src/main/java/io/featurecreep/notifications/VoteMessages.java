package io.featurecreep.notifications;

import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each vote invitation went in its chat, so that its count of votes can be edited. */
@Repository
class VoteMessages {

	private final JdbcClient jdbc;

	VoteMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Remembers the message; an invitation sent again (a retry) replaces the one before. */
	void save(String channelId, String sessionId, String chatChannel, String messageRef, Instant now) {
		jdbc.sql("delete from chat_vote_message where channel_id = ? and session_id = ?")
			.params(channelId, sessionId)
			.update();
		jdbc.sql("""
				insert into chat_vote_message (channel_id, session_id, chat_channel, message_ref, posted_at)
				values (?, ?, ?, ?, ?)""").params(channelId, sessionId, chatChannel, messageRef, utc(now)).update();
	}

	List<VoteMessage> ofSession(String sessionId) {
		return jdbc.sql("select * from chat_vote_message where session_id = ?")
			.param(sessionId)
			.query((rs, row) -> new VoteMessage(rs.getString("channel_id"), rs.getString("session_id"),
					rs.getString("chat_channel"), rs.getString("message_ref")))
			.list();
	}

	/** A vote invitation in a chat: its channel there and its id (Slack: ts). */
	record VoteMessage(String channelId, String sessionId, String chatChannel, String messageRef) {
	}

}
