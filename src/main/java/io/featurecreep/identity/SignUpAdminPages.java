package io.featurecreep.identity;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Who may sign up, for organisation admins: the policy (invite only, open, by e-mail domain, closed) and the
 * organisation's invite links. A refusal of the rules comes back as a message on the page, in the admin's language.
 */
@Controller
class SignUpAdminPages {

	private final SignUpPolicies policies;

	private final OrganisationInvites invites;

	private final Clock clock;

	private final MessageSource messages;

	SignUpAdminPages(SignUpPolicies policies, OrganisationInvites invites, Clock clock, MessageSource messages) {
		this.policies = policies;
		this.invites = invites;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/admin/sign-up")
	String signUp(Principal principal, Model model) {
		String callerId = Callers.id(principal);
		SignUpPolicy policy = policies.shownTo(callerId);
		Instant now = clock.instant();
		model.addAttribute("policy", policy);
		model.addAttribute("modes", ModeChoice.ALL);
		if (!model.containsAttribute("domains")) {
			model.addAttribute("domains", String.join("\n", policy.domains()));
		}
		model.addAttribute("invites", invites.list(callerId).stream().map(invite -> new InviteLine(invite, now)).toList());
		model.addAttribute("maxValidDays", OrganisationInvites.MAX_VALID_DAYS);
		model.addAttribute("maxUses", OrganisationInvites.MAX_USES);
		return "identity/admin-signup";
	}

	@PostMapping("/admin/sign-up")
	String setPolicy(@RequestParam(required = false) String mode, @RequestParam(defaultValue = "") String domains,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			policies.change(Callers.id(principal), mode(mode), Arrays.asList(domains.split("[,\\s]+")));
			redirect.addFlashAttribute("policySaved", true);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("policyProblem", refused.messageIn(messages, locale));
			redirect.addFlashAttribute("domains", domains);
		}
		return "redirect:/admin/sign-up";
	}

	@PostMapping("/admin/invites")
	String createInvite(@RequestParam(defaultValue = "") String label,
			@RequestParam(defaultValue = "1") String maxUses, @RequestParam(defaultValue = "7") String validForDays,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			OrganisationInvites.Created created = invites.create(Callers.id(principal), label,
					number(maxUses, "identity.refused.usesNotANumber"), number(validForDays, "identity.refused.daysNotANumber"));
			redirect.addFlashAttribute("newInviteLink",
					ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path()).toUriString());
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("inviteProblem", refused.messageIn(messages, locale));
		}
		return "redirect:/admin/sign-up#invites";
	}

	@PostMapping("/admin/invites/{inviteId}/revoke")
	String revokeInvite(@PathVariable String inviteId, Principal principal, RedirectAttributes redirect) {
		invites.revoke(Callers.id(principal), inviteId);
		redirect.addFlashAttribute("inviteRevoked", true);
		return "redirect:/admin/sign-up#invites";
	}

	private static SignUpMode mode(String mode) {
		try {
			return mode == null ? null : SignUpMode.valueOf(mode);
		}
		catch (IllegalArgumentException unknown) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.chooseMode");
		}
	}

	private static Integer number(String text, String refusalKey) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, refusalKey);
		}
	}

	/** An invite as the page lists it. */
	record InviteLine(OrganisationInvite invite, boolean valid) {

		InviteLine(OrganisationInvite invite, Instant now) {
			this(invite, invite.usableAt(now));
		}

	}

	/** A sign-up mode the policy form offers, with the key of its description. */
	record ModeChoice(SignUpMode mode, String key) {

		static final List<ModeChoice> ALL = List.of(new ModeChoice(SignUpMode.INVITE, "admin.signup.mode.INVITE"),
				new ModeChoice(SignUpMode.OPEN, "admin.signup.mode.OPEN"),
				new ModeChoice(SignUpMode.DOMAINS, "admin.signup.mode.DOMAINS"),
				new ModeChoice(SignUpMode.CLOSED, "admin.signup.mode.CLOSED"));

	}

}
