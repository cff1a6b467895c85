package io.featurecreep.notifications;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadPageContributor;
import io.featurecreep.squads.SquadPagePart;

/**
 * The notification settings on the squad page: owners set a Discord webhook (Discord gets a test message
 * first) or clear it; members see where reports go, the address masked.
 */
@Controller
class NotificationPages implements SquadPageContributor {

	private final SquadNotifications settings;

	NotificationPages(SquadNotifications settings) {
		this.settings = settings;
	}

	@Override
	public List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer) {
		Map<String, Object> values = new HashMap<>();
		values.put("squadId", squad.id());
		values.put("owner", viewer.isOwner());
		values.put("discord", settings.discordWebhook(squad.id())
			.map(url -> viewer.isOwner() ? url : ChannelTargets.masked(ChannelKind.DISCORD, url))
			.orElse(null));
		return List.of(new SquadPagePart(90, "notifications/squad-part", "notifications", values));
	}

	@PostMapping("/squads/{squadId}/discord")
	String setDiscord(@PathVariable String squadId, @RequestParam(defaultValue = "") String url, Principal principal,
			RedirectAttributes redirect) {
		try {
			settings.setDiscordWebhook(Callers.id(principal), squadId, url);
			redirect.addFlashAttribute("discordSaved", true);
		}
		catch (DomainException refused) {
			if (refused.code() != ErrorCode.BAD_USER_INPUT) {
				throw refused;
			}
			redirect.addFlashAttribute("discordUrl", url);
			redirect.addFlashAttribute("discordError", refused.getMessage());
		}
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/discord/clear")
	String clearDiscord(@PathVariable String squadId, Principal principal, RedirectAttributes redirect) {
		settings.clearDiscordWebhook(Callers.id(principal), squadId);
		redirect.addFlashAttribute("discordCleared", true);
		return "redirect:/squads/{squadId}#notifications";
	}

}
