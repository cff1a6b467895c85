package io.featurecreep.healthcheck;

import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored question results. Every result read here has passed the anonymity rule: one withheld by it shows its count
 * and nothing else, whoever reads it.
 */
@Repository
class ResultStore {

	/** Results with their session's anonymity, which decides what of them may be shown. */
	private static final String SELECT = """
			select r.*, s.anonymous as session_anonymous from question_result r
			join health_session s on s.id = r.session_id
			""";

	private final JdbcClient jdbc;

	private final Anonymity anonymity;

	ResultStore(JdbcClient jdbc, Anonymity anonymity) {
		this.jdbc = jdbc;
		this.anonymity = anonymity;
	}

	boolean hasResults(String sessionId) {
		return jdbc.sql("select count(*) from question_result where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(QuestionResult result, Instant now) {
		jdbc.sql("""
				insert into question_result (question_id, session_id, squad_id, library_question_id, position, title,
				  votes, red, yellow, green, average, improving, stable, worsening, previous_average, ended_at, computed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(result.questionId(), result.sessionId(), result.squadId(), result.libraryQuestionId(),
					result.position(), result.title(), result.votes(), result.red(), result.yellow(), result.green(),
					result.average(), result.improving(), result.stable(), result.worsening(), result.previousAverage(),
					utc(result.endedAt()), utc(now))
			.update();
	}

	Optional<QuestionResult> ofQuestion(String questionId) {
		return jdbc.sql(SELECT + "where r.question_id = ?")
			.param(questionId)
			.query(this::map)
			.optional();
	}

	/** The session's results in asking order as stored, before the anonymity rule: only for {@link RecordedResults}. */
	List<QuestionResult> ofSessionAsStored(String sessionId) {
		return jdbc.sql(SELECT + "where r.session_id = ? order by r.position")
			.param(sessionId)
			.query(this::asStored)
			.list();
	}

	/**
	 * The latest average of an indicator in the squad's sessions that ended before the given time, from a result
	 * that may be shown: an average withheld by anonymity is never a "last time" (the change would give it away).
	 */
	Optional<Double> previousAverage(String squadId, String libraryQuestionId, Instant before) {
		return previous(squadId, libraryQuestionId, before).map(Previous::average);
	}

	/**
	 * The last session before the given time that asked the indicator and shows its average (see
	 * {@link #previousAverage}), whether or not it was the squad's session just before: a change is always against
	 * a session that says something about the indicator, and pages say which one.
	 */
	Optional<Previous> previous(String squadId, String libraryQuestionId, Instant before) {
		if (libraryQuestionId == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select r.average, r.ended_at, s.id, s.name from question_result r join health_session s on s.id = r.session_id
				where r.squad_id = :squad and r.library_question_id = :indicator and r.ended_at < :before
				  and r.average is not null and (s.anonymous = false or r.votes >= :minimum)
				order by r.ended_at desc fetch first 1 rows only""")
			.param("squad", squadId)
			.param("indicator", libraryQuestionId)
			.param("before", utc(before))
			.param("minimum", anonymity.minVotesAnonymous())
			.query((rs, row) -> new Previous(rs.getDouble("average"), rs.getString("id"), rs.getString("name"),
					rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Takes a discarded session's results out of history. Later results of the squad whose "last time" was one of
	 * them get theirs again from what is left, so no change is measured against a session that no longer counts.
	 */
	void removeSession(String squadId, String sessionId) {
		List<Stored> removed = stored("session_id = :session", "session", sessionId);
		jdbc.sql("delete from question_result where session_id = ?").param(sessionId).update();
		for (Stored gone : removed) {
			if (gone.indicatorId() == null) {
				continue;
			}
			for (Stored later : stored("squad_id = :squad and library_question_id = :indicator and ended_at > :ended",
					"squad", squadId, "indicator", gone.indicatorId(), "ended", utc(gone.endedAt()))) {
				jdbc.sql("update question_result set previous_average = ? where question_id = ?")
					.params(previousAverage(squadId, later.indicatorId(), later.endedAt()).orElse(null), later.questionId())
					.update();
			}
		}
	}

	/** Which result, of which indicator, when: what {@link #removeSession} needs to know of a stored result. */
	private record Stored(String questionId, String indicatorId, Instant endedAt) {
	}

	private List<Stored> stored(String where, Object... namesAndValues) {
		var statement = jdbc.sql("select question_id, library_question_id, ended_at from question_result where " + where);
		for (int i = 0; i < namesAndValues.length; i += 2) {
			statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return statement.query((rs, row) -> new Stored(rs.getString("question_id"), rs.getString("library_question_id"),
				rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** The indicators a squad's ended sessions asked under this title. */
	List<String> indicatorsNamed(String squadId, String title) {
		return jdbc.sql("""
				select distinct library_question_id from question_result
				where squad_id = ? and title = ? and library_question_id is not null""")
			.params(squadId, title)
			.query(String.class)
			.list();
	}

	/** An indicator's results in a squad since a time, oldest first. */
	List<QuestionResult> history(String squadId, Collection<String> libraryQuestionIds, Instant from, int limit) {
		if (libraryQuestionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				where r.squad_id = :squad and r.library_question_id in (:ids) and r.ended_at >= :from
				order by r.ended_at, r.position fetch first :limit rows only""")
			.param("squad", squadId)
			.param("ids", libraryQuestionIds)
			.param("from", utc(from))
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private QuestionResult map(ResultSet rs, int row) throws SQLException {
		return anonymity.disclosed(asStored(rs, row));
	}

	private QuestionResult asStored(ResultSet rs, int row) throws SQLException {
		return new QuestionResult(rs.getString("question_id"), rs.getString("session_id"), rs.getString("squad_id"),
				rs.getString("library_question_id"), rs.getInt("position"), rs.getString("title"), rs.getInt("votes"),
				rs.getInt("red"), rs.getInt("yellow"), rs.getInt("green"), nullableDouble(rs, "average"),
				rs.getInt("improving"), rs.getInt("stable"), rs.getInt("worsening"),
				nullableDouble(rs, "previous_average"), rs.getObject("ended_at", OffsetDateTime.class).toInstant(),
				rs.getBoolean("session_anonymous"), false);
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** An indicator's average in an earlier session, and which session that was (its name may be null). */
	record Previous(double average, String sessionId, String sessionName, Instant endedAt) {
	}

}
