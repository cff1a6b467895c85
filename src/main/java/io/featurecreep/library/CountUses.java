package io.featurecreep.library;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.events.DurableHandler;

/**
 * Counts the uses of library entries (how often sessions asked them; searches rank the most used first) after the
 * session that asked them committed. The occasion's id is recorded with the counts in one transaction, so work that
 * runs again counts nothing more.
 */
@Component
class CountUses implements DurableHandler<QuestionsAsked> {

	private final QuestionLibrary library;

	CountUses(QuestionLibrary library) {
		this.library = library;
	}

	@Override
	public String name() {
		return "library.count-uses";
	}

	@Override
	public Class<QuestionsAsked> eventType() {
		return QuestionsAsked.class;
	}

	@Override
	@Transactional
	public void handle(QuestionsAsked asked) {
		library.countUses(asked);
	}

}
