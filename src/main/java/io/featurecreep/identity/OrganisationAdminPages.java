package io.featurecreep.identity;

import java.security.Principal;
import java.util.Locale;
import java.util.function.BiFunction;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.featurecreep.identity.PeopleAdministration.PersonLine;
import io.featurecreep.shared.DomainException;

/**
 * The admin pages of people: the list, admins made and removed, deactivation, reset links and erasure. Who may sign up
 * is on {@link SignUpAdminPages}, the audit log on {@link AuditLogPages}. Only organisation admins see them; everyone
 * else gets the error page (403). Forms post, then redirect back with what happened; a refusal of the rules (the last
 * admin, oneself) comes back as a message on the page, in the admin's language.
 */
@Controller
class OrganisationAdminPages {

	private final PeopleAdministration administration;

	private final People people;

	private final MessageSource messages;

	OrganisationAdminPages(PeopleAdministration administration, People people, MessageSource messages) {
		this.administration = administration;
		this.people = people;
		this.messages = messages;
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
			refused.rethrowUnlessBadInput();
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

	private String change(BiFunction<String, String, PersonLine> action, String personId, Principal principal,
			RedirectAttributes redirect, Locale locale, String doneKey) {
		try {
			PersonLine changed = action.apply(Callers.id(principal), personId);
			redirect.addFlashAttribute("done", doneKey);
			redirect.addFlashAttribute("doneTo", changed.person().displayName());
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("problem", refused.messageIn(messages, locale));
		}
		return "redirect:/admin/people";
	}

}
