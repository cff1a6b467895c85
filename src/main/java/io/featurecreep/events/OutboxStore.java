package io.featurecreep.events;

import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.shared.SqlTimes;

/**
 * The outbox table: the one work queue of the application. Claims are optimistic updates with a lease, so any
 * number of nodes can share it safely.
 */
@Repository
class OutboxStore {

	private final JdbcClient jdbc;

	OutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records work to run from {@code due} on (now, or later for a {@link DueLater} event). */
	void insert(String id, String eventType, String payload, String handler, Instant now, Instant due) {
		jdbc.sql("""
				insert into event_outbox (id, event_type, payload, handler, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(id, eventType, payload, handler, utc(due), utc(now))
			.update();
	}

	/**
	 * Takes up to {@code limit} due entries for this node until {@code leaseUntil}, counting an attempt for each if
	 * {@code toRun} (the relay, which only hands them to Redis, counts none: the consumer that runs one does). Each
	 * claim is an optimistic update, so any number of nodes can share the table and each entry goes to one of them;
	 * an entry whose lease ran out (its node died or hung) is due again.
	 */
	List<OutboxEntry> claimDue(Instant now, Instant leaseUntil, int limit, boolean toRun) {
		List<String> candidates = jdbc.sql("""
				select id from event_outbox
				where status = 'PENDING' and next_attempt_at <= :now and (locked_until is null or locked_until < :now)
				order by next_attempt_at fetch first :limit rows only""")
			.param("now", utc(now))
			.param("limit", limit)
			.query(String.class)
			.list();
		List<OutboxEntry> claimed = new ArrayList<>();
		for (String id : candidates) {
			int won = jdbc.sql("""
					update event_outbox set locked_until = :lease, attempts = attempts + :counted
					where id = :id and status = 'PENDING' and (locked_until is null or locked_until < :now)""")
				.param("lease", utc(leaseUntil))
				.param("counted", toRun ? 1 : 0)
				.param("id", id)
				.param("now", utc(now))
				.update();
			if (won == 1) {
				claimed.add(entry(id));
			}
		}
		return claimed;
	}

	private OutboxEntry entry(String id) {
		return jdbc.sql("select id, event_type, payload, handler, attempts from event_outbox where id = ?")
			.param(id)
			.query((rs, row) -> new OutboxEntry(rs.getString("id"), rs.getString("event_type"), rs.getString("payload"),
					rs.getString("handler"), rs.getInt("attempts")))
			.single();
	}

	void markDone(String id, Instant now) {
		finish(id, "DONE", null, now);
	}

	/**
	 * Records that the entry is in the jobs stream as {@code streamId}, to be checked for there again at
	 * {@code checkAt}. Only a pending or relayed entry: a fast consumer on another node may already have marked it
	 * done; one that already claimed it keeps its claim.
	 */
	void markRelayed(String id, String streamId, Instant checkAt) {
		jdbc.sql("""
				update event_outbox set
				  locked_until = case when status = 'PENDING' then null else locked_until end,
				  status = 'RELAYED', stream_id = :stream, next_attempt_at = :check
				where id = :id and status in ('PENDING', 'RELAYED')""")
			.param("stream", streamId)
			.param("check", utc(checkAt))
			.param("id", id)
			.update();
	}

	/**
	 * Relayed entries due for a check that their stream entry still exists (nobody is running them now), oldest
	 * first.
	 */
	List<RelayedEntry> relayedDueForCheck(Instant now, int limit) {
		return jdbc.sql("""
				select id, event_type, payload, handler, attempts, stream_id from event_outbox
				where status = 'RELAYED' and next_attempt_at <= :now and (locked_until is null or locked_until < :now)
				order by next_attempt_at fetch first :limit rows only""")
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, row) -> new RelayedEntry(new OutboxEntry(rs.getString("id"), rs.getString("event_type"),
					rs.getString("payload"), rs.getString("handler"), rs.getInt("attempts")), rs.getString("stream_id")))
			.list();
	}

	/** Checks a relayed entry again later. */
	void checkAgainAt(String id, Instant at) {
		jdbc.sql("update event_outbox set next_attempt_at = ? where id = ? and status = 'RELAYED'").params(utc(at), id).update();
	}

	/**
	 * A consumer takes a job for running, counting an attempt: the entry as claimed (with that attempt's number) for
	 * exactly one taker at a time, else empty. Done or dead work is never taken again, and work another node is
	 * running (its lease not yet run out) is left to it.
	 */
	Optional<OutboxEntry> claimForRun(String id, Instant now, Instant leaseUntil) {
		int won = jdbc.sql("""
				update event_outbox set status = 'RELAYED', locked_until = :lease, attempts = attempts + 1
				where id = :id and (status = 'PENDING' or (status = 'RELAYED' and (locked_until is null or locked_until < :now)))""")
			.param("lease", utc(leaseUntil))
			.param("id", id)
			.param("now", utc(now))
			.update();
		return won == 1 ? Optional.of(entry(id)) : Optional.empty();
	}

	/** Whether the work is finished (done, or given up on). */
	boolean finished(String id) {
		return jdbc.sql("select count(*) from event_outbox where id = ? and status in ('DONE', 'DEAD')")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}

	void markDead(String id, String error, Instant now) {
		finish(id, "DEAD", error, now);
	}

	void retryLater(String id, Instant at, String error) {
		jdbc.sql("update event_outbox set next_attempt_at = ?, locked_until = null, last_error = ? where id = ?")
			.params(utc(at), shorten(error), id)
			.update();
	}

	/** Work parked after too many failures, for operators. */
	List<DeadWork> dead(int limit) {
		return jdbc.sql("""
				select id, event_type, handler, attempts, last_error, created_at from event_outbox
				where status = 'DEAD' order by created_at desc fetch first :limit rows only""")
			.param("limit", limit)
			.query((rs, row) -> new DeadWork(rs.getString("id"), rs.getString("event_type"), rs.getString("handler"),
					rs.getInt("attempts"), rs.getString("last_error"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Pending work that is due (waiting for a worker), or not due yet (scheduled for later, like reminders). */
	int countPending(Instant now, boolean due) {
		return jdbc.sql("select count(*) from event_outbox where status = 'PENDING' and "
				+ (due ? "next_attempt_at <= ?" : "next_attempt_at > ?"))
			.param(utc(now))
			.query(Integer.class)
			.single();
	}

	int countByStatus(String status) {
		return jdbc.sql("select count(*) from event_outbox where status = ?").param(status).query(Integer.class).single();
	}

	/**
	 * How much work is unfinished or given up on, for the metrics: two queries, each reading only the rows of
	 * those statuses through the status index (done work, the bulk of the table, is never read).
	 */
	Backlog backlog() {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select status, count(*) as n from event_outbox
				where status in ('PENDING', 'RELAYED', 'DEAD') group by status""")
			.query(rs -> {
				counts.put(rs.getString("status"), rs.getInt("n"));
			});
		Instant oldest = jdbc.sql("select min(created_at) as oldest from event_outbox where status in ('PENDING', 'RELAYED')")
			.query((rs, row) -> Optional.ofNullable(SqlTimes.instant(rs, "oldest")))
			.single()
			.orElse(null);
		return new Backlog(counts.getOrDefault("PENDING", 0), counts.getOrDefault("RELAYED", 0),
				counts.getOrDefault("DEAD", 0), oldest);
	}

	private void finish(String id, String status, String error, Instant now) {
		jdbc.sql("update event_outbox set status = ?, last_error = ?, locked_until = null, completed_at = ? where id = ?")
			.params(status, shorten(error), utc(now), id)
			.update();
	}

	private static String shorten(String error) {
		return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
	}

	/** A relayed entry and the id of its jobs-stream entry. */
	record RelayedEntry(OutboxEntry entry, String streamId) {
	}

	/**
	 * Unfinished work (waiting, or handed to the jobs stream), work given up on, and when the oldest unfinished job
	 * was recorded (null: none).
	 */
	record Backlog(int pending, int relayed, int dead, Instant oldestUnfinished) {
	}

	/** A piece of work that failed too often. */
	record DeadWork(String id, String eventType, String handler, int attempts, String lastError, Instant createdAt) {
	}
}
