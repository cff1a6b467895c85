package io.featurecreep.chat;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Linking a chat account: the one-time link from the chat opens here signed in (sign-in comes first and returns
 * here), says which chat account it links, and a confirmation (a form with CSRF protection) links it to whoever is
 * signed in. "Chat accounts" lists the person's links and unlinks them.
 */
@Controller
class ChatLinkPages {

	static final String ACCOUNTS = "/chat/accounts";

	private final ChatLinks links;

	ChatLinkPages(ChatLinks links) {
		this.links = links;
	}

	@GetMapping("/chat/link/{token}")
	String link(@PathVariable String token, Model model) {
		ChatUser user = links.pending(token)
			.orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "chat.link.invalid"));
		model.addAttribute("chatUser", user);
		model.addAttribute("token", token);
		return "chat/link";
	}

	@PostMapping("/chat/link/{token}")
	String confirm(@PathVariable String token, Principal principal, RedirectAttributes redirect) {
		ChatUser user = links.confirm(token, Callers.id(principal));
		redirect.addFlashAttribute("linked", user);
		return "redirect:" + ACCOUNTS;
	}

	@GetMapping(ACCOUNTS)
	String accounts(Principal principal, Model model) {
		model.addAttribute("accounts", links.accountsOf(Callers.id(principal)));
		return "chat/accounts";
	}

	@PostMapping(ACCOUNTS + "/unlink")
	String unlink(@RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String workspace,
			@RequestParam(defaultValue = "") String user, Principal principal, RedirectAttributes redirect) {
		ChatPlatform chat = platform.equals(ChatPlatform.DISCORD.name()) ? ChatPlatform.DISCORD : ChatPlatform.SLACK;
		links.unlink(Callers.id(principal), new ChatUser(chat, workspace, user));
		redirect.addFlashAttribute("unlinked", true);
		return "redirect:" + ACCOUNTS;
	}

}
