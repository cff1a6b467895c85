package io.featurecreep.notifications;

import java.security.Principal;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;

/**
 * The squad page's form for connecting a Discord application, and the owner's "register the /healthcheck command"
 * action. A refused form comes back with what was typed, except the bot token.
 */
@Controller
class DiscordAppPages {

	private final ConnectDiscordApp connect;

	private final SquadNotifications notifications;

	private final MessageSource messages;

	DiscordAppPages(ConnectDiscordApp connect, SquadNotifications notifications, MessageSource messages) {
		this.connect = connect;
		this.notifications = notifications;
		this.messages = messages;
	}

	@PostMapping("/squads/{squadId}/channels/discord-app")
	String connect(@PathVariable String squadId, @RequestParam(defaultValue = "") String applicationId,
			@RequestParam(defaultValue = "") String publicKey, @RequestParam(defaultValue = "") String botToken,
			@RequestParam(defaultValue = "") String channelId, Principal principal, RedirectAttributes redirect,
			Locale locale) {
		try {
			connect.connect(Callers.id(principal), squadId,
					new ConnectDiscordApp.Settings(applicationId, publicKey, botToken, channelId));
			redirect.addFlashAttribute("channelAdded",
					messages.getMessage(ChannelTargets.label(ChannelKind.DISCORD_APP), locale));
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("discordAppError", refused.messageIn(messages, locale));
			redirect.addFlashAttribute("discordApplicationId", applicationId);
			redirect.addFlashAttribute("discordPublicKey", publicKey);
			redirect.addFlashAttribute("discordChannelId", channelId);
		}
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/channels/{channelId}/discord-command")
	String registerCommand(@PathVariable String squadId, @PathVariable String channelId, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		if (notifications.channelOf(squadId, channelId).isEmpty()) {
			throw DomainException.notFound("Channel not found");
		}
		try {
			connect.registerCommand(Callers.id(principal), channelId);
			redirect.addFlashAttribute("discordCommandRegistered", true);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("discordCommandError", refused.messageIn(messages, locale));
		}
		return "redirect:/squads/{squadId}#notifications";
	}

}
