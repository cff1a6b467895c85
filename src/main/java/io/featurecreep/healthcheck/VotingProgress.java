package io.featurecreep.healthcheck;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.squads.Membership;
import io.featurecreep.squads.SquadAccess;

/**
 * Who has yet to vote in a running session, for reminders sent by background work (there is no caller to check).
 * Whoever uses it keeps each name to its own person: a reminder tells a member that they have not voted, and tells a
 * channel only how many have not. In an anonymous session, who has voted is found as the pages find it, by the
 * voter key each member would have ({@link VoterKeys}); what anyone voted is never read.
 */
@Service
@Transactional(readOnly = true)
public class VotingProgress {

	private final SessionStore store;

	private final SquadAccess squads;

	private final VoterKeys voterKeys;

	VotingProgress(SessionStore store, SquadAccess squads, VoterKeys voterKeys) {
		this.store = store;
		this.squads = squads;
		this.voterKeys = voterKeys;
	}

	/**
	 * The progress of a session that is still running and not discarded; empty otherwise. A member has voted once
	 * they answered every question.
	 */
	public Optional<Progress> ofRunningSession(String sessionId) {
		Optional<HealthSession> running = store.find(sessionId).filter(s -> s.active() && !s.discarded());
		if (running.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(progress(running.get(), store.questions(sessionId)));
	}

	/**
	 * Like {@link #ofRunningSession}, but in a live session counting only the active question, the one everyone is
	 * voting on now: what a chat's "n of m have voted" says as the facilitator moves on.
	 */
	public Optional<Progress> onCurrentQuestions(String sessionId) {
		Optional<HealthSession> running = store.find(sessionId).filter(s -> s.active() && !s.discarded());
		if (running.isEmpty()) {
			return Optional.empty();
		}
		HealthSession session = running.get();
		List<SessionQuestion> questions = store.questions(sessionId)
			.stream()
			.filter(q -> session.mode() == SessionMode.ASYNC || q.id().equals(session.activeQuestionId()))
			.toList();
		return Optional.of(progress(session, questions));
	}

	private Progress progress(HealthSession session, List<SessionQuestion> questions) {
		List<Set<String>> keysByQuestion = questions.stream()
			.map(q -> store.votes(q.id()).stream().map(Vote::voterKey).collect(Collectors.toSet()))
			.toList();
		List<String> members = squads.members(session.squadId()).stream().map(Membership::personId).toList();
		List<String> yetToVote = members.stream()
			.filter(personId -> {
				for (int i = 0; i < questions.size(); i++) {
					if (!keysByQuestion.get(i).contains(voterKeys.keyFor(session, questions.get(i).id(), personId))) {
						return true;
					}
				}
				return false;
			})
			.toList();
		return new Progress(session, members.size(), yetToVote);
	}

	/** A running session, how many members its squad has, and which of them have yet to vote. */
	public record Progress(HealthSession session, int members, List<String> yetToVote) {
	}

}
