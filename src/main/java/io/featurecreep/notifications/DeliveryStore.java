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
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.Ids;

/**
 * The delivery log: what was planned for which channel, how it stands and each attempt at sending it. It is a log, not
 * a queue: the work of sending each planned delivery is an item of the one work queue ({@link DeliveryDue}), which
 * claims, retries and parks it.
 */
@Repository
class DeliveryStore {

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Plans a session's report or reminder to a channel; false if it was planned before (nothing changes then). */
	boolean plan(String id, String squadId, String channelId, String sessionId, Purpose purpose, Instant now) {
		return jdbc.sql("""
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  created_at)
				select :id, :squad, :channel, :session, :purpose, 'PENDING', 0, :now
				where not exists (select 1 from notification_delivery
				  where channel_id = :channel and session_id = :session and purpose = :purpose)""")
			.param("id", id)
			.param("squad", squadId)
			.param("channel", channelId)
			.param("session", sessionId)
			.param("purpose", purpose.name())
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Sends nothing more about a session: its deliveries still waiting, or failed and so open to a retry, are
	 * cancelled with the reason. One being sent right now may still arrive, and then says so.
	 */
	int cancelOfSession(String sessionId, String reason) {
		return jdbc.sql("""
				update notification_delivery set status = 'CANCELLED', last_error = ?
				where session_id = ? and status in ('PENDING', 'FAILED')""")
			.params(reason, sessionId)
			.update();
	}

	/** Sends nothing of this delivery: it no longer applies. */
	void cancel(String id, String reason) {
		jdbc.sql("update notification_delivery set status = 'CANCELLED', last_error = ? where id = ?")
			.params(reason, id)
			.update();
	}

	/** Logs a test message that was just sent (or not). */
	void logTest(String id, String squadId, String channelId, String error, Instant now) {
		jdbc.sql("""
				insert into notification_delivery (id, squad_id, channel_id, session_id, purpose, status, attempts,
				  last_error, created_at, delivered_at)
				values (?, ?, ?, null, 'TEST', ?, 1, ?, ?, ?)""")
			.params(id, squadId, channelId, error == null ? "DELIVERED" : "FAILED", error, utc(now),
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
				  last_error, created_at)
				select :id, :squad, :channel, :session, :purpose, 'FAILED', 1, :error, :now
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

	/**
	 * Counts an attempt at sending a waiting delivery: its number (from 1), or empty if it is no longer waiting. In one
	 * transaction, so that two runs of the same work (a lease ran out under load) never get the same number: the
	 * update's row lock holds until the number is read.
	 */
	@Transactional
	Optional<Integer> startAttempt(String id) {
		if (jdbc.sql("update notification_delivery set attempts = attempts + 1 where id = ? and status = 'PENDING'")
			.param(id)
			.update() == 0) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("select attempts from notification_delivery where id = ?").param(id).query(Integer.class).single());
	}

	void delivered(String id, Instant now) {
		jdbc.sql("update notification_delivery set status = 'DELIVERED', delivered_at = ?, last_error = null where id = ?")
			.params(utc(now), id)
			.update();
	}

	/** Notes why an attempt failed; the work queue tries again. A delivery cancelled meanwhile stays cancelled. */
	void attemptFailed(String id, String error) {
		jdbc.sql("update notification_delivery set last_error = ? where id = ? and status = 'PENDING'")
			.params(error, id)
			.update();
	}

	/**
	 * Gives up on a waiting delivery, for owners to retry: with this reason, or the last attempt's when null. One
	 * cancelled meanwhile stays cancelled.
	 */
	void failed(String id, String reason) {
		if (reason == null) {
			jdbc.sql("update notification_delivery set status = 'FAILED' where id = ? and status = 'PENDING'").param(id).update();
			return;
		}
		jdbc.sql("update notification_delivery set status = 'FAILED', last_error = ? where id = ? and status = 'PENDING'")
			.params(reason, id)
			.update();
	}

	/** Sends a failed report or reminder again from the start: waiting again, its attempts counted from 1. */
	boolean retry(String id) {
		return jdbc.sql("""
				update notification_delivery set status = 'PENDING', attempts = 0
				where id = ? and status = 'FAILED' and purpose in ('REPORT', 'REMINDER')""").param(id).update() == 1;
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
