package io.featurecreep.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.featurecreep.events.WorkLoop;
import io.featurecreep.healthcheck.ResultHistory;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.VotingProgress;
import io.featurecreep.healthcheck.VotingProgress.Progress;
import io.featurecreep.library.Deck;
import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.DeliveryMetrics.Outcome;
import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Sends planned reports and reminders, on every node: each delivery is claimed with a lease, so only one node sends it, and
 * a node that dies mid-send leaves it to the others once the lease runs out. A failed send is tried again after
 * 5 s, 10 s, 20 s … up to 5 minutes apart, and given up (FAILED, visible to owners, who may retry) after
 * {@code maxAttempts} (12: about half an hour). Every attempt is logged for the delivery log. Nothing is sent about a
 * discarded session, nor a reminder once its session is over or everyone has voted: such deliveries are cancelled.
 */
@Component
class DeliveryWorker extends WorkLoop {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	static final int SESSIONS_IN_REPORT = 20;

	private final DeliveryStore deliveries;

	private final ChannelStore channels;

	private final Map<ChannelKind, ChannelSender> senders;

	private final ResultHistory history;

	private final SessionLookup sessions;

	private final VotingProgress voting;

	private final ReminderTexts reminderTexts;

	private final VoteInvites voteInvites;

	private final Deck deck;

	private final SquadAccess squads;

	private final Settings settings;

	private final Clock clock;

	private final DeliveryMetrics metrics;

