package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SessionReading.AnswerView;
import io.featurecreep.healthcheck.SessionReading.QuestionResults;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.library.Deck;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;
import reactor.core.Disposable;
import reactor.core.publisher.ConnectableFlux;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions, questions and votes over GraphQL: the original operations and what we add. */
@Controller
class HealthCheckGraphQlController {

	private static final int LIVE_BACKLOG = 256;

	private final SessionStore store;

	private final SessionAccess access;

	private final SessionReading reading;

	private final SessionLifecycle lifecycle;

	private final SessionFacilitation facilitation;

	private final CastVote castVote;

	private final SquadTemplates templates;

	private final ResultStore results;

	private final SquadAccess squads;

	private final People people;

	private final LiveSessionFeed feed;

	private final Clock clock;

	private final Deck deck;

	HealthCheckGraphQlController(SessionStore store, SessionAccess access, SessionReading reading,
			SessionLifecycle lifecycle, SessionFacilitation facilitation, CastVote castVote, SquadTemplates templates,
			ResultStore results, SquadAccess squads, People people, LiveSessionFeed feed, Clock clock, Deck deck) {
		this.deck = deck;
		this.store = store;
		this.access = access;
		this.reading = reading;
		this.lifecycle = lifecycle;
		this.facilitation = facilitation;
		this.castVote = castVote;
		this.templates = templates;
		this.results = results;
		this.squads = squads;
		this.people = people;
		this.feed = feed;
		this.clock = clock;
	}

	// ----- queries

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

	// ----- squad fields

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

