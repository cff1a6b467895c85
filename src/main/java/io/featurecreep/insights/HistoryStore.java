package io.featurecreep.insights;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.healthcheck.Anonymity;
import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.healthcheck.RecordedResults.RecordedSession;

/** Writes the results history ({@code history_session}, {@code history_result}); only insights writes them. */
@Repository
class HistoryStore {

	private final JdbcClient jdbc;

	private final Anonymity anonymity;

	HistoryStore(JdbcClient jdbc, Anonymity anonymity) {
		this.jdbc = jdbc;
		this.anonymity = anonymity;
	}

	boolean holds(String sessionId) {
		return jdbc.sql("select count(*) from history_session where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(RecordedSession session, Instant now) {
		jdbc.sql("""
				insert into history_session (session_id, squad_id, name, ended_at, anonymous, recorded_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(session.sessionId(), session.squadId(), session.name(), utc(session.endedAt()), session.anonymous(),
					utc(now))
			.update();
		for (QuestionResult result : session.results()) {
			jdbc.sql("""
					insert into history_result (question_id, session_id, squad_id, library_question_id, position, title,
					  votes, red, yellow, green, average, improving, stable, worsening, previous_average, ended_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(result.questionId(), result.sessionId(), result.squadId(), result.libraryQuestionId(),
						result.position(), result.title(), result.votes(), result.red(), result.yellow(), result.green(),
						result.average(), result.improving(), result.stable(), result.worsening(),
						result.previousAverage(), utc(result.endedAt()))
				.update();
		}
	}

	/**
	 * Takes a discarded session out of history. Later results whose "last time" was one of its indicators get theirs
	 * again from what is left (as healthcheck does for its own results), so no report measures against it.
	 */
	void remove(String squadId, String sessionId) {
		List<Stored> removed = jdbc.sql("select library_question_id, ended_at from history_result where session_id = ?")
			.param(sessionId)
			.query((rs, row) -> new Stored(null, rs.getString("library_question_id"), instant(rs, "ended_at")))
			.list();
		jdbc.sql("delete from history_result where session_id = ?").param(sessionId).update();
		jdbc.sql("delete from history_session where session_id = ?").param(sessionId).update();
		for (Stored gone : removed) {
			if (gone.indicatorId() == null) {
				continue;
			}
			List<Stored> later = jdbc.sql("""
					select question_id, library_question_id, ended_at from history_result
					where squad_id = ? and library_question_id = ? and ended_at > ?""")
				.params(squadId, gone.indicatorId(), utc(gone.endedAt()))
				.query((rs, row) -> new Stored(rs.getString("question_id"), rs.getString("library_question_id"),
						instant(rs, "ended_at")))
				.list();
			for (Stored result : later) {
				jdbc.sql("update history_result set previous_average = ? where question_id = ?")
					.params(previousAverage(squadId, result.indicatorId(), result.endedAt()), result.questionId())
					.update();
			}
		}
	}

	/** The indicator's latest average before then that may be shown: a withheld one is never a "last time". */
	private Double previousAverage(String squadId, String indicatorId, Instant before) {
		return jdbc.sql("""
				select r.average from history_result r join history_session s on s.session_id = r.session_id
				where r.squad_id = :squad and r.library_question_id = :indicator and r.ended_at < :before
				  and r.average is not null and (s.anonymous = false or r.votes >= :minimum)
				order by r.ended_at desc fetch first 1 rows only""")
			.param("squad", squadId)
			.param("indicator", indicatorId)
			.param("before", utc(before))
			.param("minimum", anonymity.minVotesAnonymous())
			.query(Double.class)
			.optional()
			.orElse(null);
	}

	private record Stored(String questionId, String indicatorId, Instant endedAt) {
	}

}
