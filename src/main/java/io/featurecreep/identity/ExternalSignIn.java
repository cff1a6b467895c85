package io.featurecreep.identity;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The person behind an external identity (OIDC sign-in, JWT bearer). A client often fires several
 * requests at once right after its first sign-in; all but one of them then lose the race to create
 * the person, and a second look finds the person the winner created.
 */
@Component
class ExternalSignIn {

	private final Accounts accounts;

	ExternalSignIn(Accounts accounts) {
		this.accounts = accounts;
	}

	/** The person's id: what a bearer request needs, found with one query once the person exists. */
	String personId(String issuer, String subject, String email, String firstName, String lastName) {
		return accounts.knownExternal(issuer, subject)
			.orElseGet(() -> person(issuer, subject, email, firstName, lastName).id());
	}

	Person person(String issuer, String subject, String email, String firstName, String lastName) {
		try {
			return accounts.provisionExternal(issuer, subject, email, firstName, lastName);
		}
		catch (DataIntegrityViolationException lostRace) {
			return accounts.provisionExternal(issuer, subject, email, firstName, lastName);
		}
	}

}
