package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.featurecreep.shared.DomainException;

/**
 * The sign-up page: creates a person with a local account, if the sign-up policy lets them in, and signs the browser
 * in. What the page offers a visitor comes from {@link SignUpPageAdmission}.
 */
@Controller
class SignUpController {

	static final String VIEW = "identity/signup";

	private final Admissions admissions;

	private final Invitations invitations;

	private final LocalAccounts localAccounts;

	private final SessionSignIn sessions;

	SignUpController(Admissions admissions, Invitations invitations, LocalAccounts localAccounts,
			SessionSignIn sessions) {
		this.admissions = admissions;
		this.invitations = invitations;
		this.localAccounts = localAccounts;
		this.sessions = sessions;
	}

	@ModelAttribute("minPasswordLength")
	int minPasswordLength() {
		return Accounts.MIN_PASSWORD_LENGTH;
	}

	@GetMapping("/signup")
	String form(Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("signUp", new SignUpForm());
		model.addAttribute("joining", sessions.joiningASquad(request, response));
		return VIEW;
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("signUp") SignUpForm form, BindingResult errors, HttpServletRequest request,
			HttpServletResponse response) {
		form.checkPasswords(errors);
		if (errors.hasErrors()) {
			return VIEW;
		}
		try {
			admissions.signUp(invitations.of(request, response), form.getEmail(), form.getPassword(),
					form.getFirstName(), form.getLastName());
		}
		catch (Accounts.EmailTaken taken) {
			errors.rejectValue("email", "email.taken", taken.getMessage());
			return VIEW;
		}
		catch (DomainException refused) {
			errors.reject("signup.refused", refused.getMessage());
			return VIEW;
		}
		UserDetails user = localAccounts.loadUserByUsername(form.getEmail());
		// the same principal a form sign-in keeps in the session, without the hash
		if (user instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials();
		}
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				null, user.getAuthorities());
		return "redirect:" + sessions.signIn(authentication, request, response);
	}

}
