package io.featurecreep.healthcheck;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions, their questions and votes in the database. */
@Repository
class SessionStore {

	private final JdbcClient jdbc;

	SessionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HealthSession> find(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from health_session where id = ?").param(id).query(SessionStore::session).optional();
	}

	Optional<HealthSession> findActive(String squadId) {
		return jdbc.sql("select * from health_session where active_squad_id = ?")
			.param(squadId)
			.query(SessionStore::session)
			.optional();
	}

	/** A squad's sessions, oldest first, without the discarded ones. */
	List<HealthSession> findBySquad(String squadId) {
		return jdbc.sql("select * from health_session where squad_id = ? and discarded_at is null order by created_at, id")
			.param(squadId)
			.query(SessionStore::session)
			.list();
	}

	List<HealthSession> findActivePastDeadline(Instant now) {
		return jdbc.sql("select * from health_session where active_squad_id is not null and deadline <= ?")
			.param(utc(now))
			.query(SessionStore::session)
			.list();
	}

	void insert(HealthSession session) {
		jdbc.sql("""
				insert into health_session (id, squad_id, active_squad_id, name, mode, result_visibility, anonymous,
				  deadline, active_question_id, created_by, created_at, ended_at, reminder_hours)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)""")
			.params(session.id(), session.squadId(), session.squadId(), session.name(), session.mode().name(),
					session.resultVisibility().name(), session.anonymous(), utc(session.deadline()),
					session.activeQuestionId(), session.createdBy(), utc(session.createdAt()), session.reminderHours())
			.update();
	}

	/** The session, its row locked until the transaction ends: recording results and discarding take turns. */
	Optional<HealthSession> lock(String sessionId) {
		return jdbc.sql("select * from health_session where id = ? for update")
			.param(sessionId)
			.query(SessionStore::session)
			.optional();
	}

	/**
	 * Discards a session once: it ends now if it was running (its questions close, as at any end) and records who
	 * discarded it and when. True only for the call that discarded it.
	 */
	boolean discard(String sessionId, String discardedBy, Instant now) {
		int discarded = jdbc.sql("""
				update health_session set discarded_at = :now, discarded_by = :by, ended_at = coalesce(ended_at, :now),
				  active_squad_id = null, timer_ends_at = null
				where id = :id and discarded_at is null""")
			.param("now", utc(now))
			.param("by", discardedBy)
			.param("id", sessionId)
			.update();
		if (discarded == 1) {
			jdbc.sql("update session_question set closed = true where session_id = ?").param(sessionId).update();
		}
		return discarded == 1;
	}

	/** Ends a session once: true only for the call that ended it. */
	boolean end(String sessionId, Instant now) {
		int ended = jdbc.sql("""
				update health_session set ended_at = ?, active_squad_id = null
				where id = ? and ended_at is null""").params(utc(now), sessionId).update();
		if (ended == 1) {
			// closing every question takes their row locks, so a vote in flight either lands before or fails
			jdbc.sql("update session_question set closed = true where session_id = ?").param(sessionId).update();
		}
		return ended == 1;
	}

	/** Moves the session to a question; a timer that ran for the previous one stops. */
	void setActiveQuestion(String sessionId, String questionId) {
		jdbc.sql("update health_session set active_question_id = ?, timer_ends_at = null where id = ?")
			.params(questionId, sessionId)
			.update();
	}

	void setTimer(String sessionId, Instant endsAt) {
		jdbc.sql("update health_session set timer_ends_at = ? where id = ?").params(utc(endsAt), sessionId).update();
	}

	List<SessionQuestion> questions(String sessionId) {
		return jdbc.sql("select * from session_question where session_id = ? order by position")
			.param(sessionId)
			.query(SessionStore::question)
			.list();
	}

