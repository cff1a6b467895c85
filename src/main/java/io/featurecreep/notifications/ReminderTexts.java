package io.featurecreep.notifications;

import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.VotingProgress.Progress;

/**
 * The words of reminders to vote, in the squad's report language: to a channel, how many have not voted (never
 * who); to a member, that they have not. Links use the configured public address ({@code feature-creep.public-url}),
 * never a request's host; without one, the message says where to go instead.
 */
@Component
class ReminderTexts {

	private final String publicUrl;

	private final MessageSource messages;

	ReminderTexts(@Value("${feature-creep.public-url:}") String publicUrl, MessageSource messages) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
		this.messages = messages;
	}

	Message.Reminder forChannel(String squadName, Progress progress, Locale language) {
		ChannelWords words = new ChannelWords(messages, language);
		HealthSession session = progress.session();
		String text = words.text("reminder.channel.text", squadName, progress.yetToVote().size(), progress.members(),
				sessionName(session, words), words.time(session.deadline()));
		if (!publicUrl.isEmpty()) {
			text += " " + words.text("reminder.link", link(session));
		}
		return new Message.Reminder(squadName, session.id(), session.name(), progress.yetToVote().size(),
				progress.members(), session.deadline(), text, language);
	}

	String subjectForMember(HealthSession session, Locale language) {
		ChannelWords words = new ChannelWords(messages, language);
		return words.text("reminder.mail.subject", sessionName(session, words), words.time(session.deadline()));
	}

	String textForMember(String memberName, String squadName, HealthSession session, Locale language) {
		ChannelWords words = new ChannelWords(messages, language);
		String where = publicUrl.isEmpty() ? words.text("reminder.mail.noLink")
				: words.text("reminder.link", link(session));
		return words.text("reminder.mail.text", memberName, sessionName(session, words), squadName,
				words.time(session.deadline()), where);
	}

	private String link(HealthSession session) {
		return publicUrl + "/sessions/" + session.id();
	}

	private static String sessionName(HealthSession session, ChannelWords words) {
		return session.name() != null ? session.name() : words.text("reminder.unnamed");
	}

	/** A deadline as a reminder in this language writes it. */
	static String deadline(Instant deadline, Locale language) {
		return ChannelWords.time(deadline, language);
	}

}
