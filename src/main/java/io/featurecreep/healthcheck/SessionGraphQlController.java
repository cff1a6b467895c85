package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** Reading sessions over GraphQL: a session and its questions, a squad's sessions, an indicator's series. */
@Controller
class SessionGraphQlController {

	private final SessionStore store;

	private final SessionAccess access;

	private final SessionLifecycle lifecycle;

	private final ResultStore results;

	private final SquadAccess squads;

	private final Clock clock;

	SessionGraphQlController(SessionStore store, SessionAccess access, SessionLifecycle lifecycle,
			ResultStore results, SquadAccess squads, Clock clock) {
		this.store = store;
		this.access = access;
		this.lifecycle = lifecycle;
		this.results = results;
		this.squads = squads;
		this.clock = clock;
	}

	@QueryMapping
	HealthSession session(@Argument String id, Principal principal) {
		HealthSession session = access.requireVisible(id, Callers.id(principal), "Session not found");
		lifecycle.endIfPastDeadline(session);
		return store.find(id).orElseThrow();
	}

	@QueryMapping
	QuestionView question(@Argument String questionId, @Argument String sessionId, Principal principal) {
		HealthSession session = access.requireVisible(sessionId, Callers.id(principal), "Invalid session ID");
		SessionQuestion question = store.question(sessionId, questionId)
			.orElseThrow(() -> DomainException.badInput("Invalid question ID"));
		return new QuestionView(question, session);
	}

	/**
	 * The history of an indicator in a squad: one point per ended session in the last 30 days, at most 100,
	 * oldest first. The name finds the indicator by its title then or now, so a renamed indicator keeps its
	 * series; an unknown name gives an empty list.
	 */
	@QueryMapping
	List<TimeseriesPoint> timeseries(@Argument String squadId, @Argument String questionName, Principal principal) {
		squads.requireMember(squadId, Callers.id(principal), DomainException.badInput("Invalid squad ID"));
		Instant from = clock.instant().minus(Duration.ofDays(30));
		return results.history(squadId, results.indicatorsNamed(squadId, questionName), from, 100)
			.stream()
			.filter(result -> result.average() != null)
			.map(result -> new TimeseriesPoint(Long.toString(result.endedAt().toEpochMilli()), result.average()))
			.toList();
	}

	@SchemaMapping(typeName = "Squad")
	HealthSession activeSession(Squad squad, Principal principal) {
		squads.requireMemberToSee(squad.id(), Callers.id(principal));
		return store.findActive(squad.id()).filter(session -> !lifecycle.endIfPastDeadline(session)).orElse(null);
	}

	@SchemaMapping(typeName = "Squad")
	List<HealthSession> sessions(Squad squad, Principal principal) {
		squads.requireMemberToSee(squad.id(), Callers.id(principal));
		return store.findBySquad(squad.id());
	}

	@SchemaMapping(typeName = "Session")
	List<QuestionView> questions(HealthSession session) {
		return store.questions(session.id()).stream().map(question -> new QuestionView(question, session)).toList();
	}

	@SchemaMapping(typeName = "Session")
	QuestionView activeQuestion(HealthSession session) {
		return store.question(session.id(), session.activeQuestionId())
			.map(question -> new QuestionView(question, session))
			.orElse(null);
	}

	@SchemaMapping(typeName = "Session")
	Integer memberCount(HealthSession session) {
		return squads.members(session.squadId()).size();
	}

	record TimeseriesPoint(String timestamp, double value) {
	}

}