	Optional<SessionQuestion> question(String sessionId, String questionId) {
		if (questionId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from session_question where id = ? and session_id = ?")
			.params(questionId, sessionId)
			.query(SessionStore::question)
			.optional();
	}

	/** The question, its row locked until the transaction ends: votes and reveal/end of it take turns. */
	Optional<SessionQuestion> lockQuestion(String sessionId, String questionId) {
		return jdbc.sql("select * from session_question where id = ? and session_id = ? for update")
			.params(questionId, sessionId)
			.query(SessionStore::question)
			.optional();
	}

	int nextPosition(String sessionId) {
		return jdbc.sql("select coalesce(max(position), 0) + 1 from session_question where session_id = ?")
			.param(sessionId)
			.query(Integer.class)
			.single();
	}

	void insertQuestion(SessionQuestion question, Instant now) {
		jdbc.sql("""
				insert into session_question (id, session_id, position, library_question_id, title, description_good,
				  description_bad, revealed_at, closed, created_at) values (?, ?, ?, ?, ?, ?, ?, null, false, ?)""")
			.params(question.id(), question.sessionId(), question.position(), question.libraryQuestionId(),
					question.title(), question.descriptionGood(), question.descriptionBad(), utc(now))
			.update();
	}

	void deleteQuestion(String questionId) {
		jdbc.sql("delete from session_question where id = ?").param(questionId).update();
	}

	void reveal(String questionId, Instant now) {
		jdbc.sql("update session_question set revealed_at = ? where id = ? and revealed_at is null")
			.params(utc(now), questionId)
			.update();
	}

	Optional<Vote> vote(String questionId, String voterKey) {
		return jdbc.sql("select * from vote where question_id = ? and voter_key = ?")
			.params(questionId, voterKey)
			.query(SessionStore::vote)
			.optional();
	}

	List<Vote> votes(String questionId) {
		return jdbc.sql("select * from vote where question_id = ? order by id")
			.param(questionId)
			.query(SessionStore::vote)
			.list();
	}

	int countVotes(String questionId) {
		return jdbc.sql("select count(*) from vote where question_id = ?").param(questionId).query(Integer.class).single();
	}

	void insertVote(Vote vote) {
		jdbc.sql("""
				insert into vote (id, question_id, voter_key, person_id, colour, trend, comment)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(vote.id(), vote.questionId(), vote.voterKey(), vote.personId(), vote.colour(),
					vote.trend() == null ? null : vote.trend().name(), vote.comment())
			.update();
	}

	void updateVote(Vote vote) {
		jdbc.sql("update vote set colour = ?, trend = ?, comment = ? where id = ?")
			.params(vote.colour(), vote.trend() == null ? null : vote.trend().name(), vote.comment(), vote.id())
			.update();
	}

	private static HealthSession session(ResultSet rs, int row) throws SQLException {
		return new HealthSession(rs.getString("id"), rs.getString("squad_id"), rs.getString("name"),
				SessionMode.valueOf(rs.getString("mode")), ResultVisibility.valueOf(rs.getString("result_visibility")),
				rs.getBoolean("anonymous"), instant(rs, "deadline"), rs.getString("active_question_id"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "ended_at"),
				instant(rs, "timer_ends_at"), rs.getObject("reminder_hours", Integer.class), instant(rs, "discarded_at"),
				rs.getString("discarded_by"));
	}

	private static SessionQuestion question(ResultSet rs, int row) throws SQLException {
		return new SessionQuestion(rs.getString("id"), rs.getString("session_id"), rs.getInt("position"),
				rs.getString("library_question_id"), rs.getString("title"), rs.getString("description_good"),
				rs.getString("description_bad"), instant(rs, "revealed_at"), rs.getBoolean("closed"));
	}

	private static Vote vote(ResultSet rs, int row) throws SQLException {
		String trend = rs.getString("trend");
		return new Vote(rs.getString("id"), rs.getString("question_id"), rs.getString("voter_key"),
				rs.getString("person_id"), rs.getInt("colour"), trend == null ? null : Trend.valueOf(trend),
				rs.getString("comment"));
	}
}
