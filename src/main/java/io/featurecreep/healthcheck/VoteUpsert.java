package io.featurecreep.healthcheck;

import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.shared.GroupCommit;
import io.featurecreep.shared.Ids;
import io.featurecreep.squads.SquadAccess;

/**
 * The common vote in one round trip to PostgreSQL: one statement, in autocommit, that checks what {@link CastVote}
 * checks (the session is visible to the caller, running and not past its deadline; the question is in it, neither
 * closed nor revealed) and writes or changes the vote. The checked path takes about seven round trips for the same.
 * When the statement writes nothing for a vote, one of the checks failed (or something just changed): the caller
 * then takes the checked path, which says which check failed, in the original's order.
 * <p>
 * Votes cast at the same moment on one node share the statement ({@link GroupCommit}): each vote is a row of its
 * arrays and is checked and written on its own, so one vote's refusal does not touch the others'. Under load a
 * round trip and a commit then serve many votes instead of one, which is where PostgreSQL spent most of a vote's
 * time. A vote cast alone goes at once, as before.
 * <p>
 * The question's row is locked {@code FOR SHARE}, as the checked path locks it {@code FOR UPDATE}: revealing a
 * question, ending a session and discarding one all update that row (ending and discarding close every question)
 * and so conflict with it. A vote's lock either comes first, and the vote commits before them, or waits for their
 * commit and then reads the row again (PostgreSQL re-checks the locked row's conditions on its newest version),
 * finds it revealed or closed and writes nothing. Shared locks do not conflict with each other, so votes of
 * different people on one question no longer wait for each other. ({@code FOR KEY SHARE} would not do: it does
 * not conflict with a plain update, so a vote could read the question open and commit after the end.)
 * <p>
 * In an anonymous session the key is the HMAC of question and voter ({@link VoterKeys}) and no person is stored.
 * Whether the session is anonymous only the statement knows, so both keys go in and the session's {@code anonymous}
 * picks one; the person's id goes in anyway, for the membership check, as in the checked path's own queries.
 * <p>
 * H2 (the embedded default) keeps the checked path: it has neither {@code on conflict do update} nor
 * {@code returning}, so it would need a statement of its own (a {@code merge} inside a {@code final table}) and
 * its own proof of locking, to save round trips that cost little in process. Whether the database is PostgreSQL is
 * read once, from the connection's metadata, here only.
 * <p>
 * The statement commits by itself because the pool hands out connections in autocommit (Hikari's default): were
 * that turned off, the votes would be rolled back when the connection goes back to the pool ({@code CastVoteTests}
 * would then fail on PostgreSQL). A vote cast inside a transaction is written alone, by its own thread, and so
 * joins that transaction.
 * <p>
 * A {@code @Component}, not a {@code @Repository}: {@link JdbcClient} already turns the driver's exceptions into
 * Spring's, and the proxy that a repository gets to do the same cost every vote a call through it.
 */
@Component
class VoteUpsert {

	private static final Logger log = LoggerFactory.getLogger(VoteUpsert.class);

	/**
	 * The votes of a batch come in as arrays, one element a vote ({@code n} its place in the batch); the checks are
	 * the same as for one vote, row by row. The caller's id is compared in the membership check row by row too.
	 */
	private static final String UPSERT = """
			with ballot as (
			  select * from unnest(cast(:questionIds as varchar[]), cast(:sessionIds as varchar[]),
			      cast(:callerIds as varchar[]), cast(:anonymousKeys as varchar[]), cast(:newIds as varchar[]),
			      cast(:colours as int[]), cast(:trends as varchar[]), cast(:comments as varchar[]))
			    with ordinality as b(question_id, session_id, caller_id, anonymous_key, new_id, colour, trend, comment, n)
			), target as (
			  select b.*, s.mode, s.anonymous
			  from ballot b join session_question q on q.id = b.question_id and q.session_id = b.session_id
			    join health_session s on s.id = q.session_id
			  where s.discarded_at is null and %s
			    and s.ended_at is null and (s.deadline is null or s.deadline > :now)
			    and not q.closed and q.revealed_at is null
			  for share of q
			), written as (
			  insert into vote (id, question_id, voter_key, person_id, colour, trend, comment)
			  select new_id, question_id, case when anonymous then anonymous_key else caller_id end,
			    case when anonymous then null else caller_id end, colour, trend, comment
			  from target
			  on conflict (question_id, voter_key) do update
			    set colour = excluded.colour, trend = excluded.trend, comment = excluded.comment
			  returning id, question_id, voter_key, person_id
			)
			select target.n, written.id, written.voter_key, written.person_id, target.mode
			from written join target on target.question_id = written.question_id
			  and written.voter_key = case when target.anonymous then target.anonymous_key else target.caller_id end"""
		.formatted(SquadAccess.isMemberCondition("s.squad_id", "b.caller_id"));

	/** Batches of up to this many votes; enough for every request thread of a node to share one. */
	private static final int LARGEST_BATCH = 64;

