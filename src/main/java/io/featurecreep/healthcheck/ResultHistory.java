package io.featurecreep.healthcheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A squad's recorded results, for reports and history views. */
@Service
@Transactional(readOnly = true)
public class ResultHistory {

	private final JdbcClient jdbc;

	private final ResultStore results;

	ResultHistory(JdbcClient jdbc, ResultStore results) {
		this.jdbc = jdbc;
		this.results = results;
	}

	/** The squad's last {@code sessions} ended sessions with recorded results, oldest first. */
	public List<SessionOutcome> recent(String squadId, int sessions) {
		List<Map<String, Object>> rows = jdbc.sql("""
				select s.id, s.name, s.ended_at, s.anonymous from health_session s
				where s.squad_id = ? and s.ended_at is not null and s.discarded_at is null
				  and exists (select 1 from question_result r where r.session_id = s.id)
				order by s.ended_at desc fetch first ? rows only""")
			.params(squadId, sessions)
			.query()
			.listOfRows();
		Map<String, SessionOutcome> outcomes = new LinkedHashMap<>();
		for (int i = rows.size() - 1; i >= 0; i--) {
			Map<String, Object> row = rows.get(i);
			String id = (String) row.get("id");
			outcomes.put(id, outcome(row));
		}
		return new ArrayList<>(outcomes.values());
	}

	/** The squad's ended sessions with recorded results that ended within [from, to], oldest first. */
	public List<SessionOutcome> between(String squadId, Instant from, Instant to) {
		return jdbc.sql("""
				select s.id, s.name, s.ended_at, s.anonymous from health_session s
				where s.squad_id = ? and s.ended_at is not null and s.discarded_at is null and s.ended_at >= ? and s.ended_at <= ?
				  and exists (select 1 from question_result r where r.session_id = s.id)
				order by s.ended_at""")
			.params(squadId, from.atOffset(java.time.ZoneOffset.UTC), to.atOffset(java.time.ZoneOffset.UTC))
			.query()
			.listOfRows()
			.stream()
			.map(this::outcome)
			.toList();
	}

	/**
	 * Each squad's latest ended session in which someone voted, by squad id (squads without one are left out): a
	 * session that ended without votes says nothing about the squad, so it never stands for it. Two queries for any
	 * number of squads: the organisation matrix reads hundreds at once.
	 */
	public Map<String, SessionOutcome> latestOf(java.util.Collection<String> squadIds) {
		if (squadIds.isEmpty()) {
			return Map.of();
		}
		List<Map<String, Object>> rows = jdbc.sql("""
				select s.id, s.squad_id, s.name, s.ended_at, s.anonymous from health_session s
				join (
				  select l.squad_id, max(l.ended_at) as latest from health_session l
				  where l.squad_id in (:squads) and l.discarded_at is null
				    and exists (select 1 from question_result r where r.session_id = l.id and r.votes > 0)
				  group by l.squad_id
				) m on m.squad_id = s.squad_id and m.latest = s.ended_at
				where s.discarded_at is null""")
			.param("squads", squadIds)
			.query()
			.listOfRows();
		Map<String, List<QuestionResult>> bySession = results
			.ofSessions(rows.stream().map(row -> (String) row.get("id")).toList())
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(QuestionResult::sessionId, LinkedHashMap::new,
					java.util.stream.Collectors.toList()));
		Map<String, SessionOutcome> latest = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			String id = (String) row.get("id");
			latest.put((String) row.get("squad_id"), new SessionOutcome(id, (String) row.get("name"),
					endedAt(row.get("ended_at")), Boolean.TRUE.equals(row.get("anonymous")), bySession.getOrDefault(id, List.of())));
		}
		return latest;
	}

	private SessionOutcome outcome(Map<String, Object> row) {
		String id = (String) row.get("id");
		return new SessionOutcome(id, (String) row.get("name"), endedAt(row.get("ended_at")),
				Boolean.TRUE.equals(row.get("anonymous")), results.ofSession(id));
	}

	private static Instant endedAt(Object value) {
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant();
		}
		return Instant.parse(value.toString());
	}

	/** One ended session, whether its votes were anonymous, and its question results in asking order. */
	public record SessionOutcome(String sessionId, String name, Instant endedAt, boolean anonymous,
			List<QuestionResult> questions) {

		/** Whether nobody voted on any of its questions: it ended without results to show. */
		public boolean empty() {
			return questions.stream().allMatch(result -> result.votes() == 0);
		}

	}

}
