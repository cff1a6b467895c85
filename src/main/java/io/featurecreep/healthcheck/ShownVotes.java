package io.featurecreep.healthcheck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.featurecreep.healthcheck.SessionReading.AnswerView;
import io.featurecreep.healthcheck.SessionViews.QuestionCard;

/**
 * Which of their own votes a screen shows, as its vote forms say ({@code questionId:fingerprint} each, sent with
 * the requests that every vote in the session makes each screen send anyway). One person's screens (two tabs, a
 * phone and a laptop) may each have voted; the screen whose form shows something other than the vote the server
 * kept gets that form again. A screen only ever learns its own person's vote, and nothing new travels between
 * nodes for it.
 */
record ShownVotes(Map<String, String> byQuestion) {

	static final String NONE = "none";

	static ShownVotes of(List<String> shown) {
		Map<String, String> byQuestion = new HashMap<>();
		if (shown != null) {
			for (String each : shown) {
				int colon = each.lastIndexOf(':');
				if (colon > 0) {
					byQuestion.put(each.substring(0, colon), each.substring(colon + 1));
				}
			}
		}
		return new ShownVotes(byQuestion);
	}

	/** What a vote form says it shows: the fingerprint of the viewer's vote, or {@value #NONE}. */
	static String mark(AnswerView myVote) {
		return myVote == null ? NONE : myVote.fingerprint();
	}

	/** Whether the screen shows this card's vote form with a vote other than the one the server kept. */
	boolean outOfDate(QuestionCard card) {
		String shown = byQuestion.get(card.id());
		return shown != null && !shown.equals(mark(card.myVote()));
	}

}
