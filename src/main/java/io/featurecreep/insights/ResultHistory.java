package io.featurecreep.insights;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.healthcheck.Anonymity;
import io.featurecreep.healthcheck.QuestionResult;

/**
 * A squad's recorded results, for history views, the matrix, reports and alerts: the copy insights keeps
 * ({@code history_session}, {@code history_result}, written by {@link RecordHistory}). Every result read here has
 * passed the anonymity rule: one it withholds shows its count and nothing else, whoever reads it.
 */
@Service
@Transactional(readOnly = true)
public class ResultHistory {

	private final JdbcClient jdbc;

	private final Anonymity anonymity;

	ResultHistory(JdbcClient jdbc, Anonymity anonymity) {
		this.jdbc = jdbc;
		this.anonymity = anonymity;
	}

	/** The squad's last {@code sessions} ended sessions with recorded results, oldest first. */
	public List<SessionOutcome> recent(String squadId, int sessions) {
		List<Session> latestFirst = jdbc.sql("""
				select * from history_session where squad_id = ?
				order by ended_at desc, session_id fetch first ? rows only""")
			.params(squadId, sessions)
			.query(ResultHistory::session)
			.list();
		List<Session> oldestFirst = new ArrayList<>(latestFirst);
		Collections.reverse(oldestFirst);
		return outcomes(oldestFirst);
	}

	/** The squad's ended sessions with recorded results that ended within [from, to], oldest first. */
	public List<SessionOutcome> between(String squadId, Instant from, Instant to) {
		return outcomes(jdbc.sql("""
				select * from history_session where squad_id = ? and ended_at >= ? and ended_at <= ?
				order by ended_at, session_id""")
			.params(squadId, utc(from), utc(to))
			.query(ResultHistory::session)
			.list());
	}

	/** The squad's sessions up to and including this one, at most {@code sessions} of them, oldest first. */
	List<SessionOutcome> upTo(String squadId, Instant endedAt, int sessions) {
		List<Session> latestFirst = new ArrayList<>(jdbc.sql("""
				select * from history_session where squad_id = ? and ended_at <= ?
				order by ended_at desc, session_id fetch first ? rows only""")
			.params(squadId, utc(endedAt), sessions)
			.query(ResultHistory::session)
			.list());
		Collections.reverse(latestFirst);
		return outcomes(latestFirst);
	}

	/**
	 * Each squad's latest ended session in which someone voted, by squad id (squads without one are left out): a
	 * session that ended without votes says nothing about the squad, so it never stands for it. Two queries for any
	 * number of squads: the organisation matrix reads hundreds at once.
	 */
	public Map<String, SessionOutcome> latestOf(Collection<String> squadIds) {
		if (squadIds.isEmpty()) {
			return Map.of();
		}
		List<Session> latest = jdbc.sql("""
				select s.* from history_session s
				join (
				  select l.squad_id, max(l.ended_at) as latest from history_session l
				  where l.squad_id in (:squads)
				    and exists (select 1 from history_result r where r.session_id = l.session_id and r.votes > 0)
				  group by l.squad_id
				) m on m.squad_id = s.squad_id and m.latest = s.ended_at""")
			.param("squads", squadIds)
			.query(ResultHistory::session)
			.list();
		Map<String, SessionOutcome> bySquad = new LinkedHashMap<>();
		outcomes(latest).forEach(outcome -> bySquad.putIfAbsent(outcome.squadId(), outcome));
		return bySquad;
	}

	/** The session as history keeps it, if it does (it ended with results and was not discarded). */
	java.util.Optional<SessionOutcome> of(String sessionId) {
		return outcomes(jdbc.sql("select * from history_session where session_id = ?")
			.param(sessionId)
			.query(ResultHistory::session)
			.list()).stream().findFirst();
	}

	private List<SessionOutcome> outcomes(List<Session> sessions) {
		if (sessions.isEmpty()) {
			return List.of();
		}
		Map<String, List<QuestionResult>> results = jdbc.sql("""
				select r.*, s.anonymous as session_anonymous from history_result r
				join history_session s on s.session_id = r.session_id
				where r.session_id in (:ids) order by r.session_id, r.position""")
			.param("ids", sessions.stream().map(Session::id).toList())
			.query(this::result)
			.list()
			.stream()
			.collect(Collectors.groupingBy(QuestionResult::sessionId, LinkedHashMap::new, Collectors.toList()));
		return sessions.stream()
			.map(session -> new SessionOutcome(session.id(), session.squadId(), session.name(), session.endedAt(),
					session.anonymous(), results.getOrDefault(session.id(), List.of())))
			.toList();
	}

	private record Session(String id, String squadId, String name, Instant endedAt, boolean anonymous) {
	}

	private static Session session(ResultSet rs, int row) throws SQLException {
		return new Session(rs.getString("session_id"), rs.getString("squad_id"), rs.getString("name"),
				instant(rs, "ended_at"), rs.getBoolean("anonymous"));
	}

	/** A stored result as anyone may see it: reduced to its count where the anonymity rule withholds it. */
	private QuestionResult result(ResultSet rs, int row) throws SQLException {
		String sessionId = rs.getString("session_id");
		boolean anonymous = rs.getBoolean("session_anonymous");
		int votes = rs.getInt("votes");
		Instant endedAt = instant(rs, "ended_at");
		if (anonymity.withholds(anonymous, votes)) {
			return new QuestionResult(rs.getString("question_id"), sessionId, rs.getString("squad_id"),
					rs.getString("library_question_id"), rs.getInt("position"), rs.getString("title"), votes, 0, 0, 0,
					null, 0, 0, 0, null, endedAt, true, true);
		}
		return new QuestionResult(rs.getString("question_id"), sessionId, rs.getString("squad_id"),
				rs.getString("library_question_id"), rs.getInt("position"), rs.getString("title"), votes,
				rs.getInt("red"), rs.getInt("yellow"), rs.getInt("green"), nullableDouble(rs, "average"),
				rs.getInt("improving"), rs.getInt("stable"), rs.getInt("worsening"),
				nullableDouble(rs, "previous_average"), endedAt, anonymous, false);
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	/** One ended session, whether its votes were anonymous, and its question results in asking order. */
	public record SessionOutcome(String sessionId, String squadId, String name, Instant endedAt, boolean anonymous,
			List<QuestionResult> questions) {

		/** Whether nobody voted on any of its questions: it ended without results to show. */
		public boolean empty() {
			return questions.stream().allMatch(result -> result.votes() == 0);
		}

	}

}
