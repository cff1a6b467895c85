package io.featurecreep.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page. The form posts to {@code /signin}, where Spring Security's form login takes over;
 * each configured OIDC provider gets a button. It also greets those who just signed up (with the same words
 * whether their address was new or not), links to the password reset (or says to ask an admin, without
 * e-mail), and shows an attempt refused by {@link SignInThrottle}.
 */
@Controller
class SignInController {

	/** Flash attribute: the address someone just signed up with. */
	static final String SIGNED_UP = "signedUp";

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final SessionSignIn sessions;

	private final PasswordResets resets;

	private final SquadInvites invites;

	SignInController(ObjectProvider<ClientRegistrationRepository> registrations, SessionSignIn sessions,
			PasswordResets resets, SquadInvites invites) {
		this.registrations = registrations;
		this.sessions = sessions;
		this.resets = resets;
		this.invites = invites;
	}

	@GetMapping("/signin")
	String signIn(Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("providers", providers());
		model.addAttribute("joining", InviteLinkWaiting.of(sessions, invites, request, response));
		model.addAttribute("selfServiceReset", resets.selfServiceAvailable());
		return "identity/signin";
	}

	/** Where {@link SignInThrottle} forwards a refused attempt; reached directly, it is just the sign-in page. */
	@RequestMapping(SignInThrottle.REFUSED_PATH)
	String refused(Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!(request.getAttribute(SignInThrottle.REFUSAL) instanceof TooManyAttempts refusal)) {
			return "redirect:/signin";
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		model.addAttribute("retryMinutes", refusal.minutes());
		return signIn(model, request, response);
	}

	private List<Provider> providers() {
		List<Provider> providers = new ArrayList<>();
		// Boot's repository is iterable; a hand-made one that is not simply gets no buttons
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object each : all) {
				if (each instanceof ClientRegistration registration) {
					providers.add(new Provider(registration.getClientName(),
							"/oauth2/authorization/" + registration.getRegistrationId()));
				}
			}
		}
		return providers;
	}

	record Provider(String name, String path) {
	}

}
