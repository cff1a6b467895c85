package io.featurecreep.squads;

import java.security.Principal;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.Onboarding;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;

/**
 * Joining through an invite link. Signing in comes first (the security configuration sends the browser to
 * sign-in and back here); an expired or revoked link gets a page that says so and what to do.
 */
@Controller
class JoinPagesController {

	private final SquadAccess access;

	private final SquadManagement management;

	private final People people;

	private final Clock clock;

	JoinPagesController(SquadAccess access, SquadManagement management, People people, Clock clock) {
		this.access = access;
		this.management = management;
		this.people = people;
		this.clock = clock;
	}

	@GetMapping("/join/{token}")
	String invitation(@PathVariable String token, Principal principal, Model model, HttpServletResponse response) {
		Person me = people.findById(Callers.id(principal)).orElseThrow();
		Optional<String> onboarding = Onboarding.redirectIfIncomplete(me, "/join/" + token);
		if (onboarding.isPresent()) {
			return onboarding.get();
		}
		Optional<Invite> found = access.invite(token);
		if (found.isEmpty()) {
			// a mistyped or made-up link: say what it is and what to do, as for an expired one
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "squads/join-invalid";
		}
		Invite invite = found.get();
		Squad squad = access.find(invite.squadId()).orElseThrow();
		if (access.isMember(squad.id(), me.id())) {
			return "redirect:/squads/" + squad.id();
		}
		model.addAttribute("squad", squad);
		model.addAttribute("invite", invite);
		if (!invite.isValidAt(clock.instant())) {
			model.addAttribute("revoked", invite.revokedAt() != null);
			return "squads/join-expired";
		}
		return "squads/join";
	}

	@PostMapping("/join/{token}")
	String join(@PathVariable String token, Principal principal) {
		try {
			Squad squad = management.join(Callers.id(principal), token);
			return "redirect:/squads/" + squad.id() + "?joined";
		}
		catch (DomainException refused) {
			// expired or revoked since the page was shown: the page now says so
			// a URI template: the redirect encodes the token as posted, which as it is would put any character in it
			// into the Location header
			return "redirect:/join/{token}";
		}
	}

}