	DeliveryWorker(DeliveryStore deliveries, ChannelStore channels, List<ChannelSender> senders, ResultHistory history,
			SessionLookup sessions, VotingProgress voting, ReminderTexts reminderTexts, VoteInvites voteInvites,
			SquadAccess squads, Deck deck, Settings settings, Clock clock, DeliveryMetrics metrics) {
		super("notification-worker", settings.pollInterval());
		this.deliveries = deliveries;
		this.channels = channels;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::kind, Function.identity()));
		this.history = history;
		this.sessions = sessions;
		this.voting = voting;
		this.reminderTexts = reminderTexts;
		this.voteInvites = voteInvites;
		this.squads = squads;
		this.deck = deck;
		this.settings = settings;
		this.clock = clock;
		this.metrics = metrics;
	}

	void nudgeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					nudge();
				}
			});
		}
		else {
			nudge();
		}
	}

	/** Sends a message to a channel now, for the "send a test message" action. Null when it arrived, else why not. */
	Phrase sendNow(NotificationChannel channel, Message message) {
		Phrase error;
		try {
			senders.get(channel.kind()).send(channel, message);
			error = null;
		}
		catch (DeliveryFailed failed) {
			error = failed.reason();
		}
		if (message instanceof Message.Test) {
			metrics.count(channel.kind(), Purpose.TEST.name(), error == null ? Outcome.DELIVERED : Outcome.FAILED);
		}
		return error;
	}

	@Override
	protected boolean round() {
		Instant now = clock.instant();
		List<Delivery> claimed = deliveries.claimDue(now, now.plus(settings.lease()), 10);
		claimed.forEach(this::deliver);
		return claimed.size() == 10;
	}

	private void deliver(Delivery delivery) {
		NotificationChannel channel = channels.find(delivery.channelId()).orElse(null);
		if (channel == null) {
			deliveries.failed(delivery.id(), EnglishTexts.of("notifications.failure.channelRemoved"));
			return;
		}
		if (delivery.sessionId() != null && sessions.discarded(delivery.sessionId())) {
			deliveries.cancel(delivery.id(), EnglishTexts.of("delivery.cancelled.discarded"));
			metrics.count(channel.kind(), delivery.purpose(), Outcome.CANCELLED);
			return;
		}
		Optional<Squad> squad = squads.find(delivery.squadId());
		String squadName = squad.map(Squad::name).orElse("");
		Locale language = squad.map(Squad::reportLanguage).orElse(Locale.ENGLISH);
		Message message;
		if (Purpose.REMINDER.name().equals(delivery.purpose())) {
			// counted now, not when planned: a retry tells how things stand when it goes
			Optional<Progress> progress = voting.ofRunningSession(delivery.sessionId());
			if (progress.isEmpty() || progress.get().yetToVote().isEmpty()) {
				deliveries.cancel(delivery.id(), EnglishTexts.of(
						progress.isEmpty() ? "delivery.cancelled.over" : "delivery.cancelled.allVoted"));
				metrics.count(channel.kind(), delivery.purpose(), Outcome.CANCELLED);
				return;
			}
			message = reminderTexts.forChannel(squadName, progress.get(), language);
		}
		else if (Purpose.VOTE_INVITE.name().equals(delivery.purpose())) {
			Optional<Progress> progress = voting.onCurrentQuestions(delivery.sessionId());
			if (progress.isEmpty()) {
				deliveries.cancel(delivery.id(), EnglishTexts.of("delivery.cancelled.overBeforeInvite"));
				metrics.count(channel.kind(), delivery.purpose(), Outcome.CANCELLED);
				return;
			}
			message = voteInvites.of(squadName, progress.get(), language);
		}
		else {
			message = new Message.Report(SquadReport.of(squadName, delivery.sessionId(),
					history.recent(delivery.squadId(), SESSIONS_IN_REPORT),
					result -> deck.title(result.libraryQuestionId(), result.title(), language)), language);
		}
		pauseForDrill();
		String error = Objects.toString(sendNow(channel, message), null);
		deliveries.recordAttempt(delivery.id(), delivery.attempts(), clock.instant(), error);
		String what = delivery.purpose().toLowerCase(java.util.Locale.ROOT);
		if (error == null) {
			deliveries.delivered(delivery.id(), clock.instant());
			metrics.count(channel.kind(), delivery.purpose(), Outcome.DELIVERED);
			log.info("Delivered the {} of session {} to {}", what, delivery.sessionId(), channel);
		}
		else if (delivery.attempts() >= settings.maxAttempts()) {
			deliveries.failed(delivery.id(), error);
			metrics.count(channel.kind(), delivery.purpose(), Outcome.FAILED);
			log.warn("Gave up delivering the {} of session {} to {}: {}", what, delivery.sessionId(), channel, error);
		}
		else {
			Duration backoff = settings.backoffAfter(delivery.attempts());
			deliveries.retryLater(delivery.id(), clock.instant().plus(backoff), error);
			metrics.count(channel.kind(), delivery.purpose(), Outcome.RETRYING);
			log.info("The {} of session {} to {} failed (attempt {}), next try in {}: {}", what, delivery.sessionId(),
					channel, delivery.attempts(), backoff, error);
		}
	}

	/** Failure drills: a pause between claiming a delivery and sending it, to kill a node in the middle. */
	private void pauseForDrill() {
		if (settings.drillPauseBeforeSend().isZero()) {
			return;
		}
		log.warn("Failure drill: pausing {} before sending", settings.drillPauseBeforeSend());
		try {
			Thread.sleep(settings.drillPauseBeforeSend());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Delivery pacing; the defaults suit chat services' rate limits. {@code drillPauseBeforeSend} is for failure
	 * drills only (default zero).
	 */
	@ConfigurationProperties("feature-creep.notifications.delivery")
	record Settings(Integer maxAttempts, Duration backoff, Duration maxBackoff, Duration lease, Duration pollInterval,
			Duration drillPauseBeforeSend) {

		Settings {
			drillPauseBeforeSend = drillPauseBeforeSend == null ? Duration.ZERO : drillPauseBeforeSend;
			// 5 s doubling up to 5 min, 12 tries: a receiver down for half an hour still gets its report
			maxAttempts = maxAttempts == null ? 12 : maxAttempts;
			backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
			maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
			lease = lease == null ? Duration.ofSeconds(60) : lease;
			pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
		}

		/** The wait after a delivery's n-th failed attempt: {@code backoff} doubling, at most {@code maxBackoff}. */
		Duration backoffAfter(int attempts) {
			ExponentialBackOff policy = new ExponentialBackOff(backoff.toMillis(), 2.0);
			policy.setMaxInterval(maxBackoff.toMillis());
			BackOffExecution waits = policy.start();
			long wait = waits.nextBackOff();
			for (int attempt = 1; attempt < attempts; attempt++) {
				wait = waits.nextBackOff();
			}
			return Duration.ofMillis(wait);
		}

	}

}
