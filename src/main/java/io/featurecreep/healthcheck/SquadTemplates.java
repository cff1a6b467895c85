package io.featurecreep.healthcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.library.QuestionLibrary;
import io.featurecreep.library.QuestionsAsked;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** The questions a squad's new sessions start with: its own list, or the default indicators. */
@Service
public class SquadTemplates {

	static final int MAX_QUESTIONS = 50;

	private final JdbcClient jdbc;

	private final QuestionLibrary library;

	private final SquadAccess squads;

	private final ApplicationEventPublisher events;

	SquadTemplates(JdbcClient jdbc, QuestionLibrary library, SquadAccess squads, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.library = library;
		this.squads = squads;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<LibraryQuestion> templateOf(String squadId) {
		List<String> ids = jdbc
			.sql("select library_question_id from squad_template_question where squad_id = ? order by position")
			.param(squadId)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return library.defaults();
		}
		Map<String, LibraryQuestion> found = library.findAll(ids);
		return ids.stream().map(found::get).toList();
	}

	/** Replaces the squad's template; an empty list goes back to the defaults. Owners only. */
	@Transactional
	public Squad replace(String callerId, String squadId, List<NewQuestion> questions) {
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"squad.ownersOnly.changeQuestions");
		if (questions.size() > MAX_QUESTIONS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "healthcheck.refused.templateFull", MAX_QUESTIONS);
		}
		jdbc.sql("delete from squad_template_question where squad_id = ?").param(squadId).update();
		int position = 1;
		List<String> chosen = new ArrayList<>();
		for (NewQuestion question : questions) {
			LibraryQuestion entry = library.entryFor(squad.organisationId(),
					TextLimits.required(question.title(), "Question", 200),
					TextLimits.optionalMultiline(question.descriptionGood(), "Good description", 1000),
					TextLimits.optionalMultiline(question.descriptionBad(), "Bad description", 1000));
			jdbc.sql("insert into squad_template_question (squad_id, position, library_question_id) values (?, ?, ?)")
				.params(squadId, position++, entry.id())
				.update();
			chosen.add(entry.id());
		}
		// a squad choosing a question counts as a use, as a session asking it does
		events.publishEvent(new QuestionsAsked(Ids.newId(), chosen));
		return squad;
	}

	/** A question as a user writes it. */
	public record NewQuestion(String title, String descriptionGood, String descriptionBad) {
	}

}
