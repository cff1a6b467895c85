package io.featurecreep.library;

import java.util.List;

/**
 * Library entries were asked once more: a session started with them, a question was added to a running session, or
 * a squad put them in its template. Published by whoever asked, inside its own transaction; the uses are counted by
 * {@link CountUses} once that commits, outside it, so a busy entry's row is never locked by a session's start.
 *
 * @param useId one id per occasion: counting the same occasion twice (work may run again) counts it once
 * @param libraryQuestionIds the entries asked, one per question asked (an entry asked twice counts twice)
 */
public record QuestionsAsked(String useId, List<String> libraryQuestionIds) {

	public QuestionsAsked {
		libraryQuestionIds = List.copyOf(libraryQuestionIds);
	}

}
