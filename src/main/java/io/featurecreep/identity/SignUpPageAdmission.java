package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.featurecreep.identity.Admissions.Admission;

/**
 * What the sign-up policy means for a visitor of the sign-up and sign-in pages: whether the sign-up form is open to
 * them (and why), and why a sign-in through a provider was refused. Kept out of the pages' controllers, which stay
 * about signing up and in.
 */
@ControllerAdvice(assignableTypes = { SignUpController.class, SignInController.class })
class SignUpPageAdmission {

	private final Admissions admissions;

	private final Invitations invitations;

	SignUpPageAdmission(Admissions admissions, Invitations invitations) {
		this.admissions = admissions;
		this.invitations = invitations;
	}

	@ModelAttribute("admission")
	Admission admission(HttpServletRequest request, HttpServletResponse response) {
		return admissions.forVisitor(invitations.of(request, response));
	}

	/**
	 * The key of the reason the sign-up policy refused a provider's sign-in, right after it failed ({@code ?error}).
	 */
	@ModelAttribute("providerRefusal")
	String providerRefusal(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (request.getParameter("error") == null || session == null) {
			return null;
		}
		if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof OAuth2AuthenticationException failed
				&& PersonOidcUserService.SIGN_UP_REFUSED.equals(failed.getError().getErrorCode())) {
			return switch (SignUpRefused.Reason.valueOf(failed.getError().getDescription())) {
				case NOT_INVITED -> "signin.refused.NOT_INVITED";
				case CLOSED -> "signin.refused.CLOSED";
				case DOMAIN -> "signin.refused.DOMAIN";
				case UNVERIFIED_EMAIL -> "signin.refused.UNVERIFIED_EMAIL";
			};
		}
		return null;
	}

}
