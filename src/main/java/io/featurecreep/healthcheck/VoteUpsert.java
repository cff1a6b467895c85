package io.featurecreep.healthcheck;

import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.shared.Ids;
import io.featurecreep.squads.SquadAccess;

/**
 * The common vote in one round trip to PostgreSQL: one statement, in autocommit, that checks what {@link CastVote}
 * checks (the session is visible to the caller, running and not past its deadline; the question is in it, neither
 * closed nor revealed) and writes or changes the vote. The checked path takes about seven round trips for the same.
 * When the statement writes nothing, one of the checks failed (or something just changed): the caller then takes the
 * checked path, which says which check failed, in the original's order.
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
 * that turned off, the vote would be rolled back when the connection goes back to the pool ({@code CastVoteTests}
 * would then fail on PostgreSQL). Called inside a transaction, it joins it.
 */
@Repository
class VoteUpsert {

	private static final Logger log = LoggerFactory.getLogger(VoteUpsert.class);

	private static final String UPSERT = """
			with target as (
			  select q.id as question_id, s.mode, s.anonymous
			  from session_question q join health_session s on s.id = q.session_id
			  where q.id = :questionId and q.session_id = :sessionId
			    and s.discarded_at is null and %s
			    and s.ended_at is null and (s.deadline is null or s.deadline > :now)
			    and not q.closed and q.revealed_at is null
			  for share of q
			), written as (
			  insert into vote (id, question_id, voter_key, person_id, colour, trend, comment)
			  select :newId, question_id, case when anonymous then :anonymousKey else :callerId end,
			    case when anonymous then null else :callerId end, :colour, :trend, :comment
			  from target
			  on conflict (question_id, voter_key) do update
			    set colour = excluded.colour, trend = excluded.trend, comment = excluded.comment
			  returning id, voter_key, person_id
			)
			select written.id, written.voter_key, written.person_id, target.mode from written, target"""
		.formatted(SquadAccess.isMemberCondition("s.squad_id", "callerId"));

	private final JdbcClient jdbc;

	private final VoterKeys voterKeys;

	private final boolean available;

	/**
	 * Votes written here. Both paths give the same answers, so nothing else tells which one ran: the tests read this to
	 * know the statement really is used on PostgreSQL.
	 */
	private final LongAdder written = new LongAdder();

	VoteUpsert(JdbcClient jdbc, VoterKeys voterKeys, DataSource dataSource) {
		this.jdbc = jdbc;
		this.voterKeys = voterKeys;
		this.available = isPostgres(dataSource);
	}

	/**
	 * Writes the vote if every check passes; empty if any failed, and always on a database other than PostgreSQL.
	 * The colour must be in range and the comment already checked ({@link io.featurecreep.shared.TextLimits}).
	 */
	Optional<Written> write(String callerId, Ballot ballot, String comment, Instant now) {
		if (!available || ballot.sessionId() == null || ballot.questionId() == null) {
			return Optional.empty();
		}
		Optional<Written> result = jdbc.sql(UPSERT)
			.param("questionId", ballot.questionId())
			.param("sessionId", ballot.sessionId())
			.param("callerId", callerId)
			.param("anonymousKey", voterKeys.anonymousKey(ballot.questionId(), callerId))
			.param("now", utc(now))
			.param("newId", Ids.newId())
			.param("colour", ballot.colour())
			// typed: for a null of unknown type Spring may ask the driver (and it the server) what the type is
			.param("trend", ballot.trend() == null ? null : ballot.trend().name(), Types.VARCHAR)
			.param("comment", comment, Types.VARCHAR)
			.query((rs, row) -> new Written(
					new Vote(rs.getString("id"), ballot.questionId(), rs.getString("voter_key"), rs.getString("person_id"),
							ballot.colour(), ballot.trend(), comment),
					SessionMode.valueOf(rs.getString("mode"))))
			.optional();
		result.ifPresent(vote -> written.increment());
		return result;
	}

	long written() {
		return written.sum();
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

	/** The vote as written, and the mode of its session (for the metrics). */
	record Written(Vote vote, SessionMode mode) {
	}

}
