package io.featurecreep.chat;

import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Linked chat users and pending link tokens (only their hashes) in the database. */
@Repository
class ChatIdentityStore {

	private final JdbcClient jdbc;

	ChatIdentityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> personOf(ChatUser user) {
		return jdbc.sql("""
				select person_id from chat_identity where platform = ? and workspace_id = ? and platform_user_id = ?""")
			.params(user.platform().name(), user.workspaceId(), user.userId())
			.query(String.class)
			.optional();
	}

	/** Links the chat user to the person, replacing an earlier link of the same chat user. */
	void link(ChatUser user, String personId, Instant now) {
		unlink(user);
		jdbc.sql("""
				insert into chat_identity (platform, workspace_id, platform_user_id, person_id, linked_at)
				values (?, ?, ?, ?, ?)""")
			.params(user.platform().name(), user.workspaceId(), user.userId(), personId, utc(now))
			.update();
	}

	void unlink(ChatUser user) {
		jdbc.sql("delete from chat_identity where platform = ? and workspace_id = ? and platform_user_id = ?")
			.params(user.platform().name(), user.workspaceId(), user.userId())
			.update();
	}

	List<LinkedAccount> ofPerson(String personId) {
		return jdbc.sql("select * from chat_identity where person_id = ? order by linked_at")
			.param(personId)
			.query((rs, row) -> new LinkedAccount(
					new ChatUser(ChatPlatform.valueOf(rs.getString("platform")), rs.getString("workspace_id"),
							rs.getString("platform_user_id")),
					rs.getObject("linked_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	void forgetPerson(String personId) {
		jdbc.sql("delete from chat_identity where person_id = ?").param(personId).update();
	}

	void saveToken(String hash, ChatUser user, Instant now, Instant expires) {
		jdbc.sql("""
				insert into chat_link_token (token_hash, platform, workspace_id, platform_user_id, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(hash, user.platform().name(), user.workspaceId(), user.userId(), utc(now), utc(expires))
			.update();
	}

	Optional<ChatUser> tokenUser(String hash, Instant now) {
		return jdbc.sql("select * from chat_link_token where token_hash = ? and expires_at > ?")
			.params(hash, utc(now))
			.query((rs, row) -> new ChatUser(ChatPlatform.valueOf(rs.getString("platform")),
					rs.getString("workspace_id"), rs.getString("platform_user_id")))
			.optional();
	}

	/** Uses the token up; true for the one request that did. */
	boolean useToken(String hash) {
		return jdbc.sql("delete from chat_link_token where token_hash = ?").param(hash).update() == 1;
	}

	void deleteExpiredTokens(Instant now) {
		jdbc.sql("delete from chat_link_token where expires_at <= ?").param(utc(now)).update();
	}

	/** A chat account linked to a person, and since when. */
	record LinkedAccount(ChatUser user, Instant linkedAt) {
	}

}
