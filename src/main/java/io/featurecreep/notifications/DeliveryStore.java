package io.featurecreep.notifications;

import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.shared.Ids;
import io.featurecreep.shared.LeasedWork;

/** The delivery log. Claims are optimistic updates with a lease, so every node can run a worker. */
@Repository
class DeliveryStore {

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Plans a session's report or reminder to a channel; planning it again changes nothing. */
	void plan(String id, String squadId, String channelId, String sessionId, Purpose purpose, Instant now) {
		jdbc.sql("""
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  next_attempt_at, created_at)
				select :id, :squad, :channel, :session, :purpose, 'PENDING', 0, :now, :now
				where not exists (select 1 from notification_delivery
				  where channel_id = :channel and session_id = :session and purpose = :purpose)""")
			.param("id", id)
			.param("squad", squadId)
			.param("channel", channelId)
			.param("session", sessionId)
			.param("purpose", purpose.name())
			.param("now", utc(now))
			.update();
	}

	/**
	 * Sends nothing more about a session: its deliveries still waiting, or failed and so open to a retry, are
	 * cancelled with the reason. One being sent right now may still arrive, and then says so.
	 */
	int cancelOfSession(String sessionId, String reason) {
		return jdbc.sql("""
				update notification_delivery set status = 'CANCELLED', last_error = ?, locked_until = null
				where session_id = ? and status in ('PENDING', 'FAILED')""")
			.params(reason, sessionId)
			.update();
	}

	/** Sends nothing of this delivery: it no longer applies. */
	void cancel(String id, String reason) {
		jdbc.sql("update notification_delivery set status = 'CANCELLED', locked_until = null, last_error = ? where id = ?")
			.params(reason, id)
			.update();
	}

	/** Logs a test message that was just sent (or not). */
	void logTest(String id, String squadId, String channelId, String error, Instant now) {
		jdbc.sql("""
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  next_attempt_at, last_error, created_at, delivered_at)
				values (?, ?, ?, null, 'TEST', ?, 1, ?, ?, ?, ?)""")
			.params(id, squadId, channelId, error == null ? "DELIVERED" : "FAILED", utc(now), error, utc(now),
					error == null ? utc(now) : null)
			.update();
		recordAttempt(id, 1, now, error);
	}

	/**
	 * Logs a chat call that failed while answering an interaction, as a failed delivery of one attempt (never
	 * retried: the moment has passed), unless the channel logged the same failure for the same purpose since
	 * {@code quietSince}. Returns whether it was logged.
	 */
	boolean logChatCallFailure(String id, String squadId, String channelId, String sessionId, Purpose purpose,
			String error, Instant now, Instant quietSince) {
		int logged = jdbc.sql("""
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  next_attempt_at, last_error, created_at)
				select :id, :squad, :channel, :session, :purpose, 'FAILED', 1, :now, :error, :now
				where not exists (select 1 from notification_delivery
				  where channel_id = :channel and purpose = :purpose and last_error = :error and created_at > :since)""")
			.param("id", id)
			.param("squad", squadId)
			.param("channel", channelId)
			.param("session", sessionId, java.sql.Types.VARCHAR)
			.param("purpose", purpose.name())
			.param("error", error)
			.param("now", utc(now))
			.param("since", utc(quietSince))
			.update();
		if (logged == 1) {
			recordAttempt(id, 1, now, error);
		}
		return logged == 1;
	}

	/** Logs one attempt at sending (numbered from 1). */
	void recordAttempt(String deliveryId, int attempt, Instant at, String error) {
		jdbc.sql("""
				insert into notification_delivery_attempt (id, delivery_id, attempt, attempted_at, delivered, error)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), deliveryId, attempt, utc(at), error == null,
					error == null || error.length() <= 1000 ? error : error.substring(0, 1000))
			.update();
	}

	/** The attempts of each of these deliveries, in order. */
	Map<String, List<DeliveryAttempt>> attemptsOf(Collection<String> deliveryIds) {
		if (deliveryIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select delivery_id, attempt, attempted_at, delivered, error from notification_delivery_attempt
				where delivery_id in (:ids) order by attempted_at, attempt""")
			.param("ids", deliveryIds)
			.query((rs, row) -> new DeliveryAttempt(rs.getString("delivery_id"), rs.getInt("attempt"),
					rs.getObject("attempted_at", java.time.OffsetDateTime.class).toInstant(), rs.getBoolean("delivered"),
					rs.getString("error")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(DeliveryAttempt::deliveryId));
	}

	List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
		return LeasedWork.claimDue(jdbc, "notification_delivery", now, leaseUntil, limit)
			.stream()
			.flatMap(id -> find(id).stream())
			.toList();
	}

	void delivered(String id, Instant now) {
		jdbc.sql("update notification_delivery set status = 'DELIVERED', delivered_at = ?, locked_until = null, last_error = null where id = ?")
			.params(utc(now), id)
			.update();
	}

	void retryLater(String id, Instant at, String error) {
		// a delivery cancelled while it was being sent stays cancelled, with its reason
		jdbc.sql("update notification_delivery set next_attempt_at = ?, locked_until = null, last_error = ? where id = ? and status = 'PENDING'")
			.params(utc(at), error, id)
			.update();
	}

	void failed(String id, String error) {
		// a delivery cancelled while it was being sent stays cancelled
		jdbc.sql("update notification_delivery set status = 'FAILED', locked_until = null, last_error = ? where id = ? and status = 'PENDING'")
			.params(error, id)
			.update();
	}

	/** Sends a failed report or reminder again from the start. */
	boolean retry(String id, Instant now) {
		return jdbc.sql("""
				update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, locked_until = null
				where id = ? and status = 'FAILED' and purpose in ('REPORT', 'REMINDER')""").params(utc(now), id).update() == 1;
	}

	Optional<Delivery> find(String id) {
		return jdbc.sql("select * from notification_delivery where id = ?").param(id).query(DeliveryStore::map).optional();
	}

	List<Delivery> ofSquad(String squadId, int limit) {
		return jdbc.sql("select * from notification_delivery where squad_id = ? order by created_at desc fetch first ? rows only")
			.params(squadId, limit)
			.query(DeliveryStore::map)
			.list();
	}

	/** What a delivery is for, and the key of how the delivery log names it. */
	enum Purpose {

		REPORT("deliveries.purpose.REPORT"), TEST("deliveries.purpose.TEST"), REMINDER("deliveries.purpose.REMINDER"),
		VOTE_INVITE("deliveries.purpose.VOTE_INVITE"), INTERACTION("deliveries.purpose.INTERACTION"),
		VOTE_COUNT("deliveries.purpose.VOTE_COUNT");

		private final String labelKey;

		Purpose(String labelKey) {
			this.labelKey = labelKey;
		}

		String labelKey() {
			return labelKey;
		}

	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
		return new Delivery(rs.getString("id"), rs.getString("squad_id"), rs.getString("channel_id"),
				rs.getString("session_id"), rs.getString("purpose"), rs.getString("status"), rs.getInt("attempts"),
				rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				delivered == null ? null : delivered.toInstant());
	}
}
