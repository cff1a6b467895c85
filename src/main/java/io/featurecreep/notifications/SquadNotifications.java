package io.featurecreep.notifications;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * A squad's notification channels and their delivery log. Owners add, test and remove channels and retry failed
 * deliveries. A channel is stored only after a test message reached it. Test messages are sent outside any
 * transaction: no database connection waits on a slow receiver.
 */
@Service
public class SquadNotifications {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChannelStore channels;

	private final DeliveryStore deliveries;

	private final DeliveryWorker worker;

	private final EmailSender email;

	private final SquadAccess squads;

	private final Clock clock;

	SquadNotifications(ChannelStore channels, DeliveryStore deliveries, DeliveryWorker worker, EmailSender email,
			SquadAccess squads, Clock clock) {
		this.channels = channels;
		this.deliveries = deliveries;
		this.worker = worker;
		this.email = email;
		this.squads = squads;
		this.clock = clock;
	}

	/** The original {@code setNotificationConfig}: its checks and messages, in its order, and a test message. */
	public Squad setDiscordWebhook(String callerId, String squadId, String url) {
		if (url == null || url.isBlank()) {
			throw DomainException.badInput("Must provide a Discord webhook URL");
		}
		Squad squad = squads.requireOwner(squadId, callerId, DomainException.badInput("Invalid squad ID"),
				"squad.ownersOnly.changeChannels");
		DiscordWebhook webhook = DiscordWebhook.parse(url)
			.orElseThrow(() -> DomainException.badInput("Discord webhook failed validation"));
		NotificationChannel candidate = new NotificationChannel(Ids.newId(), squadId, ChannelKind.DISCORD, webhook.url(),
				null, clock.instant());
		if (worker.sendNow(candidate, new Message.Test(squad.name(), squad.reportLanguage())) != null) {
			throw DomainException.badInput("Discord webhook correct form but cannot send a message");
		}
		Optional<NotificationChannel> existing = channels.discordOf(squadId);
		if (existing.isPresent()) {
			channels.updateTarget(existing.get().id(), webhook.url());
		}
		else {
			channels.insert(candidate, callerId);
		}
		String channelId = existing.map(NotificationChannel::id).orElse(candidate.id());
		deliveries.logTest(Ids.newId(), squadId, channelId, null, clock.instant());
		return squad;
	}

	/** The squad's Discord webhook of the original API, if any. */
	public Optional<String> discordWebhook(String squadId) {
		return channels.discordOf(squadId).map(NotificationChannel::target);
	}

	/** Adds a channel after a test message reached it; a webhook channel gets its signing secret (shown once). */
	public AddedChannel addChannel(String callerId, String squadId, ChannelKind kind, String target) {
		return addChannel(callerId, squadId, kind, target, ChatAppSettings.NONE);
	}

