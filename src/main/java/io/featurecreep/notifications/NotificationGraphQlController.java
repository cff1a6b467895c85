package io.featurecreep.notifications;

import java.security.Principal;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/** A squad's notification settings over GraphQL. Webhook addresses are secrets: only owners see them whole. */
@Controller
class NotificationGraphQlController {

	private final NotificationSettings settings;

	private final SquadAccess squads;

	NotificationGraphQlController(NotificationSettings settings, SquadAccess squads) {
		this.settings = settings;
		this.squads = squads;
	}

	@SchemaMapping(typeName = "Squad")
	NotificationConfig notificationConfig(Squad squad, Principal principal) {
		Membership membership = squads.membership(squad.id(), Callers.id(principal))
			.orElseThrow(() -> DomainException.forbidden("Only members of this squad can see this"));
		String shown = settings.discordWebhook(squad.id())
			.map(webhook -> membership.isOwner() ? webhook.url() : webhook.masked())
			.orElse(null);
		return new NotificationConfig(shown);
	}

	@MutationMapping
	Squad setNotificationConfig(@Argument Map<String, Object> input, Principal principal) {
		Map<String, Object> given = Inputs.required(input);
		return settings.setDiscordWebhook(Callers.id(principal), (String) given.get("squadId"),
				(String) given.get("discordWebhook"));
	}

	@MutationMapping
	Squad clearNotificationConfig(@Argument String squadId, Principal principal) {
		return settings.clearDiscordWebhook(Callers.id(principal), squadId);
	}

	record NotificationConfig(String discordWebhook) {
	}

}
