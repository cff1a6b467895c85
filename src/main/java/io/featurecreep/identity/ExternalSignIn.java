package io.featurecreep.identity;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;

import io.featurecreep.shared.Caches;

/**
 * The person behind an external identity (OIDC sign-in, JWT bearer), created on first sight if the sign-up policy
 * lets them in. A client often fires several requests at once right after its first sign-in; all but one of them
 * then lose the race to create the person, and a second look finds the person the winner created.
 * <p>
 * A bearer client signs in with every request, so which person an identity belongs to is remembered for a few
 * seconds: one query per person and {@link #REMEMBERED} instead of one per request. That link only ever changes by
 * erasure, which deletes it (this node forgets at once, after the commit); a link another node still remembers
 * names the erased person, whose status refuses the request ({@link InactiveAccountsSignedOut}), so remembering
 * it never lets anyone in who would otherwise be refused.
 */
@Component
class ExternalSignIn {

	static final Duration REMEMBERED = Duration.ofSeconds(10);

	private final Cache<Identity, String> known = Caches.keptOnTheCallersThread()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(100_000)
		.build();

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
		Identity identity = new Identity(issuer, subject);
		String personId = known.getIfPresent(identity);
		if (personId == null) {
			personId = accounts.knownExternal(issuer, subject)
				.orElseGet(() -> person(Invitation.NONE, issuer, subject, email, emailVerified, firstName, lastName).id());
			known.put(identity, personId);
		}
		return personId;
	}

	/** The erased person's identities are gone from the database: forget them here too. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonErased erased) {
		known.asMap().values().removeIf(erased.personId()::equals);
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

	private record Identity(String issuer, String subject) {
	}

}
