package io.featurecreep.notifications;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.ReminderDue;
import io.featurecreep.healthcheck.VotingProgress;
import io.featurecreep.healthcheck.VotingProgress.Progress;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * When an async session's reminder is due (the outbox holds it until then, and one node runs it), reminds the members
 * who have not voted: an e-mail to each of them where SMTP is set, and a message to each of the squad's channels that
 * says how many have not voted, never who. Nothing if the session is over, discarded, or everyone has voted.
 *
 * <p>Once per session: the first run notes the reminder and plans the channel messages in one transaction (the
 * work queue sends them, with retries and a place in the delivery log); a later run of the same work (a node
 * died after this one noted it) finds the note and sends nothing. E-mails go after that commit, once each; one that
 * fails is logged and not tried again, rather than risk reminding everybody twice.
 */
@Component
class RemindNonVoters implements DurableHandler<ReminderDue> {

	private static final Logger log = LoggerFactory.getLogger(RemindNonVoters.class);

	private final VotingProgress voting;

	private final RemindersSent sent;

	private final ChannelStore channels;

	private final DeliveryWorker worker;

	private final EmailSender email;

	private final ReminderTexts texts;

	private final SquadAccess squads;

	private final People people;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RemindNonVoters(VotingProgress voting, RemindersSent sent, ChannelStore channels, DeliveryWorker worker,
			EmailSender email, ReminderTexts texts, SquadAccess squads, People people,
			TransactionTemplate transactions, Clock clock) {
		this.voting = voting;
		this.sent = sent;
		this.channels = channels;
		this.worker = worker;
		this.email = email;
		this.texts = texts;
		this.squads = squads;
		this.people = people;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "notifications.remind-non-voters";
	}

	@Override
	public Class<ReminderDue> eventType() {
		return ReminderDue.class;
	}

	@Override
	public void handle(ReminderDue due) {
		Optional<Progress> progress = voting.ofRunningSession(due.sessionId());
		if (progress.isEmpty() || progress.get().yetToVote().isEmpty()) {
			log.info("No reminder for session {}: it is over, or everyone has voted", due.sessionId());
			return;
		}
		Progress now = progress.get();
		boolean first = Boolean.TRUE.equals(transactions.execute(tx -> {
			if (!sent.noteSent(due.sessionId(), now.members(), now.yetToVote().size(), clock.instant())) {
				return false;
			}
			for (NotificationChannel channel : channels.ofSquad(due.squadId())) {
				worker.plan(due.squadId(), channel.id(), due.sessionId(), Purpose.REMINDER);
			}
			return true;
		}));
		if (!first) {
			log.info("The reminder of session {} went out before", due.sessionId());
			return;
		}
		emailEach(now);
	}

	private void emailEach(Progress progress) {
		if (!email.available()) {
			return;
		}
		HealthSession session = progress.session();
		Optional<Squad> squad = squads.find(session.squadId());
		String squadName = squad.map(Squad::name).orElse("");
		// in the squad's report language, as the reminder its channels get
		Locale language = squad.map(Squad::reportLanguage).orElse(Locale.ENGLISH);
		Map<String, Person> persons = people.findAllById(progress.yetToVote());
		int reminded = 0;
		int failed = 0;
		for (String personId : progress.yetToVote()) {
			Person person = persons.get(personId);
			if (person == null || !person.active() || person.email() == null || person.email().isBlank()) {
				continue;
			}
			try {
				email.sendToPerson(person.email(), texts.subjectForMember(session, language),
						texts.textForMember(person.displayName(), squadName, session, language));
				reminded++;
			}
			catch (DeliveryFailed refused) {
				failed++;
				// no address in the log: whom a reminder went to says who had not voted
				log.warn("A reminder e-mail for session {} was not sent: {}", session.id(), refused.getMessage());
			}
		}
		log.info("Reminded {} members of session {} by e-mail ({} not sent)", reminded, session.id(), failed);
	}

}
