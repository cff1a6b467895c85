package io.featurecreep.identity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The person behind an external identity (OIDC sign-in, JWT bearer), created on first sight if the sign-up policy
 * lets them in. A client often fires several requests at once right after its first sign-in; all but one of them
 * then lose the race to create the person, and a second look finds the person the winner created.
 */
@Component
class ExternalSignIn {

	private final Accounts accounts;

	private final Admissions admissions;

	private final Invitations invitations;

	ExternalSignIn(Accounts accounts, Admissions admissions, Invitations invitations) {
		this.accounts = accounts;
		this.admissions = admissions;
		this.invitations = invitations;
	}

	/**
	 * The person's id: what a bearer request needs, found with one query once the person exists. A bearer token
	 * brings no invitation, so a new person needs a policy that lets them in by themselves.
	 */
	String personId(String issuer, String subject, String email, Boolean emailVerified, String firstName,
			String lastName) {
		return accounts.knownExternal(issuer, subject)
			.orElseGet(() -> person(Invitation.NONE, issuer, subject, email, emailVerified, firstName, lastName).id());
	}

	/** The person of a sign-in through a provider, with the invitations the browser arrived with. */
	Person person(String issuer, String subject, String email, Boolean emailVerified, String firstName,
			String lastName) {
		return person(invitations.ofCurrentRequest(), issuer, subject, email, emailVerified, firstName, lastName);
	}

	private Person person(Invitation invitation, String issuer, String subject, String email, Boolean emailVerified,
			String firstName, String lastName) {
		try {
			return admissions.provisionExternal(invitation, issuer, subject, email, emailVerified, firstName, lastName);
		}
		catch (DataIntegrityViolationException lostRace) {
			return admissions.provisionExternal(invitation, issuer, subject, email, emailVerified, firstName, lastName);
		}
	}

}
