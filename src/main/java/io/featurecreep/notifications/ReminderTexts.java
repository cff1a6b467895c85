package io.featurecreep.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.VotingProgress.Progress;
import io.featurecreep.shared.EnglishTexts;

/**
 * The words of reminders to vote: to a channel, how many have not voted (never who); to a member, that they have
 * not. Links use the configured public address ({@code feature-creep.public-url}), never a request's host; without
 * one, the message says where to go instead.
 */
@Component
class ReminderTexts {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final String publicUrl;

	ReminderTexts(@Value("${feature-creep.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	Message.Reminder forChannel(String squadName, Progress progress) {
		HealthSession session = progress.session();
		String text = EnglishTexts.of("reminder.channel.text", squadName, progress.yetToVote().size(),
				progress.members(), sessionName(session), deadline(session.deadline()));
		if (!publicUrl.isEmpty()) {
			text += " " + EnglishTexts.of("reminder.link", link(session));
		}
		return new Message.Reminder(squadName, session.id(), session.name(), progress.yetToVote().size(),
				progress.members(), session.deadline(), text);
	}

	String subjectForMember(HealthSession session) {
		return EnglishTexts.of("reminder.mail.subject", sessionName(session), deadline(session.deadline()));
	}

	String textForMember(String memberName, String squadName, HealthSession session) {
		String where = publicUrl.isEmpty() ? EnglishTexts.of("reminder.mail.noLink")
				: EnglishTexts.of("reminder.link", link(session));
		return EnglishTexts.of("reminder.mail.text", memberName, sessionName(session), squadName,
				deadline(session.deadline()), where);
	}

	private String link(HealthSession session) {
		return publicUrl + "/sessions/" + session.id();
	}

	private static String sessionName(HealthSession session) {
		return session.name() != null ? session.name() : EnglishTexts.of("reminder.unnamed");
	}

	static String deadline(Instant deadline) {
		return DEADLINE.format(deadline);
	}

}
