package io.featurecreep.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a browser's invitations are kept between opening a link and signing up (with a password or through a
 * provider, whose round trip keeps the session): an organisation invite in the session, and a squad invite as the
 * page that sent the browser to sign in ({@code /join/{token}}, which it returns to afterwards).
 */
@Component
class Invitations {

	static final String SESSION_ATTRIBUTE = Invitations.class.getName() + ".organisationInvite";

	private final RequestCache requestCache;

	Invitations(SessionSignIn sessions) {
		this.requestCache = sessions.requestCache();
	}

	/** Keeps an organisation invite for this browser, until it signs up. */
	void remember(String organisationInviteToken, HttpServletRequest request) {
		request.getSession().setAttribute(SESSION_ATTRIBUTE, organisationInviteToken);
	}

	Invitation of(HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Invitation.NONE;
		}
		String organisationInvite = session.getAttribute(SESSION_ATTRIBUTE) instanceof String token ? token : null;
		SavedRequest saved = requestCache.getRequest(request, response);
		return new Invitation(organisationInvite, saved == null ? null : squadInvite(saved.getRedirectUrl()).orElse(null));
	}

	/** The invitations of the browser whose request this thread serves (a provider's sign-in), if any. */
	Invitation ofCurrentRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest(), attributes.getResponse());
		}
		return Invitation.NONE;
	}

	/** The token of a {@code /join/{token}} address. */
	static Optional<String> squadInvite(String url) {
		try {
			List<String> segments = UriComponentsBuilder.fromUriString(url).build().getPathSegments();
			int last = segments.size() - 1;
			return last >= 1 && "join".equals(segments.get(last - 1)) ? Optional.of(segments.get(last)) : Optional.empty();
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
	}

}