	/**
	 * One batch is written at a time, while the next gathers: under load, the fewer and larger the batches, the less
	 * CPU a vote costs (two at a time: 6,800 votes/s, 211 µs of the node's CPU and 61 of PostgreSQL's per vote; one:
	 * 7,800, 186 and 38). A batch that waits for a lock (a question being revealed, a session being ended) holds up
	 * the node's other votes for as long: the few milliseconds of that transaction.
	 */
	private static final int BATCHES_AT_ONCE = 1;

	private final JdbcClient jdbc;

	private final VoterKeys voterKeys;

	private final boolean available;

	private final GroupCommit<Pending, Optional<Written>> batches = new GroupCommit<>(this::writeAll,
			pending -> Arrays.asList(pending.ballot().questionId(), pending.callerId()), LARGEST_BATCH, BATCHES_AT_ONCE);

	/**
	 * Votes written here. Both paths give the same answers, so nothing else tells which one ran: the tests read this to
	 * know the statement really is used on PostgreSQL.
	 */
	private final LongAdder written = new LongAdder();

	/** Statements run: fewer than the votes written when votes shared them. */
	private final LongAdder statements = new LongAdder();

	VoteUpsert(JdbcClient jdbc, VoterKeys voterKeys, DataSource dataSource) {
		this.jdbc = jdbc;
		this.voterKeys = voterKeys;
		this.available = isPostgres(dataSource);
	}

	/**
	 * Writes the vote if every check passes; empty if any failed, and always on a database other than PostgreSQL.
	 * The colour must be in range and the comment already checked ({@link io.featurecreep.shared.TextLimits}).
	 * Votes cast at the same time on this node are written together ({@link GroupCommit}); if their statement fails
	 * (a deadlock with another node's, say), each of them is left to the checked path.
	 */
	Optional<Written> write(String callerId, Ballot ballot, String comment, Instant now) {
		if (!available || ballot.sessionId() == null || ballot.questionId() == null) {
			return Optional.empty();
		}
		Pending pending = new Pending(callerId, ballot, comment, voterKeys.anonymousKey(ballot.questionId(), callerId),
				now);
		Optional<Written> result;
		try {
			result = TransactionSynchronizationManager.isActualTransactionActive()
					? writeAll(List.of(pending)).getFirst() : batches.write(pending);
		}
		catch (DataAccessException failed) {
			log.debug("A batch of votes failed; each takes the checked path: {}", failed.toString());
			return Optional.empty();
		}
		result.ifPresent(vote -> written.increment());
		return result;
	}

	/** One statement for the batch: each vote's row, or nothing where a check failed. */
	private List<Optional<Written>> writeAll(List<Pending> batch) {
		int size = batch.size();
		String[] questionIds = new String[size];
		String[] sessionIds = new String[size];
		String[] callerIds = new String[size];
		String[] anonymousKeys = new String[size];
		String[] newIds = new String[size];
		int[] colours = new int[size];
		String[] trends = new String[size];
		String[] comments = new String[size];
		Instant now = Instant.MIN;
		for (int i = 0; i < size; i++) {
			Pending vote = batch.get(i);
			questionIds[i] = vote.ballot().questionId();
			sessionIds[i] = vote.ballot().sessionId();
			callerIds[i] = vote.callerId();
			anonymousKeys[i] = vote.anonymousKey();
			newIds[i] = Ids.newId();
			colours[i] = vote.ballot().colour();
			trends[i] = vote.ballot().trend() == null ? null : vote.ballot().trend().name();
			comments[i] = vote.comment();
			// the deadline is checked at the latest time a vote of the batch was cast
			now = vote.now().isAfter(now) ? vote.now() : now;
		}
		List<Optional<Written>> results = new ArrayList<>(Collections.nCopies(size, Optional.empty()));
		statements.increment();
		jdbc.sql(UPSERT)
			.param("questionIds", questionIds)
			.param("sessionIds", sessionIds)
			.param("callerIds", callerIds)
			.param("anonymousKeys", anonymousKeys)
			.param("newIds", newIds)
			.param("colours", colours)
			.param("trends", trends)
			.param("comments", comments)
			.param("now", utc(now))
			.query((RowCallbackHandler) rs -> {
				int index = rs.getInt("n") - 1;
				Pending vote = batch.get(index);
				results.set(index, Optional.of(new Written(new Vote(rs.getString("id"), vote.ballot().questionId(),
						rs.getString("voter_key"), rs.getString("person_id"), vote.ballot().colour(),
						vote.ballot().trend(), vote.comment()), SessionMode.valueOf(rs.getString("mode")))));
			});
		return results;
	}

	long written() {
		return written.sum();
	}

	long statements() {
		return statements.sum();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product != null && product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (MetaDataAccessException unknown) {
			// every vote takes the checked path, which works on any database
			log.warn("Could not tell which database this is; votes take the checked path: {}", unknown.toString());
			return false;
		}
	}

	/** A vote waiting for its batch. */
	private record Pending(String callerId, Ballot ballot, String comment, String anonymousKey, Instant now) {
	}

	/** The vote as written, and the mode of its session (for the metrics). */
	record Written(Vote vote, SessionMode mode) {
	}

}
