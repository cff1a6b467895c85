package io.featurecreep.insights;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.insights.AlertRules.Finding;
import io.featurecreep.insights.AlertRules.Kind;
import io.featurecreep.shared.Ids;

/** The squads' alerts ({@code squad_alert}); only insights writes them. */
@Repository
class AlertStore {

	private static final String SELECT = """
			select a.*, r.title, r.library_question_id, s.name as session_name, s.ended_at as session_ended_at
			from squad_alert a
			join history_result r on r.question_id = a.question_id
			join history_session s on s.session_id = a.session_id
			""";

	private final JdbcClient jdbc;

	AlertStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores what a rule found about one indicator of a session, unless that alert exists already. */
	void raise(String squadId, String sessionId, String questionId, Finding finding, Instant now) {
		boolean exists = jdbc.sql("select count(*) from squad_alert where question_id = ? and kind = ?")
			.params(questionId, finding.kind().name())
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return;
		}
		jdbc.sql("""
				insert into squad_alert (id, squad_id, session_id, question_id, kind, average, votes, reference, sessions,
				  evidence_count, evidence_other, p_value, raised_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), squadId, sessionId, questionId, finding.kind().name(), finding.average(),
					finding.votes(), finding.reference(), finding.sessions(), finding.count(), finding.other(),
					finding.p(), utc(now))
			.update();
	}

	/** The squad's alerts, newest session first, in asking order within a session. */
	List<Alert> ofSquad(String squadId) {
		return jdbc.sql(SELECT + "where a.squad_id = ? order by s.ended_at desc, r.position, a.kind")
			.param(squadId)
			.query(AlertStore::alert)
			.list();
	}

	List<Alert> ofSession(String sessionId) {
		return jdbc.sql(SELECT + "where a.session_id = ? order by r.position, a.kind")
			.param(sessionId)
			.query(AlertStore::alert)
			.list();
	}

	Optional<Alert> find(String alertId) {
		return jdbc.sql(SELECT + "where a.id = ?").param(alertId).query(AlertStore::alert).optional();
	}

	/** How many alerts of each of these sessions are still open. */
	Map<String, Integer> openBySession(Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select session_id, count(*) as open from squad_alert
				where session_id in (:ids) and dismissed_at is null group by session_id""")
			.param("ids", sessionIds)
			.query((rs, row) -> Map.entry(rs.getString("session_id"), rs.getInt("open")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Marks the alert dismissed, unless it is already: the first dismissal, and its note, stay on record. */
	boolean dismiss(String alertId, String personId, String note, Instant now) {
		return jdbc.sql("""
				update squad_alert set dismissed_at = ?, dismissed_by = ?, dismiss_note = ?
				where id = ? and dismissed_at is null""")
			.params(utc(now), personId, note, alertId)
			.update() == 1;
	}

	void removeSession(String sessionId) {
		jdbc.sql("delete from squad_alert where session_id = ?").param(sessionId).update();
	}

	private static Alert alert(ResultSet rs, int row) throws SQLException {
		return new Alert(rs.getString("id"), rs.getString("squad_id"), rs.getString("session_id"),
				rs.getString("session_name"), instant(rs, "session_ended_at"), rs.getString("question_id"),
				rs.getString("library_question_id"), rs.getString("title"), Kind.valueOf(rs.getString("kind")),
				rs.getDouble("average"), rs.getInt("votes"), nullableDouble(rs, "reference"), rs.getInt("sessions"),
				rs.getInt("evidence_count"), rs.getInt("evidence_other"), nullableDouble(rs, "p_value"),
				instant(rs, "raised_at"), instant(rs, "dismissed_at"), rs.getString("dismissed_by"),
				rs.getString("dismiss_note"));
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
