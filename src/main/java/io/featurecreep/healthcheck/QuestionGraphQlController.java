package io.featurecreep.healthcheck;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.healthcheck.SessionReading.AnswerView;
import io.featurecreep.healthcheck.SessionReading.QuestionResults;
import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.library.Deck;

/**
 * A question's texts, answers, voters and results over GraphQL. What the caller may see of them is decided by
 * {@link SessionReading} and the anonymity rules, never here. The texts are English, except the deck's, which answer
 * in the request's language ({@link Deck}).
 */
@Controller
class QuestionGraphQlController {

	private final SessionReading reading;

	private final ResultStore results;

	private final People people;

	private final Deck deck;

	QuestionGraphQlController(SessionReading reading, ResultStore results, People people, Deck deck) {
		this.reading = reading;
		this.results = results;
		this.people = people;
		this.deck = deck;
	}

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

}
