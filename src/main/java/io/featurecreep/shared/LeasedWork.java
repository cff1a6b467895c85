package io.featurecreep.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claiming due rows of a work table (columns {@code id, status, attempts, next_attempt_at, locked_until}) for a
 * while: each claim is an optimistic update, so any number of nodes can share the table and each row goes to
 * one of them; a row whose lease ran out (its node died or hung) is due again.
 */
public final class LeasedWork {

	private LeasedWork() {
	}

	/** Claims up to {@code limit} due PENDING rows until {@code leaseUntil}, counting an attempt for each. */
	public static List<String> claimDue(JdbcClient jdbc, String table, Instant now, Instant leaseUntil, int limit) {
		List<String> candidates = jdbc.sql("select id from " + table + """
				 where status = 'PENDING' and next_attempt_at <= :now and (locked_until is null or locked_until < :now)
				order by next_attempt_at fetch first :limit rows only""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("limit", limit)
			.query(String.class)
			.list();
		List<String> claimed = new ArrayList<>();
		for (String id : candidates) {
			int won = jdbc.sql("update " + table + """
					 set locked_until = :lease, attempts = attempts + 1
					where id = :id and status = 'PENDING' and (locked_until is null or locked_until < :now)""")
				.param("lease", leaseUntil.atOffset(ZoneOffset.UTC))
				.param("id", id)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
			if (won == 1) {
				claimed.add(id);
			}
		}
		return claimed;
	}

}
