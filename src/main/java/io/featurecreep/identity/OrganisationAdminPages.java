package io.featurecreep.identity;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.featurecreep.identity.PeopleAdministration.PersonLine;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The admin pages: people and admins, who may sign up (policy and organisation invites), and the audit log. Only
 * organisation admins see them; everyone else gets the error page (403). Forms post, then redirect back with what
 * happened; a refusal of the rules (the last admin, oneself) comes back as a message on the page, in the admin's
 * language.
 */
@Controller
class OrganisationAdminPages {

	static final int AUDIT_PAGE = 50;

	private final PeopleAdministration administration;

	private final SignUpPolicies policies;

	private final OrganisationInvites invites;

	private final AuditLog audit;

	private final People people;

	private final Clock clock;

	private final MessageSource messages;

	private final AuditTexts auditTexts;

	OrganisationAdminPages(PeopleAdministration administration, SignUpPolicies policies, OrganisationInvites invites,
			AuditLog audit, People people, Clock clock, MessageSource messages, AuditTexts auditTexts) {
		this.administration = administration;
		this.policies = policies;
		this.invites = invites;
		this.audit = audit;
		this.people = people;
		this.clock = clock;
		this.messages = messages;
		this.auditTexts = auditTexts;
	}

	@GetMapping("/admin")
	String admin() {
		return "redirect:/admin/people";
	}

	@GetMapping("/admin/people")
	String people(Principal principal, Model model) {
		String callerId = Callers.id(principal);
		model.addAttribute("lines", administration.people(callerId));
		model.addAttribute("callerId", callerId);
		return "identity/admin-people";
	}

	@PostMapping("/admin/people/{personId}/promote")
	String promote(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		return change(administration::promote, personId, principal, redirect, locale, "admin.people.done.promoted");
	}

	@PostMapping("/admin/people/{personId}/demote")
	String demote(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		return change(administration::demote, personId, principal, redirect, locale, "admin.people.done.demoted");
	}

	@PostMapping("/admin/people/{personId}/deactivate")
	String deactivate(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		return change(administration::deactivate, personId, principal, redirect, locale, "admin.people.done.deactivated");
	}

	@PostMapping("/admin/people/{personId}/reactivate")
	String reactivate(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		return change(administration::reactivate, personId, principal, redirect, locale, "admin.people.done.reactivated");
	}

	/** The link is shown once, on the page the admin returns to, as an address on this server. */
	@PostMapping("/admin/people/{personId}/reset-link")
	String resetLink(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			String path = administration.resetLink(Callers.id(principal), personId);
			redirect.addFlashAttribute("done", "admin.people.done.reset-link");
			redirect.addFlashAttribute("doneTo", people.findById(personId).map(Person::displayName).orElse(""));
			redirect.addFlashAttribute("resetLink", ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
		}
		catch (DomainException refused) {
			rethrowUnlessBadInput(refused);
			redirect.addFlashAttribute("problem", refused.messageIn(messages, locale));
		}
		return "redirect:/admin/people";
	}

	/** Erasing cannot be undone, so it asks first, on a page of its own that works without scripts. */
	@GetMapping("/admin/people/{personId}/erase")
	String confirmErase(@PathVariable String personId, Principal principal, Model model) {
		model.addAttribute("person", administration.toErase(Callers.id(principal), personId));
		return "identity/admin-erase";
	}

	@PostMapping("/admin/people/{personId}/erase")
	String erase(@PathVariable String personId, Principal principal, RedirectAttributes redirect, Locale locale) {
		return change(administration::erase, personId, principal, redirect, locale, "admin.people.done.erased");
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
			rethrowUnlessBadInput(refused);
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
			rethrowUnlessBadInput(refused);
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

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") String page, Principal principal, Model model, Locale locale) {
		int number = page.matches("\\d{1,6}") ? Math.min(Integer.parseInt(page), AuditLog.MAX_OFFSET / AUDIT_PAGE) : 0;
		AuditLog.Page entries = audit.newestFirst(Callers.id(principal), number * AUDIT_PAGE, AUDIT_PAGE);
		Map<String, Person> named = people.findAllById(entries.entries()
			.stream()
			.flatMap(entry -> Stream.of(entry.actorId(), entry.subjectId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		model.addAttribute("entries", entries.entries()
			.stream()
			.map(entry -> new AuditLine(entry, auditTexts.describe(entry, named, locale)))
			.toList());
		model.addAttribute("page", number);
		model.addAttribute("hasMore", entries.hasMore());
		return "identity/admin-audit";
	}

	private String change(BiFunction<String, String, PersonLine> action, String personId, Principal principal,
			RedirectAttributes redirect, Locale locale, String doneKey) {
		try {
			PersonLine changed = action.apply(Callers.id(principal), personId);
			redirect.addFlashAttribute("done", doneKey);
			redirect.addFlashAttribute("doneTo", changed.person().displayName());
		}
		catch (DomainException refused) {
			rethrowUnlessBadInput(refused);
			redirect.addFlashAttribute("problem", refused.messageIn(messages, locale));
		}
		return "redirect:/admin/people";
	}

	/** Who may not do something, or a person who does not exist, gets the error page; a rule's refusal a message. */
	private static void rethrowUnlessBadInput(DomainException refused) {
		if (refused.code() != ErrorCode.BAD_USER_INPUT) {
			throw refused;
		}
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

	/** An audit entry and what it says, with the names of who did it and to whom, in the reader's language. */
	record AuditLine(AuditLog.AuditEntry entry, String text) {
	}

	/** A sign-up mode the policy form offers, with the key of its description. */
	record ModeChoice(SignUpMode mode, String key) {

		static final List<ModeChoice> ALL = List.of(new ModeChoice(SignUpMode.INVITE, "admin.signup.mode.INVITE"),
				new ModeChoice(SignUpMode.OPEN, "admin.signup.mode.OPEN"),
				new ModeChoice(SignUpMode.DOMAINS, "admin.signup.mode.DOMAINS"),
				new ModeChoice(SignUpMode.CLOSED, "admin.signup.mode.CLOSED"));

	}

}
