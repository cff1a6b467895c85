package io.featurecreep.healthcheck;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.squads.Membership;
import io.featurecreep.squads.SquadAccess;

/**
 * What a member may see of a session's votes. Others' votes stay hidden until the question is revealed or
 * the session ends (unless the session shows them at once); in anonymous sessions nobody's vote carries
 * a name except, for each voter, their own.
 */
@Component
@Transactional(readOnly = true)
class SessionReading {

	private final SessionStore store;

	private final SquadAccess squads;

	private final VoterKeys voterKeys;

	SessionReading(SessionStore store, SquadAccess squads, VoterKeys voterKeys) {
		this.store = store;
		this.squads = squads;
		this.voterKeys = voterKeys;
	}

	static boolean resultsVisible(HealthSession session, SessionQuestion question) {
		return session.resultVisibility() == ResultVisibility.IMMEDIATE || question.revealed() || !session.active();
	}

	List<AnswerView> answers(String callerId, HealthSession session, SessionQuestion question) {
		String ownKey = voterKeys.keyFor(session, question.id(), callerId);
		boolean visible = resultsVisible(session, question);
		return store.votes(question.id())
			.stream()
			.filter(vote -> visible || vote.voterKey().equals(ownKey))
			.map(vote -> AnswerView.of(vote, vote.voterKey().equals(ownKey) ? callerId : vote.personId()))
			.toList();
	}

	Optional<AnswerView> ownAnswer(String callerId, HealthSession session, SessionQuestion question) {
		return store.vote(question.id(), voterKeys.keyFor(session, question.id(), callerId))
			.map(vote -> AnswerView.of(vote, callerId));
	}

	/** Who has voted on the question: shown in every session, anonymous or not; what they voted is not. */
	List<String> voterIds(HealthSession session, SessionQuestion question) {
		Set<String> keys = store.votes(question.id()).stream().map(Vote::voterKey).collect(Collectors.toSet());
		return squads.members(session.squadId())
			.stream()
			.map(Membership::personId)
			.filter(personId -> keys.contains(voterKeys.keyFor(session, question.id(), personId)))
			.toList();
	}

	Optional<QuestionResults> results(HealthSession session, SessionQuestion question) {
		if (!resultsVisible(session, question)) {
			return Optional.empty();
		}
		return Optional.of(QuestionResults.of(store.votes(question.id())));
	}

	int voteCount(SessionQuestion question) {
		return store.countVotes(question.id());
	}

	/** One answer as the API shows it; personId is null where the voter must stay unknown. */
	record AnswerView(String id, String answer, int colour, Trend trend, String comment, String personId) {

		static AnswerView of(Vote vote, String personId) {
			return new AnswerView(vote.id(), Integer.toString(vote.colour()), vote.colour(), vote.trend(),
					vote.comment(), personId);
		}

		/** The vote in words, for its voter: "green, improving". */
		public String describe() {
			String colourName = switch (colour) {
				case 0 -> "red";
				case 1 -> "yellow";
				default -> "green";
			};
			return trend == null ? colourName : colourName + ", " + trend.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * The outcome of a question: count, spread, average, trends, comments, and the indicator's average in the
	 * squad's previous session (null when unknown).
	 */
	record QuestionResults(int votes, Map<String, Integer> colours, Double average, Map<String, Integer> trends,
			List<String> comments, Double previousAverage) {

		QuestionResults comparedWith(Double previous) {
			return new QuestionResults(votes, colours, average, trends, comments, previous);
		}

		public Double change() {
			return average == null || previousAverage == null ? null : average - previousAverage;
		}

		static QuestionResults of(List<Vote> votes) {
			int red = count(votes, 0);
			int yellow = count(votes, 1);
			int green = count(votes, 2);
			Double average = votes.isEmpty() ? null : votes.stream().mapToInt(Vote::colour).average().orElseThrow();
			Map<String, Integer> trends = Map.of("improving", trend(votes, Trend.IMPROVING), "stable",
					trend(votes, Trend.STABLE), "worsening", trend(votes, Trend.WORSENING));
			List<String> comments = votes.stream().map(Vote::comment).filter(Objects::nonNull).sorted().toList();
			return new QuestionResults(votes.size(), Map.of("red", red, "yellow", yellow, "green", green), average,
					trends, comments, null);
		}

		private static int count(List<Vote> votes, int colour) {
			return (int) votes.stream().filter(vote -> vote.colour() == colour).count();
		}

		private static int trend(List<Vote> votes, Trend trend) {
			return (int) votes.stream().filter(vote -> vote.trend() == trend).count();
		}

	}

}
