package io.featurecreep.squads;

import java.security.Principal;
import java.time.Duration;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.Onboarding;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Language;

/**
 * The squad pages: the workspace (my squads), creating a squad, and a squad's page with its members, roles,
 * invite links and settings. Other modules add their parts (sessions, notifications) through
 * {@link SquadPageContributor}. Forms post, then redirect back; a refusal comes back next to its field.
 */
@Controller
class SquadPagesController {

	/** The validity choices of a new invite link, in minutes, and the keys of how the page names them. */
	static final Map<Integer, String> INVITE_VALIDITY = Map.of(30, "squads.invites.validFor.30minutes", 1440,
			"squads.invites.validFor.1day", 10080, "squads.invites.validFor.7days", 43200,
			"squads.invites.validFor.30days");

	/** The languages of a squad's channel messages, each named in itself (the same in every bundle). */
	static final List<ReportLanguage> REPORT_LANGUAGES = Arrays.stream(Language.values())
		.map(language -> new ReportLanguage(language.tag(), language.nameKey()))
		.toList();

	private final SquadAccess access;

	private final SquadManagement management;

	private final People people;

	private final List<SquadPageContributor> contributors;

	private final MessageSource messages;

	SquadPagesController(SquadAccess access, SquadManagement management, People people,
			List<SquadPageContributor> contributors, MessageSource messages) {
		this.access = access;
		this.management = management;
		this.people = people;
		this.contributors = contributors;
		this.messages = messages;
	}

	@GetMapping("/workspace")
	String workspace(Principal principal, Model model) {
		Person me = people.findById(Callers.id(principal)).orElseThrow();
		Optional<String> onboarding = Onboarding.redirectIfIncomplete(me, "/workspace");
		if (onboarding.isPresent()) {
			return onboarding.get();
		}
		List<WorkspaceLine> lines = access.squadsOf(me.id()).stream().map(squad -> {
			List<Membership> members = access.members(squad.id());
			SquadRole role = members.stream()
				.filter(m -> m.personId().equals(me.id()))
				.map(Membership::role)
				.findFirst()
				.orElse(SquadRole.MEMBER);
			List<SquadPagePart> parts = contributors.stream()
				.flatMap(contributor -> contributor.workspaceLine(me.id(), squad).stream())
				.sorted(Comparator.comparingInt(SquadPagePart::order))
				.toList();
			return new WorkspaceLine(squad, members.size(), role, parts);
		}).toList();
		// The page itself shows what the viewer may do (the admin link), so it needs the viewer even when htmx asks
		// for it: the header's "me" is left out of htmx requests, which mostly want fragments without a header.
		model.addAttribute("me", me);
		model.addAttribute("lines", lines);
		model.addAttribute("parts", contributors.stream()
			.flatMap(contributor -> contributor.workspace(me.id()).stream())
			.sorted(Comparator.comparingInt(SquadPagePart::order))
			.toList());
		return "squads/workspace";
	}

	@GetMapping("/squads/new")
	String newSquad(Model model) {
		model.addAttribute("name", "");
		model.addAttribute("anonymous", true);
		return "squads/new";
	}

