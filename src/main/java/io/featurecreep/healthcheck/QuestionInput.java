package io.featurecreep.healthcheck;

import java.util.List;

import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;

/** The original's {@code questionInput}: a question's title and what a good and a bad state look like. */
record QuestionInput(String question, String descriptionGood, String descriptionBad) {

	NewQuestion toNewQuestion() {
		return new NewQuestion(question, descriptionGood, descriptionBad);
	}

	static List<NewQuestion> all(List<QuestionInput> questions) {
		return questions.stream().map(QuestionInput::toNewQuestion).toList();
	}

}