	/** Adds a channel; a chat app's with its token and secrets ({@link ChatAppSettings}). */
	AddedChannel addChannel(String callerId, String squadId, ChannelKind kind, String target, ChatAppSettings app) {
		Squad squad = requireOwner(callerId, squadId);
		String valid = ChannelTargets.validate(kind, target);
		ChatAppSettings chatApp = kind.takesVotes() ? ChatAppSettings.checked(kind, app) : ChatAppSettings.NONE;
		if (kind == ChannelKind.EMAIL && !email.available()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "notifications.channels.emailUnavailable");
		}
		if (channels.ofSquad(squadId).size() >= 20) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "notifications.channels.tooMany");
		}
		String secret = kind == ChannelKind.WEBHOOK ? newSecret() : null;
		NotificationChannel channel = new NotificationChannel(Ids.newId(), squadId, kind, valid,
				secret != null ? secret : chatApp.verifier(), clock.instant(), chatApp.botToken(),
				chatApp.applicationId());
		Phrase error = worker.sendNow(channel, new Message.Test(squad.name(), squad.reportLanguage()));
		if (error != null) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "notifications.channels.testFailed", error);
		}
		channels.insert(channel, callerId);
		deliveries.logTest(Ids.newId(), squadId, channel.id(), null, clock.instant());
		return new AddedChannel(channel, secret);
	}

	@Transactional
	public Squad removeChannel(String callerId, String channelId) {
		NotificationChannel channel = channels.find(channelId)
			.orElseThrow(() -> DomainException.notFound("Channel not found"));
		Squad squad = squads.requireOwner(channel.squadId(), callerId, DomainException.notFound("Channel not found"),
				"squad.ownersOnly.changeChannels");
		channels.delete(channelId);
		return squad;
	}

	/** The channel, if it belongs to this squad (pages name both in their addresses). */
	Optional<NotificationChannel> channelOf(String squadId, String channelId) {
		return channels.find(channelId).filter(channel -> channel.squadId().equals(squadId));
	}

	/** The delivery, if it belongs to this squad. */
	Optional<Delivery> deliveryOf(String squadId, String deliveryId) {
		return deliveries.find(deliveryId).filter(delivery -> delivery.squadId().equals(squadId));
	}

	/** Removes the original API's Discord webhook. */
	@Transactional
	public Squad clearDiscordWebhook(String callerId, String squadId) {
		Squad squad = requireOwner(callerId, squadId);
		channels.discordOf(squadId).ifPresent(channel -> channels.delete(channel.id()));
		return squad;
	}

	/** Sends a test message now and logs how it went. */
	public Delivery sendTest(String callerId, String channelId) {
		NotificationChannel channel = channels.find(channelId)
			.orElseThrow(() -> DomainException.notFound("Channel not found"));
		Squad squad = squads.requireOwner(channel.squadId(), callerId, DomainException.notFound("Channel not found"),
				"squad.ownersOnly.sendTests");
		Phrase error = worker.sendNow(channel, new Message.Test(squad.name(), squad.reportLanguage()));
		String id = Ids.newId();
		deliveries.logTest(id, squad.id(), channelId, Objects.toString(error, null), clock.instant());
		return deliveries.find(id).orElseThrow();
	}

	/** Sends a report or reminder that failed once more, from the first attempt: queued again with the change. */
	@Transactional
	public Delivery retry(String callerId, String deliveryId) {
		Delivery delivery = deliveries.find(deliveryId)
			.orElseThrow(() -> DomainException.notFound("Delivery not found"));
		squads.requireOwner(delivery.squadId(), callerId, DomainException.notFound("Delivery not found"),
				"squad.ownersOnly.retryDeliveries");
		if (!deliveries.retry(deliveryId)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "deliveries.retry.notFailed");
		}
		worker.queue(deliveryId);
		return deliveries.find(deliveryId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<NotificationChannel> channels(String callerId, String squadId) {
		requireOwner(callerId, squadId);
		return channels.ofSquad(squadId);
	}

	@Transactional(readOnly = true)
	public List<Delivery> deliveries(String callerId, String squadId, int limit) {
		requireOwner(callerId, squadId);
		return deliveries.ofSquad(squadId, Math.max(1, Math.min(limit, 200)));
	}

	/** The attempts of deliveries the caller was shown (through {@link #deliveries}, owners only). */
	Map<String, List<DeliveryAttempt>> attemptsOf(Collection<String> deliveryIds) {
		return deliveries.attemptsOf(deliveryIds);
	}

	/**
	 * The squad's channels and latest deliveries for its page, whose controller has checked that the viewer is a
	 * member: what of them a member who does not own the squad sees is the page's to reduce.
	 */
	@Transactional(readOnly = true)
	SquadLog logForPage(String squadId, int limit) {
		List<Delivery> recent = deliveries.ofSquad(squadId, limit);
		return new SquadLog(channels.ofSquad(squadId), recent,
				deliveries.attemptsOf(recent.stream().map(Delivery::id).toList()));
	}

	boolean emailAvailable() {
		return email.available();
	}

	private Squad requireOwner(String callerId, String squadId) {
		return squads.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"),
				"squad.ownersOnly.changeChannels");
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A squad's channels, its latest deliveries (newest first) and their attempts. */
	record SquadLog(List<NotificationChannel> channels, List<Delivery> deliveries,
			Map<String, List<DeliveryAttempt>> attempts) {
	}

	/** A new channel and, for webhooks, the signing secret, which is shown only now. */
	record AddedChannel(NotificationChannel channel, String signingSecret) {
	}

}
