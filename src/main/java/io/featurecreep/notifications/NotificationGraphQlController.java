package io.featurecreep.notifications;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.notifications.SquadNotifications.AddedChannel;
import io.featurecreep.shared.Inputs;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * A squad's notifications over GraphQL. Webhook addresses are secrets: the API shows them masked, except the
 * original {@code notificationConfig.discordWebhook} to owners, whose original client fills its form with it.
 */
@Controller
class NotificationGraphQlController {

	private final SquadNotifications notifications;

	private final SquadAccess squads;

	NotificationGraphQlController(SquadNotifications notifications, SquadAccess squads) {
		this.notifications = notifications;
		this.squads = squads;
	}

	@SchemaMapping(typeName = "Squad")
	NotificationConfig notificationConfig(Squad squad, Principal principal) {
		Membership membership = squads.requireMemberToSee(squad.id(), Callers.id(principal));
		String shown = notifications.discordWebhook(squad.id())
			.map(url -> membership.isOwner() ? url : ChannelTargets.masked(ChannelKind.DISCORD, url))
			.orElse(null);
		return new NotificationConfig(shown);
	}

	@SchemaMapping(typeName = "Squad")
	List<ChannelView> notificationChannels(Squad squad, Principal principal) {
		return notifications.channels(Callers.id(principal), squad.id()).stream().map(ChannelView::of).toList();
	}

	@SchemaMapping(typeName = "Squad")
	List<DeliveryView> deliveries(Squad squad, @Argument Integer first, Principal principal) {
		return notifications.deliveries(Callers.id(principal), squad.id(), first == null ? 50 : first)
			.stream()
			.map(DeliveryView::of)
			.toList();
	}

	/** Every attempt of each delivery in the log, in order: one query for the whole page of deliveries. */
	@BatchMapping(typeName = "NotificationDelivery")
	Map<DeliveryView, List<AttemptView>> attemptLog(List<DeliveryView> deliveries) {
		Map<String, List<DeliveryAttempt>> attempts = notifications
			.attemptsOf(deliveries.stream().map(DeliveryView::id).toList());
		Map<DeliveryView, List<AttemptView>> log = new java.util.LinkedHashMap<>();
		for (DeliveryView delivery : deliveries) {
			log.put(delivery, attempts.getOrDefault(delivery.id(), List.of()).stream().map(AttemptView::of).toList());
		}
		return log;
	}

	@MutationMapping
	Squad setNotificationConfig(@Argument SetNotificationConfigInput input, Principal principal) {
		SetNotificationConfigInput given = Inputs.required(input);
		return notifications.setDiscordWebhook(Callers.id(principal), given.squadId(), given.discordWebhook());
	}

	@MutationMapping
	Squad clearNotificationConfig(@Argument String squadId, Principal principal) {
		return notifications.clearDiscordWebhook(Callers.id(principal), squadId);
	}

	@MutationMapping
	AddedChannelView addNotificationChannel(@Argument AddChannelInput input, Principal principal) {
		AddedChannel added = notifications.addChannel(Callers.id(principal), input.squadId(), input.kind(),
				input.target(), new ChatAppSettings(input.botToken(), input.signingSecret(), input.applicationId(),
						input.publicKey()));
		return new AddedChannelView(ChannelView.of(added.channel()), added.signingSecret());
	}

	@MutationMapping
	Squad removeNotificationChannel(@Argument String channelId, Principal principal) {
		return notifications.removeChannel(Callers.id(principal), channelId);
	}

	@MutationMapping
	DeliveryView sendTestMessage(@Argument String channelId, Principal principal) {
		return DeliveryView.of(notifications.sendTest(Callers.id(principal), channelId));
	}

	@MutationMapping
	DeliveryView retryDelivery(@Argument String deliveryId, Principal principal) {
		return DeliveryView.of(notifications.retry(Callers.id(principal), deliveryId));
	}

	record NotificationConfig(String discordWebhook) {
	}

	record ChannelView(String id, String kind, String target, String createdAt) {

		static ChannelView of(NotificationChannel channel) {
			return new ChannelView(channel.id(), channel.kind().name(), ChannelTargets.masked(channel.kind(), channel.target()),
					channel.createdAt().toString());
		}

	}

	record AddedChannelView(ChannelView channel, String signingSecret) {
	}

	record AttemptView(int attempt, String at, boolean delivered, String error) {

		static AttemptView of(DeliveryAttempt attempt) {
			return new AttemptView(attempt.attempt(), attempt.at().toString(), attempt.delivered(), attempt.error());
		}

	}

	record DeliveryView(String id, String channelId, String sessionId, String purpose, String status, int attempts,
			String lastError, String createdAt, String deliveredAt) {

		static DeliveryView of(Delivery delivery) {
			return new DeliveryView(delivery.id(), delivery.channelId(), delivery.sessionId(), delivery.purpose(),
					delivery.status(), delivery.attempts(), delivery.lastError(), delivery.createdAt().toString(),
					delivery.deliveredAt() == null ? null : delivery.deliveredAt().toString());
		}

	}

	/** The original's input: a squad's Discord webhook, checked with a test message before it is kept. */
	record SetNotificationConfigInput(String squadId, String discordWebhook) {
	}

	/** The chat app's settings are for SLACK_APP (bot token, signing secret) and DISCORD_APP channels only. */
	record AddChannelInput(String squadId, ChannelKind kind, String target, String botToken, String signingSecret,
			String applicationId, String publicKey) {
	}

}
