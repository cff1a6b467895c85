package io.featurecreep.healthcheck;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;

/**
 * Running a session over GraphQL: starting and ending it, its questions, which one is active, revealing results,
 * the timer. Who may do each is decided by {@link SessionLifecycle} and {@link SessionFacilitation}.
 */
@Controller
class FacilitationGraphQlController {

	private final SessionStore store;

	private final SessionLifecycle lifecycle;

	private final SessionFacilitation facilitation;

	FacilitationGraphQlController(SessionStore store, SessionLifecycle lifecycle, SessionFacilitation facilitation) {
		this.store = store;
		this.lifecycle = lifecycle;
		this.facilitation = facilitation;
	}

	@MutationMapping
	HealthSession createSession(@Argument CreateSessionInput input, Principal principal) {
		StartOptions options = new StartOptions(input.name(), input.mode(), deadline(input.deadline()),
				input.resultVisibility(), input.questions() == null ? null : QuestionInput.all(input.questions()),
				input.reminderHours());
		return lifecycle.start(Callers.id(principal), input.squadId(), options);
	}

	@MutationMapping
	QuestionView addQuestion(@Argument AddQuestionInput input, Principal principal) {
		AddQuestionInput given = Inputs.required(input);
		if (given.question() == null) {
			throw DomainException.badInput("The question is required");
		}
		QuestionInput question = given.question();
		SessionQuestion added = facilitation.addQuestion(Callers.id(principal), given.sessionId(), question.question(),
				question.descriptionGood(), question.descriptionBad());
		return new QuestionView(added, store.find(given.sessionId()).orElseThrow());
	}

	@MutationMapping
	HealthSession setActiveQuestion(@Argument QuestionRefInput input, Principal principal) {
		return facilitation.setActiveQuestion(Callers.id(principal), input.sessionId(), input.questionId());
	}

	@MutationMapping
	HealthSession endSession(@Argument EndSessionInput input, Principal principal) {
		return lifecycle.end(Callers.id(principal), Inputs.required(input).sessionId());
	}

	@MutationMapping
	QuestionView revealQuestion(@Argument QuestionRefInput input, Principal principal) {
		SessionQuestion revealed = facilitation.reveal(Callers.id(principal), input.sessionId(), input.questionId());
		return new QuestionView(revealed, store.find(input.sessionId()).orElseThrow());
	}

	@MutationMapping
	HealthSession removeQuestion(@Argument QuestionRefInput input, Principal principal) {
		return facilitation.removeQuestion(Callers.id(principal), input.sessionId(), input.questionId());
	}

	@MutationMapping
	HealthSession setTimer(@Argument SetTimerInput input, Principal principal) {
		return facilitation.setTimer(Callers.id(principal), input.sessionId(), Duration.ofSeconds(input.seconds()));
	}

	private static Instant deadline(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badInput("Deadline must be an ISO-8601 instant, for example 2026-12-31T17:00:00Z");
		}
	}

	/** {@code createSessionInput}: the original's squad id, and what we add (see the schema). */
	record CreateSessionInput(String squadId, String name, SessionMode mode, String deadline,
			ResultVisibility resultVisibility, List<QuestionInput> questions, Integer reminderHours) {
	}

	/** The original's {@code addQuestion} input; its question is nullable in the schema. */
	record AddQuestionInput(String sessionId, QuestionInput question) {
	}

	/** The original's {@code endSession} input. */
	record EndSessionInput(String sessionId) {
	}

	/** {@code setActiveQuestionInput} and {@code QuestionRefInput}: a question of a session. */
	record QuestionRefInput(String sessionId, String questionId) {
	}

	record SetTimerInput(String sessionId, int seconds) {
	}

}
