package io.featurecreep.notifications;

import java.time.Clock;
import java.time.Duration;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.featurecreep.events.DurableHandler;
import io.featurecreep.events.Retries;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.VotingProgress;
import io.featurecreep.healthcheck.VotingProgress.Progress;
import io.featurecreep.insights.Alerts;
import io.featurecreep.insights.ResultHistory;
import io.featurecreep.library.Deck;
import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.DeliveryMetrics.Outcome;
import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.shared.Ids;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Sends planned reports and reminders as work of the one work queue: planning a delivery writes its row in the
 * delivery log and queues a {@link DeliveryDue} in the same transaction; the queue runs it on one node, retries a
 * failed send after 5 s, 10 s, 20 s … up to 5 minutes apart, and gives up after {@code maxAttempts} (12: about half an
 * hour), when the log says FAILED, for owners to see and retry. Every attempt is logged. Nothing is sent about a
 * discarded session, nor a reminder once its session is over or everyone has voted: such deliveries are cancelled. A
 * delivery no longer waiting (sent, cancelled, given up) is never sent again, so the work may safely run twice.
 */
@Component
class DeliveryWorker implements DurableHandler<DeliveryDue> {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	static final int SESSIONS_IN_REPORT = 20;

	private final DeliveryStore deliveries;

	private final ChannelStore channels;

	private final Map<ChannelKind, ChannelSender> senders;

	private final ResultHistory history;

	private final Alerts alerts;

	private final SessionLookup sessions;

	private final VotingProgress voting;

	private final ReminderTexts reminderTexts;

	private final VoteInvites voteInvites;

	private final Deck deck;

	private final SquadAccess squads;

	private final Settings settings;

	private final Clock clock;

	private final DeliveryMetrics metrics;

	private final ApplicationEventPublisher events;

	DeliveryWorker(DeliveryStore deliveries, ChannelStore channels, List<ChannelSender> senders, ResultHistory history,
			Alerts alerts, SessionLookup sessions, VotingProgress voting, ReminderTexts reminderTexts,
			VoteInvites voteInvites, SquadAccess squads, Deck deck, Settings settings, Clock clock,
			DeliveryMetrics metrics, ApplicationEventPublisher events) {
		this.deliveries = deliveries;
		this.channels = channels;
		this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::kind, Function.identity()));
		this.history = history;
		this.alerts = alerts;
		this.sessions = sessions;
		this.voting = voting;
		this.reminderTexts = reminderTexts;
		this.voteInvites = voteInvites;
		this.squads = squads;
		this.deck = deck;
		this.settings = settings;
		this.clock = clock;
		this.metrics = metrics;
		this.events = events;
	}

	@Override
	public String name() {
		return "notifications.deliver";
	}

	@Override
	public Class<DeliveryDue> eventType() {
		return DeliveryDue.class;
	}

	@Override
	public Retries retries() {
		return settings.retries();
	}

	/**
	 * Plans a session's report or reminder to a channel and queues sending it, in the caller's transaction; planning
	 * it again changes nothing.
	 */
	void plan(String squadId, String channelId, String sessionId, Purpose purpose) {
		String id = Ids.newId();
		if (deliveries.plan(id, squadId, channelId, sessionId, purpose, clock.instant())) {
			queue(id);
		}
	}

	/** Queues sending a delivery that waits in the log (planned, or failed and made to wait again by an owner). */
	void queue(String deliveryId) {
		events.publishEvent(new DeliveryDue(deliveryId));
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
	public void handle(DeliveryDue due) throws DeliveryFailed {
		Delivery delivery = deliveries.find(due.deliveryId()).orElse(null);
		if (delivery == null || !"PENDING".equals(delivery.status())) {
			return;
		}
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
					result -> deck.title(result.libraryQuestionId(), result.title(), language),
					alerts.evidence(delivery.sessionId(), language)), language);
		}
		pauseForDrill();
		Optional<Integer> attempt = deliveries.startAttempt(delivery.id());
		if (attempt.isEmpty()) {
			return; // cancelled meanwhile
		}
		Phrase error = sendNow(channel, message);
		deliveries.recordAttempt(delivery.id(), attempt.get(), clock.instant(), Objects.toString(error, null));
		String what = delivery.purpose().toLowerCase(Locale.ROOT);
		if (error == null) {
			deliveries.delivered(delivery.id(), clock.instant());
			metrics.count(channel.kind(), delivery.purpose(), Outcome.DELIVERED);
			log.info("Delivered the {} of session {} to {}", what, delivery.sessionId(), channel);
			return;
		}
		deliveries.attemptFailed(delivery.id(), error.toString());
		if (attempt.get() < settings.maxAttempts()) {
			// the last one counts as failed, when the queue gives up on it
			metrics.count(channel.kind(), delivery.purpose(), Outcome.RETRYING);
		}
		log.info("The {} of session {} to {} failed (attempt {}): {}", what, delivery.sessionId(), channel,
				attempt.get(), error);
		throw new DeliveryFailed(error);
	}

	/** The queue gave up after the last attempt: the log says FAILED, with that attempt's error, for owners to retry. */
	@Override
	public void gaveUp(DeliveryDue due, String lastError) {
		deliveries.find(due.deliveryId()).filter(delivery -> "PENDING".equals(delivery.status())).ifPresent(delivery -> {
			deliveries.failed(delivery.id(), null);
			channels.find(delivery.channelId())
				.ifPresent(channel -> metrics.count(channel.kind(), delivery.purpose(), Outcome.FAILED));
			log.warn("Gave up delivering the {} of session {} to channel {}", delivery.purpose().toLowerCase(Locale.ROOT),
					delivery.sessionId(), delivery.channelId());
		});
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
	 * How patiently deliveries are tried, as work of the queue: the defaults suit chat services' rate limits and a
	 * receiver down for half an hour. {@code drillPauseBeforeSend} is for failure drills only (default zero).
	 */
	@ConfigurationProperties("feature-creep.notifications.delivery")
	record Settings(Integer maxAttempts, Duration backoff, Duration maxBackoff, Duration drillPauseBeforeSend) {

		Settings {
			drillPauseBeforeSend = drillPauseBeforeSend == null ? Duration.ZERO : drillPauseBeforeSend;
			// 5 s doubling up to 5 min, 12 tries: a receiver down for half an hour still gets its report
			maxAttempts = maxAttempts == null ? 12 : maxAttempts;
			backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
			maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
		}

		Retries retries() {
			return new Retries(maxAttempts, backoff, maxBackoff);
		}

	}

}
