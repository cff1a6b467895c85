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

/** Stored question results. */
@Repository
class ResultStore {

	private final JdbcClient jdbc;

	ResultStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		return jdbc.sql("select * from question_result where question_id = ?")
			.param(questionId)
			.query(ResultStore::map)
			.optional();
	}

	List<QuestionResult> ofSession(String sessionId) {
		return jdbc.sql("select * from question_result where session_id = ? order by position")
			.param(sessionId)
			.query(ResultStore::map)
			.list();
	}

	/** The results of several sessions, each session's in asking order. */
	List<QuestionResult> ofSessions(Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from question_result where session_id in (:ids) order by session_id, position")
			.param("ids", sessionIds)
			.query(ResultStore::map)
			.list();
	}

	/** The latest average of an indicator in the squad's sessions that ended before the given time. */
	Optional<Double> previousAverage(String squadId, String libraryQuestionId, Instant before) {
		if (libraryQuestionId == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select average from question_result
				where squad_id = ? and library_question_id = ? and ended_at < ? and average is not null
				order by ended_at desc fetch first 1 rows only""")
			.params(squadId, libraryQuestionId, utc(before))
			.query((rs, row) -> rs.getDouble("average"))
			.optional();
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
		return jdbc.sql("""
				select * from question_result
				where squad_id = :squad and library_question_id in (:ids) and ended_at >= :from
				order by ended_at, position fetch first :limit rows only""")
			.param("squad", squadId)
			.param("ids", libraryQuestionIds)
			.param("from", utc(from))
			.param("limit", limit)
			.query(ResultStore::map)
			.list();
	}

	private static QuestionResult map(ResultSet rs, int row) throws SQLException {
		return new QuestionResult(rs.getString("question_id"), rs.getString("session_id"), rs.getString("squad_id"),
				rs.getString("library_question_id"), rs.getInt("position"), rs.getString("title"), rs.getInt("votes"),
				rs.getInt("red"), rs.getInt("yellow"), rs.getInt("green"), nullableDouble(rs, "average"),
				rs.getInt("improving"), rs.getInt("stable"), rs.getInt("worsening"),
				nullableDouble(rs, "previous_average"), rs.getObject("ended_at", OffsetDateTime.class).toInstant());
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}
}
