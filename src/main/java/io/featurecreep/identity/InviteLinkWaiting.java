package io.featurecreep.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the sign-in and sign-up pages say about the squad invite link that sent the browser there: none, one that
 * works (sign in, and come right back to it), or one that does not (made up, expired or withdrawn: signing in
 * will not join anything, so the pages say so at once rather than after the sign-in).
 */
enum InviteLinkWaiting {

	NONE, VALID, INVALID;

	static InviteLinkWaiting of(SessionSignIn sessions, SquadInvites invites, HttpServletRequest request,
			HttpServletResponse response) {
		return sessions.inviteToken(request, response).map(token -> invites.isValid(token) ? VALID : INVALID).orElse(NONE);
	}

	public boolean valid() {
		return this == VALID;
	}

	public boolean invalid() {
		return this == INVALID;
	}

}