	@PostMapping("/squads")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean anonymous,
			Principal principal, Model model, Locale locale) {
		try {
			Squad squad = management.create(Callers.id(principal), name, anonymous);
			return "redirect:/squads/" + squad.id();
		}
		catch (DomainException refused) {
			model.addAttribute("name", name);
			model.addAttribute("anonymous", anonymous);
			model.addAttribute("nameError", inWords(refused, locale));
			return "squads/new";
		}
	}

	@GetMapping("/squads/{squadId}")
	String squad(@PathVariable String squadId, Principal principal, Model model) {
		String callerId = Callers.id(principal);
		Squad squad = visibleSquad(squadId, callerId);
		Membership viewer = access.membership(squadId, callerId).orElseThrow();
		List<Membership> memberships = access.members(squadId);
		Map<String, Person> persons = people.findAllById(memberships.stream().map(Membership::personId).toList());
		List<MemberLine> members = memberships.stream()
			.filter(m -> persons.containsKey(m.personId()))
			.map(m -> new MemberLine(persons.get(m.personId()), m, m.personId().equals(callerId)))
			.toList();
		model.addAttribute("squad", squad);
		model.addAttribute("viewer", viewer);
		model.addAttribute("members", members);
		model.addAttribute("owners", memberships.stream().filter(Membership::isOwner).count());
		if (viewer.isOwner()) {
			model.addAttribute("invites", access.validInvites(squadId, callerId));
			model.addAttribute("inviteBase",
					ServletUriComponentsBuilder.fromCurrentContextPath().path("/join/").toUriString());
			model.addAttribute("inviteValidity", INVITE_VALIDITY.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.toList());
			model.addAttribute("reportLanguages", REPORT_LANGUAGES);
		}
		model.addAttribute("parts", contributors.stream()
			.flatMap(contributor -> contributor.squadPage(callerId, squad, viewer).stream())
			.sorted(Comparator.comparingInt(SquadPagePart::order))
			.toList());
		return "squads/squad";
	}

	@PostMapping("/squads/{squadId}/settings")
	String settings(@PathVariable String squadId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean anonymous, @RequestParam(required = false) String reportLocale,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			management.update(Callers.id(principal), squadId, name, anonymous, reportLocale);
			redirect.addFlashAttribute("settingsSaved", true);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("settingsName", name);
			redirect.addFlashAttribute("settingsError", inWords(refused, locale));
		}
		return "redirect:/squads/{squadId}#settings";
	}

	@PostMapping("/squads/{squadId}/invites")
	String createInvite(@PathVariable String squadId, @RequestParam(defaultValue = "10080") int validForMinutes,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			Invite invite = management.createInvite(Callers.id(principal), squadId,
					Duration.ofMinutes(validForMinutes));
			redirect.addFlashAttribute("newInvite", invite.token());
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("inviteError", inWords(refused, locale));
		}
		return "redirect:/squads/{squadId}#invites";
	}

	@PostMapping("/squads/{squadId}/invites/{token}/revoke")
	String revokeInvite(@PathVariable String squadId, @PathVariable String token, Principal principal,
			RedirectAttributes redirect) {
		Invite invite = management.revokeInvite(Callers.id(principal), token);
		if (!invite.squadId().equals(squadId)) {
			throw DomainException.notFound("Not found");
		}
		redirect.addFlashAttribute("inviteRevoked", true);
		return "redirect:/squads/{squadId}#invites";
	}

	@GetMapping("/squads/{squadId}/members/{personId}/remove")
	String confirmRemoval(@PathVariable String squadId, @PathVariable String personId, Principal principal,
			Model model) {
		String callerId = Callers.id(principal);
		Squad squad = visibleSquad(squadId, callerId);
		if (!access.isMember(squadId, personId)) {
			throw DomainException.notFound("Not found");
		}
		model.addAttribute("squad", squad);
		model.addAttribute("person", people.findById(personId).orElseThrow());
		model.addAttribute("leaving", personId.equals(callerId));
		return "squads/remove-member";
	}

	@PostMapping("/squads/{squadId}/members/{personId}/remove")
	String remove(@PathVariable String squadId, @PathVariable String personId, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		String callerId = Callers.id(principal);
		try {
			management.removeMember(callerId, squadId, personId);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			if (!access.isMember(squadId, callerId)) {
				throw refused;
			}
			redirect.addFlashAttribute("membersError", inWords(refused, locale));
			return "redirect:/squads/{squadId}#members";
		}
		if (personId.equals(callerId)) {
			return "redirect:/workspace";
		}
		redirect.addFlashAttribute("memberRemoved", true);
		return "redirect:/squads/{squadId}#members";
	}

	@PostMapping("/squads/{squadId}/members/{personId}/role")
	String changeRole(@PathVariable String squadId, @PathVariable String personId, @RequestParam SquadRole role,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			management.changeRole(Callers.id(principal), squadId, personId, role);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("membersError", inWords(refused, locale));
		}
		return "redirect:/squads/{squadId}#members";
	}

	/** A refusal in the reader's language; one written in English only (no key) as it is. */
	private String inWords(DomainException refused, Locale locale) {
		return refused.messageIn(messages, locale);
	}

	/** The squad, if the caller is a member; to anyone else it does not exist. */
	private Squad visibleSquad(String squadId, String callerId) {
		return access.find(squadId)
			.filter(squad -> access.isMember(squadId, callerId))
			.orElseThrow(() -> DomainException.notFound("Not found"));
	}

	record WorkspaceLine(Squad squad, int memberCount, SquadRole role, List<SquadPagePart> parts) {
	}

	record MemberLine(Person person, Membership membership, boolean me) {
	}

	/** A language the squad's channel messages can be written in, and the key of its name. */
	record ReportLanguage(String tag, String nameKey) {
	}

}
