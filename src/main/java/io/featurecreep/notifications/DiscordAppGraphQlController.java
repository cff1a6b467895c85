package io.featurecreep.notifications;

import java.security.Principal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.notifications.NotificationGraphQlController.ChannelView;
import io.featurecreep.shared.Inputs;

/** Connecting a Discord application over GraphQL. The bot token goes in and never comes out. */
@Controller
class DiscordAppGraphQlController {

	private final ConnectDiscordApp connect;

	private final ChannelStore channels;

	DiscordAppGraphQlController(ConnectDiscordApp connect, ChannelStore channels) {
		this.connect = connect;
		this.channels = channels;
	}

	@MutationMapping
	ChannelView connectDiscordApp(@Argument ConnectDiscordAppInput input, Principal principal) {
		ConnectDiscordAppInput given = Inputs.required(input);
		return ChannelView.of(connect.connect(Callers.id(principal), given.squadId(), new ConnectDiscordApp.Settings(
				given.applicationId(), given.publicKey(), given.botToken(), given.channelId())));
	}

	@MutationMapping
	ChannelView registerDiscordCommand(@Argument String channelId, Principal principal) {
		connect.registerCommand(Callers.id(principal), channelId);
		return ChannelView.of(channels.find(channelId).orElseThrow());
	}

	record ConnectDiscordAppInput(String squadId, String applicationId, String publicKey, String botToken,
			String channelId) {

		@Override
		public String toString() {
			return "ConnectDiscordAppInput[" + squadId + ", " + applicationId + "]";
		}

	}

}
