package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.shared.DomainException;

/**
 * The sign-up page: creates a person with a local account if the sign-up policy lets them in ({@link Admissions};
 * what the page offers a visitor comes from {@link SignUpPageAdmission}), then sends the browser to sign in. It
 * answers the same whether the address already had an account ({@link AccountRegistration}), so nobody is signed
 * in here.
 */
@Controller
class SignUpController {

	static final String VIEW = "identity/signup";

	private final AccountRegistration registration;

	private final Invitations invitations;

	private final SessionSignIn sessions;

	private final SquadInvites invites;

	SignUpController(AccountRegistration registration, Invitations invitations, SessionSignIn sessions,
			SquadInvites invites) {
		this.registration = registration;
		this.invitations = invitations;
		this.sessions = sessions;
		this.invites = invites;
	}

	@ModelAttribute("minPasswordLength")
	int minPasswordLength() {
		return Accounts.MIN_PASSWORD_LENGTH;
	}

	@GetMapping("/signup")
	String form(Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("signUp", new SignUpForm());
		model.addAttribute("joining", InviteLinkWaiting.of(sessions, invites, request, response));
		return VIEW;
	}

	@PostMapping("/signup")
	String signUp(@ModelAttribute("signUp") SignUpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes signedUp) {
		form.checkProfile(errors);
		form.checkPasswords(errors);
		if (errors.hasErrors()) {
			return VIEW;
		}
		try {
			registration.register(invitations.of(request, response), form.getEmail(), form.getPassword(),
					form.getFirstName(), form.getLastName(), request.getRemoteAddr());
		}
		catch (TooManyAttempts refused) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			errors.reject("signup.refused.tooMany", new Object[] { refused.minutes() }, refused.getMessage());
			return VIEW;
		}
		catch (DomainException refused) {
			RefusalTexts.reject(errors, refused);
			return VIEW;
		}
		// the same answer whether the address was free or taken (AccountRegistration)
		signedUp.addFlashAttribute(SignInController.SIGNED_UP, form.getEmail());
		return "redirect:/signin";
	}

}
