package io.featurecreep.notifications;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.VotingProgress.Progress;

/**
 * The words of the message with a vote button that a chat app's channel gets when a session starts: the session,
 * and how many of the squad's members have voted on every question, never who (counted when it is sent or edited).
 */
@Component
class VoteInvites {

	private final String publicUrl;

	private final MessageSource messages;

	VoteInvites(@Value("${feature-creep.public-url:}") String publicUrl, MessageSource messages) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		this.messages = messages;
	}

	Message.VoteInvite of(String squadName, Progress progress, Locale language) {
		ChannelWords words = new ChannelWords(messages, language);
		HealthSession session = progress.session();
		int voted = progress.members() - progress.yetToVote().size();
		String name = session.name() != null ? session.name() : words.text("reminder.unnamed");
		String text = session.deadline() == null ? words.text("voteInvite.text.live", squadName, name)
				: words.text("voteInvite.text.async", squadName, name, words.time(session.deadline()));
		text += " " + progressText(voted, progress.members(), language);
		if (!publicUrl.isEmpty()) {
			text += " " + words.text("reminder.link", publicUrl + "/sessions/" + session.id());
		}
		return new Message.VoteInvite(squadName, session.id(), session.name(), voted, progress.members(), text,
				language);
	}

	/** "2 of 5 members have voted." */
	String progressText(int voted, int members, Locale language) {
		return new ChannelWords(messages, language).text("voteInvite.progress", voted, members);
	}

	/** The label of the vote button. */
	String button(Locale language) {
		return new ChannelWords(messages, language).text("voteInvite.button");
	}

	/** What the message says once the session is over: no button any more. */
	String over(String squadName, Locale language) {
		return new ChannelWords(messages, language).text("voteInvite.over", squadName);
	}

}
