package io.featurecreep.chat;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import io.featurecreep.healthcheck.CastVote;
import io.featurecreep.healthcheck.CastVote.Ballot;
import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionMode;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.healthcheck.Trend;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Voting from a chat, for both chats: who the chat user is, what they may vote on now, and their votes cast through
 * the health check's own voting service ({@link CastVote}: the same checks as the pages, one vote per question, in
 * an anonymous squad stored without the person). A chat user who is not linked, not an active member of the squad,
 * or too late gets an {@link Refusal} with the key of what to tell them.
 */
@Service
public class ChatVoting {

	private final ChatLinks links;

	private final SessionLookup sessions;

	private final SquadAccess squads;

	private final People people;

	private final CastVote castVote;

	ChatVoting(ChatLinks links, SessionLookup sessions, SquadAccess squads, People people, CastVote castVote) {
		this.links = links;
		this.sessions = sessions;
		this.squads = squads;
		this.people = people;
		this.castVote = castVote;
	}

	/**
	 * What the chat user may vote on in the session: in a live session the active question, in an async one every
	 * question; never a revealed or closed one. Refused when not linked ({@link Refusal#notLinked()}), not a member,
	 * or when nothing is open.
	 */
	public Ballot ballot(ChatUser user, String sessionId) throws Refusal {
		String personId = person(user);
		HealthSession session = sessions.visible(sessionId, personId)
			.orElseThrow(() -> new Refusal("chat.refused.notMember", false));
		if (!session.active()) {
			throw new Refusal("chat.refused.over", false);
		}
		List<SessionQuestion> open = sessions.questions(sessionId)
			.stream()
			.filter(q -> !q.revealed() && !q.closed())
			.filter(q -> session.mode() == SessionMode.ASYNC || q.id().equals(session.activeQuestionId()))
			.toList();
		if (open.isEmpty()) {
			throw new Refusal("chat.refused.nothingOpen", false);
		}
		return new Ballot(personId, session, open);
	}

	/** Casts the votes as the linked person, each through the voting service; a refused one stops there. */
	public void cast(ChatUser user, String sessionId, List<ChatVote> votes) throws Refusal {
		String personId = person(user);
		if (sessions.visible(sessionId, personId).isEmpty()) {
			throw new Refusal("chat.refused.notMember", false);
		}
		for (ChatVote vote : votes) {
			castVote.cast(personId,
					new CastVote.Ballot(sessionId, vote.questionId(), vote.colour(), vote.trend(), vote.comment()));
		}
	}

	/** The language to answer in about a squad: its report language, English when it is gone. */
	public Locale languageOf(String squadId) {
		return squads.find(squadId).map(Squad::reportLanguage).orElse(Locale.ENGLISH);
	}

	private String person(ChatUser user) throws Refusal {
		String personId = links.personOf(user).orElseThrow(() -> new Refusal("chat.refused.notLinked", true));
		if (!people.findById(personId).map(Person::active).orElse(false)) {
			throw new Refusal("chat.refused.notMember", false);
		}
		return personId;
	}

	/** What the chat user may vote on: the session and its open questions, in order. */
	public record Ballot(String personId, HealthSession session, List<SessionQuestion> questions) {
	}

	/** One answer from a chat: colour 0–2, optional trend and comment. */
	public record ChatVote(String questionId, int colour, Trend trend, String comment) {
	}

	/** Why a chat user may not vote: the key of what to tell them, and whether a link would help. */
	public static final class Refusal extends Exception {

		private final String messageKey;

		private final boolean notLinked;

		Refusal(String messageKey, boolean notLinked) {
			super(messageKey);
			this.messageKey = messageKey;
			this.notLinked = notLinked;
		}

		public String messageKey() {
			return messageKey;
		}

		public boolean notLinked() {
			return notLinked;
		}

	}

}
