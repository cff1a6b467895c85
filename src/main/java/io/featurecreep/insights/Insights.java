package io.featurecreep.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.insights.ResultHistory.SessionOutcome;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Squad histories for their members, and the organisation matrix for organisation admins (and for everyone in the
 * organisation where its admins allow it). Squads may keep themselves out of the matrix.
 */
@Service
@Transactional(readOnly = true)
public class Insights {

	static final Duration DEFAULT_RANGE = Duration.ofDays(3 * 365);

	private final ResultHistory history;

	private final SquadAccess squads;

	private final People people;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	Insights(ResultHistory history, SquadAccess squads, People people, Accounts accounts, JdbcClient jdbc, Clock clock) {
		this.history = history;
		this.squads = squads;
		this.people = people;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The squad's heat map between two instants (default: the last three years up to now). */
	public SquadHistory squadHistory(String callerId, String squadId, Instant from, Instant to) {
		Squad squad = squads.requireMember(squadId, callerId, DomainException.of(ErrorCode.NOT_FOUND, "insights.squad.notFound"));
		Instant end = to == null ? clock.instant() : to;
		Instant start = from == null ? end.minus(DEFAULT_RANGE) : from;
		if (start.isAfter(end)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "insights.range.startAfterEnd");
		}
		return SquadHistory.of(squad.id(), squad.name(), history.between(squadId, start, end));
	}

	OrganisationMatrix matrix(String callerId) {
		Person caller = people.findById(callerId).orElseThrow();
		if (!accounts.isOrganisationAdmin(callerId) && !membersSeeMatrix(caller.organisationId())) {
			throw DomainException.of(ErrorCode.FORBIDDEN, "insights.matrix.adminsOnly");
		}
		java.util.Set<String> optedOut = new java.util.HashSet<>(
				jdbc.sql("select squad_id from matrix_opt_out").query(String.class).list());
		Map<String, String> titles = new LinkedHashMap<>();
		Map<String, Integer> asked = new HashMap<>();
		Map<String, Integer> firstPosition = new HashMap<>();
		List<Squad> shown = squads.squadsOfOrganisation(caller.organisationId())
			.stream()
			.filter(squad -> !optedOut.contains(squad.id()))
			.toList();
		Map<String, SessionOutcome> outcomes = history.latestOf(shown.stream().map(Squad::id).toList());
		List<Map.Entry<Squad, SessionOutcome>> latest = new ArrayList<>();
		for (Squad squad : shown) {
			Optional<SessionOutcome> outcome = Optional.ofNullable(outcomes.get(squad.id()));
			latest.add(new java.util.AbstractMap.SimpleEntry<>(squad, outcome.orElse(null)));
			outcome.ifPresent(o -> o.questions().forEach(result -> {
				String key = result.indicatorKey();
				titles.put(key, result.title());
				asked.merge(key, 1, Integer::sum);
				firstPosition.merge(key, result.position(), Math::min);
			}));
		}
		List<String> keys = titles.keySet()
			.stream()
			.sorted(Comparator.comparing((String key) -> -asked.get(key)).thenComparing(firstPosition::get))
			.toList();
		List<OrganisationMatrix.Row> rows = latest.stream().map(entry -> {
			SessionOutcome outcome = entry.getValue();
			List<Cell> cells = new ArrayList<>();
			for (String key : keys) {
				cells.add(outcome == null ? null
						: outcome.questions()
							.stream()
							.filter(result -> result.indicatorKey().equals(key))
							.findFirst()
							.map(Cell::of)
							.orElse(null));
			}
			return new OrganisationMatrix.Row(entry.getKey().id(), entry.getKey().name(),
					outcome == null ? null : outcome.sessionId(), outcome == null ? null : outcome.name(),
					outcome == null ? null : outcome.endedAt(), cells);
		}).toList();
		return new OrganisationMatrix(keys.stream().map(key -> new OrganisationMatrix.Indicator(key, titles.get(key))).toList(),
				rows);
	}

	/** Organisation admins decide whether every member of the organisation may see the matrix. */
	@Transactional
	boolean setMembersSeeMatrix(String callerId, boolean allowed) {
		if (!accounts.isOrganisationAdmin(callerId)) {
			throw DomainException.of(ErrorCode.FORBIDDEN, "insights.matrix.adminsOnlyToChange");
		}
		String organisationId = people.findById(callerId).orElseThrow().organisationId();
		int updated = jdbc.sql("update matrix_settings set members_see_matrix = ? where organisation_id = ?")
			.params(allowed, organisationId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into matrix_settings (organisation_id, members_see_matrix) values (?, ?)")
				.params(organisationId, allowed)
				.update();
		}
		return allowed;
	}

	/** A squad's owners keep it out of (or bring it back into) the organisation matrix. */
	@Transactional
	Squad setOptOut(String callerId, String squadId, boolean optOut) {
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.of(ErrorCode.NOT_FOUND, "insights.squad.notFound"),
				"squad.ownersOnly.changeMatrix");
		jdbc.sql("delete from matrix_opt_out where squad_id = ?").param(squadId).update();
		if (optOut) {
			jdbc.sql("insert into matrix_opt_out (squad_id, created_at) values (?, ?)")
				.params(squadId, OffsetDateTime.now(clock))
				.update();
		}
		return squad;
	}

	/** Who may see the caller's organisation matrix, as the matrix page shows it to admins. */
	MatrixAccess matrixAccess(String callerId) {
		Person caller = people.findById(callerId).orElseThrow();
		return new MatrixAccess(accounts.isOrganisationAdmin(callerId), membersSeeMatrix(caller.organisationId()));
	}

	boolean optedOut(String squadId) {
		return jdbc.sql("select count(*) from matrix_opt_out where squad_id = ?").param(squadId).query(Integer.class).single() > 0;
	}

	private boolean membersSeeMatrix(String organisationId) {
		return jdbc.sql("select members_see_matrix from matrix_settings where organisation_id = ?")
			.param(organisationId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	record MatrixAccess(boolean admin, boolean membersSee) {
	}

}
