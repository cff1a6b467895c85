package io.featurecreep.healthcheck;

import java.util.Comparator;
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
 * What a member may see of a session's votes, for the pages and the API alike. Others' votes stay hidden until the
 * question is revealed or the session ends (unless a named session shows them at once). In an anonymous session
 * nobody's vote carries a name or an order except, for each voter, their own; a question with fewer votes than
 * {@link Anonymity} asks for shows only its count; and who has voted shows only while results do not.
 */
@Component
@Transactional(readOnly = true)
class SessionReading {

	/** Answers of an anonymous question in an order that says nothing about who gave them or when. */
	private static final Comparator<AnswerView> BY_VALUE = Comparator.comparingInt(AnswerView::colour)
		.thenComparing(AnswerView::trend, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(AnswerView::comment, Comparator.nullsFirst(Comparator.naturalOrder()));

	private final SessionStore store;

	private final SquadAccess squads;

	private final VoterKeys voterKeys;

	private final Anonymity anonymity;

	SessionReading(SessionStore store, SquadAccess squads, VoterKeys voterKeys, Anonymity anonymity) {
		this.store = store;
		this.squads = squads;
		this.voterKeys = voterKeys;
		this.anonymity = anonymity;
	}

	static boolean resultsVisible(HealthSession session, SessionQuestion question) {
		return session.showsVotesAsTheyArrive() || question.revealed() || !session.active();
	}

	/** Every answer the caller may see: all once results show (unless withheld), else only their own. */
	List<AnswerView> answers(String callerId, HealthSession session, SessionQuestion question) {
		String ownKey = voterKeys.keyFor(session, question.id(), callerId);
		List<Vote> votes = store.votes(question.id());
		boolean visible = resultsVisible(session, question) && !anonymity.withholds(session.anonymous(), votes.size());
		List<Vote> seen = votes.stream().filter(vote -> visible || vote.voterKey().equals(ownKey)).toList();
		if (!session.anonymous()) {
			return seen.stream().map(vote -> AnswerView.of(vote, vote.personId(), vote.voterKey().equals(ownKey))).toList();
		}
		return seen.stream()
			.map(vote -> vote.voterKey().equals(ownKey) ? AnswerView.of(vote, callerId, true) : AnswerView.unnamed(vote))
			.sorted(BY_VALUE)
			.toList();
	}

	Optional<AnswerView> ownAnswer(String callerId, HealthSession session, SessionQuestion question) {
		return store.vote(question.id(), voterKeys.keyFor(session, question.id(), callerId))
			.map(vote -> AnswerView.of(vote, callerId, true));
	}

	/**
	 * Who has voted on the question, never what. In an anonymous session only while its results are hidden (empty
	 * once they show): names beside the results would say whose votes they are.
	 */
	Optional<List<String>> voterIds(HealthSession session, SessionQuestion question) {
		if (session.anonymous() && resultsVisible(session, question)) {
			return Optional.empty();
		}
		Set<String> keys = store.votes(question.id()).stream().map(Vote::voterKey).collect(Collectors.toSet());
		return Optional.of(squads.members(session.squadId())
			.stream()
			.map(Membership::personId)
			.filter(personId -> keys.contains(voterKeys.keyFor(session, question.id(), personId)))
			.toList());
	}

	/** The results once visible; reduced to their count where anonymity withholds them. */
	Optional<QuestionResults> results(HealthSession session, SessionQuestion question) {
		if (!resultsVisible(session, question)) {
			return Optional.empty();
		}
		List<Vote> votes = store.votes(question.id());
		if (anonymity.withholds(session.anonymous(), votes.size())) {
			return Optional.of(QuestionResults.withheld(votes.size()));
		}
		return Optional.of(QuestionResults.of(votes));
	}

	/** Whether the results would show but anonymity holds them back to their count (a count, not the votes). */
	boolean withheld(HealthSession session, SessionQuestion question) {
		return resultsVisible(session, question) && session.anonymous()
				&& anonymity.withholds(true, store.countVotes(question.id()));
	}

	int voteCount(SessionQuestion question) {
		return store.countVotes(question.id());
	}

	/**
	 * One answer as the API shows it; personId (and the vote's id) are null where the voter must stay unknown.
	 * {@code mine}: the caller's own answer.
	 */
	record AnswerView(String id, String answer, int colour, Trend trend, String comment, String personId,
			boolean mine) {

		static AnswerView of(Vote vote, String personId, boolean mine) {
			return new AnswerView(vote.id(), Integer.toString(vote.colour()), vote.colour(), vote.trend(),
					vote.comment(), personId, mine);
		}

		static AnswerView unnamed(Vote vote) {
			return new AnswerView(null, Integer.toString(vote.colour()), vote.colour(), vote.trend(), vote.comment(),
					null, false);
		}

		/**
		 * A short mark of the vote as it stands (colour, trend and comment), which the voter's page shows with its
		 * vote form: their other screens tell by it whether they show the vote the server kept.
		 */
		public String fingerprint() {
			return Integer.toHexString(Objects.hash(colour, trend, comment));
		}

	}

	/**
	 * The outcome of a question: count, spread, average, trends, comments, and the indicator's average in the
	 * squad's previous session (null when unknown). {@code withheld}: anonymity allows only the count, and the
	 * rest is empty.
	 */
	record QuestionResults(int votes, Map<String, Integer> colours, Double average, Map<String, Integer> trends,
			List<String> comments, Double previousAverage, boolean withheld) {

		QuestionResults comparedWith(Double previous) {
			return withheld ? this : new QuestionResults(votes, colours, average, trends, comments, previous, false);
		}

		public Double change() {
			return average == null || previousAverage == null ? null : average - previousAverage;
		}

		/** The colour of the average by the one rule of every surface; none without votes or where withheld. */
		public QuestionResult.Band band() {
			return withheld ? QuestionResult.Band.NONE : QuestionResult.Band.of(average);
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
					trends, comments, null, false);
		}

		static QuestionResults withheld(int votes) {
			return new QuestionResults(votes, Map.of("red", 0, "yellow", 0, "green", 0), null,
					Map.of("improving", 0, "stable", 0, "worsening", 0), List.of(), null, true);
		}

		private static int count(List<Vote> votes, int colour) {
			return (int) votes.stream().filter(vote -> vote.colour() == colour).count();
		}

		private static int trend(List<Vote> votes, Trend trend) {
			return (int) votes.stream().filter(vote -> vote.trend() == trend).count();
		}

	}

}
