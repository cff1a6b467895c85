package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import graphql.schema.DataFetchingEnvironment;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.SessionReading.AnswerView;
import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Taking part in a session over GraphQL: voting, and following the session live. */
@Controller
class ParticipationGraphQlController {

	private static final int LIVE_BACKLOG = 256;

	private final CastVote castVote;

	private final SessionStore store;

	private final SessionAccess access;

	private final People people;

	private final LiveSessionFeed feed;

	ParticipationGraphQlController(CastVote castVote, SessionStore store, SessionAccess access, People people,
			LiveSessionFeed feed) {
		this.castVote = castVote;
		this.store = store;
		this.access = access;
		this.people = people;
		this.feed = feed;
	}

	@MutationMapping
	AnswerView answerQuestion(DataFetchingEnvironment environment, Principal principal) {
		AnswerQuestionInput given = AnswerQuestionInput.of(Inputs.required(environment.getArgument("input")));
		String callerId = Callers.id(principal);
		Ballot ballot = new Ballot(given.sessionId(), given.questionId(), given.answer(), given.trend(),
				given.comment());
		return AnswerView.of(castVote.cast(callerId, ballot), callerId, true);
	}

	/**
	 * First the session as it is now, then every change as it happens. The live feed is listened to before the
	 * current state is read, so nothing that happens in between is missed (at worst a change is seen twice).
	 */
	@SubscriptionMapping
	Flux<SessionEventView> sessionChanged(@Argument String sessionId, Principal principal) {
		String callerId = Callers.id(principal);
		// the database itself, not a node's brief memory: a client whose subscription just ended because its person
		// was deactivated may subscribe again at once, on the connection it still holds
		if (!people.findById(callerId).map(Person::active).orElse(false)) {
			throw DomainException.unauthenticated(LiveSessionFeed.NO_LONGER_ACTIVE);
		}
		access.requireVisible(sessionId, callerId, "Session not found");
		ConnectableFlux<SessionChanged> live = feed.changesOf(sessionId, callerId).replay(LIVE_BACKLOG);
		Disposable listening = live.connect();
		Mono<SessionEventView> now = Mono.fromCallable(() -> view(new SessionChanged(sessionId, null, null)));
		return Flux.concat(now, live.map(this::view)).doFinally(signal -> listening.dispose());
	}

	private SessionEventView view(SessionChanged change) {
		String name = change.change() == null ? "CURRENT_STATE" : change.change().name();
		return new SessionEventView(name, change.sessionId(), change.questionId(),
				store.find(change.sessionId()).orElse(null));
	}

	/** The original's {@code answerQuestion} input (answer 0 red, 1 yellow, 2 green), with trend and comment. */
	record AnswerQuestionInput(String sessionId, String questionId, int answer, Trend trend, String comment) {

		/**
		 * Read from the argument as graphql-java has already checked it against the schema (required fields there, an
		 * {@code Int} an Integer, a trend one of the enum's names). Not bound by {@code @Argument}: Spring's binder
		 * looks the record's constructor up by reflection on every call, a tenth of a vote's CPU time, and the vote is
		 * the mutation sent most.
		 */
		static AnswerQuestionInput of(Map<String, Object> input) {
			Object trend = input.get("trend");
			return new AnswerQuestionInput((String) input.get("sessionId"), (String) input.get("questionId"),
					(Integer) input.get("answer"),
					trend == null || trend instanceof Trend ? (Trend) trend : Trend.valueOf(trend.toString()),
					(String) input.get("comment"));
		}

	}

	record SessionEventView(String change, String sessionId, String questionId, HealthSession session) {
	}

}
