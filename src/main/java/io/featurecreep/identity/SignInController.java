package io.featurecreep.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. The form posts to {@code /signin}, where Spring Security's form login takes over;
 * each configured OIDC provider gets a button.
 */
@Controller
class SignInController {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final SessionSignIn sessions;

	SignInController(ObjectProvider<ClientRegistrationRepository> registrations, SessionSignIn sessions) {
		this.registrations = registrations;
		this.sessions = sessions;
	}

	@GetMapping("/signin")
	String signIn(Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("providers", providers());
		model.addAttribute("joining", sessions.joiningASquad(request, response));
		return "identity/signin";
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
