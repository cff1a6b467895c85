package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The pages of a password reset ({@link PasswordResets}): asking for a link by e-mail address (offered only
 * when e-mail is configured; otherwise the page says to ask an organisation admin), and choosing a new password
 * through a link, after which the browser goes to sign in with it.
 */
@Controller
class PasswordResetController {

	static final String REQUEST_VIEW = "identity/password-reset-request";

	static final String CHOOSE_VIEW = "identity/password-reset-choose";

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@ModelAttribute("minPasswordLength")
	int minPasswordLength() {
		return Accounts.MIN_PASSWORD_LENGTH;
	}

	@GetMapping("/password-reset")
	String requestForm(Model model) {
		model.addAttribute("selfService", resets.selfServiceAvailable());
		model.addAttribute("validMinutes", PasswordResets.VALID_FOR.toMinutes());
		return REQUEST_VIEW;
	}

	@PostMapping("/password-reset")
	String request(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!resets.selfServiceAvailable()) {
			return requestForm(model);
		}
		if (email.isBlank()) {
			model.addAttribute("emailMissing", true);
			return requestForm(model);
		}
		try {
			resets.requestByEmail(email, request.getRemoteAddr());
		}
		catch (TooManyAttempts refused) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("email", email);
			model.addAttribute("retryMinutes", refused.minutes());
			return requestForm(model);
		}
		return "redirect:/password-reset?sent";
	}

	@GetMapping(PasswordResets.PATH + "{token}")
	String chooseForm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!resets.usable(token)) {
			return expired(model, response);
		}
		model.addAttribute("newPassword", new NewPasswordForm());
		return CHOOSE_VIEW;
	}

	@PostMapping(PasswordResets.PATH + "{token}")
	String choose(@PathVariable String token, @ModelAttribute("newPassword") NewPasswordForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		form.check(errors);
		if (errors.hasErrors()) {
			return CHOOSE_VIEW;
		}
		try {
			resets.reset(token, form.getPassword());
		}
		catch (DomainException refused) {
			if (refused.code() == ErrorCode.NOT_FOUND) {
				return expired(model, response);
			}
			RefusalTexts.reject(errors, refused);
			return CHOOSE_VIEW;
		}
		return "redirect:/signin?reset";
	}

	private String expired(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("expired", true);
		return CHOOSE_VIEW;
	}

}