	@SchemaMapping(typeName = "Squad")
	List<TemplateQuestionView> template(Squad squad, Principal principal,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		squads.requireMemberToSee(squad.id(), Callers.id(principal));
		List<LibraryQuestion> questions = templates.templateOf(squad.id());
		List<TemplateQuestionView> views = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			LibraryQuestion question = deck.shown(questions.get(i), language);
			views.add(new TemplateQuestionView(i + 1, question.id(), question.title(), question.descriptionGood(),
					question.descriptionBad()));
		}
		return views;
	}

	// ----- session fields

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

	// ----- question fields

	/** The deck's texts answer in the request's language ({@link Deck}); the rest of the API stays English. */
	@SchemaMapping(typeName = "Question")
	String question(QuestionView question,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return deck.title(question.libraryQuestionId(), question.question(), language);
	}

	@SchemaMapping(typeName = "Question")
	String descriptionGood(QuestionView question,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return deck.descriptionGood(question.libraryQuestionId(), question.descriptionGood(), language);
	}

	@SchemaMapping(typeName = "Question")
	String descriptionBad(QuestionView question,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return deck.descriptionBad(question.libraryQuestionId(), question.descriptionBad(), language);
	}

	@SchemaMapping(typeName = "Question")
	List<AnswerView> answers(QuestionView question, Principal principal) {
		return reading.answers(Callers.id(principal), question.session(), question.source());
	}

	@SchemaMapping(typeName = "Question")
	AnswerView myAnswer(QuestionView question, Principal principal) {
		return reading.ownAnswer(Callers.id(principal), question.session(), question.source()).orElse(null);
	}

	/**
	 * The original's total: known once the session has ended and its results are recorded, unless anonymity
	 * withholds them.
	 */
	@SchemaMapping(typeName = "Question")
	Integer total(QuestionView question) {
		if (question.session().active()) {
			return null;
		}
		return results.ofQuestion(question.id())
			.filter(result -> !result.withheld())
			.map(QuestionResult::total)
			.orElse(null);
	}

	@SchemaMapping(typeName = "Question")
	Integer voteCount(QuestionView question) {
		return reading.voteCount(question.source());
	}

	/** Null in an anonymous session once its results show (see {@link SessionReading#voterIds}). */
	@SchemaMapping(typeName = "Question")
	List<Person> voters(QuestionView question) {
		return reading.voterIds(question.session(), question.source())
			.map(ids -> (List<Person>) new ArrayList<>(people.findAllById(ids).values()))
			.orElse(null);
	}

	/**
	 * The results, once visible, with the indicator's average in the squad's session before this one; null while
	 * hidden and where anonymity withholds them ({@code withheld} tells which).
	 */
	@SchemaMapping(typeName = "Question")
	QuestionResults results(QuestionView question) {
		return reading.results(question.session(), question.source())
			.filter(counted -> !counted.withheld())
			.map(counted -> counted.comparedWith(results
				.previousAverage(question.session().squadId(), question.libraryQuestionId(), question.session().createdAt())
				.orElse(null)))
			.orElse(null);
	}

	@SchemaMapping(typeName = "Question")
	boolean withheld(QuestionView question) {
		return reading.withheld(question.session(), question.source());
	}

	@SchemaMapping(typeName = "Answer")
	Person person(AnswerView answer) {
		return answer.personId() == null ? null : people.findById(answer.personId()).orElse(null);
	}

	// ----- mutations

	@MutationMapping
	HealthSession createSession(@Argument Map<String, Object> input, Principal principal) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> questions = (List<Map<String, Object>>) input.get("questions");
		StartOptions options = new StartOptions((String) input.get("name"), enumValue(SessionMode.class, input.get("mode")),
				instant(input.get("deadline")), enumValue(ResultVisibility.class, input.get("resultVisibility")),
				questions == null ? null : newQuestions(questions), (Integer) input.get("reminderHours"));
		return lifecycle.start(Callers.id(principal), (String) input.get("squadId"), options);
	}

	@MutationMapping
	QuestionView addQuestion(@Argument Map<String, Object> input, Principal principal) {
		Map<String, Object> given = Inputs.required(input);
		@SuppressWarnings("unchecked")
		Map<String, Object> question = (Map<String, Object>) given.get("question");
		if (question == null) {
			throw DomainException.badInput("The question is required");
		}
		String sessionId = (String) given.get("sessionId");
		SessionQuestion added = facilitation.addQuestion(Callers.id(principal), sessionId,
				(String) question.get("question"), (String) question.get("descriptionGood"),
				(String) question.get("descriptionBad"));
		return new QuestionView(added, store.find(sessionId).orElseThrow());
	}

	@MutationMapping
	AnswerView answerQuestion(@Argument Map<String, Object> input, Principal principal) {
		Map<String, Object> given = Inputs.required(input);
		String callerId = Callers.id(principal);
		Ballot ballot = new Ballot((String) given.get("sessionId"), (String) given.get("questionId"),
				(Integer) given.get("answer"), enumValue(Trend.class, given.get("trend")), (String) given.get("comment"));
		return AnswerView.of(castVote.cast(callerId, ballot), callerId, true);
	}

	@MutationMapping
	HealthSession setActiveQuestion(@Argument Map<String, Object> input, Principal principal) {
		return facilitation.setActiveQuestion(Callers.id(principal), (String) input.get("sessionId"),
				(String) input.get("questionId"));
	}

	@MutationMapping
	HealthSession endSession(@Argument Map<String, Object> input, Principal principal) {
		return lifecycle.end(Callers.id(principal), (String) Inputs.required(input).get("sessionId"));
	}

	@MutationMapping
	QuestionView revealQuestion(@Argument Map<String, Object> input, Principal principal) {
		String sessionId = (String) input.get("sessionId");
		SessionQuestion revealed = facilitation.reveal(Callers.id(principal), sessionId, (String) input.get("questionId"));
		return new QuestionView(revealed, store.find(sessionId).orElseThrow());
	}

	@MutationMapping
	HealthSession removeQuestion(@Argument Map<String, Object> input, Principal principal) {
		return facilitation.removeQuestion(Callers.id(principal), (String) input.get("sessionId"),
				(String) input.get("questionId"));
	}

	@MutationMapping
	Squad setSquadTemplate(@Argument Map<String, Object> input, Principal principal) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> questions = (List<Map<String, Object>>) input.get("questions");
		return templates.replace(Callers.id(principal), (String) input.get("squadId"), newQuestions(questions));
	}

	@MutationMapping
	HealthSession setTimer(@Argument Map<String, Object> input, Principal principal) {
		int seconds = (Integer) input.get("seconds");
		return facilitation.setTimer(Callers.id(principal), (String) input.get("sessionId"),
				Duration.ofSeconds(seconds));
	}

	private static List<NewQuestion> newQuestions(List<Map<String, Object>> questions) {
		return questions.stream()
			.map(q -> new NewQuestion((String) q.get("question"), (String) q.get("descriptionGood"),
					(String) q.get("descriptionBad")))
			.toList();
	}

	// ----- subscription

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



	private static <E extends Enum<E>> E enumValue(Class<E> type, Object value) {
		return value == null ? null : Enum.valueOf(type, value.toString());
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badInput("Deadline must be an ISO-8601 instant, for example 2026-12-31T17:00:00Z");
		}
	}

	/** A session question together with its session, which decides what of it the caller may see. */
	record QuestionView(SessionQuestion source, HealthSession session) {

		public String id() {
			return source.id();
		}

		public String question() {
			return source.title();
		}

		public String descriptionGood() {
			return source.descriptionGood();
		}

		public String descriptionBad() {
			return source.descriptionBad();
		}

		public int position() {
			return source.position();
		}

		public String libraryQuestionId() {
			return source.libraryQuestionId();
		}

		public boolean revealed() {
			return source.revealed();
		}

	}

	record TemplateQuestionView(int position, String libraryQuestionId, String question, String descriptionGood,
			String descriptionBad) {
	}

	record TimeseriesPoint(String timestamp, double value) {
	}

	record SessionEventView(String change, String sessionId, String questionId, HealthSession session) {
	}

}
