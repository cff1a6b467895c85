package io.featurecreep.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may create an account: the one place that applies the sign-up policy, to the sign-up page and to people a
 * provider (OIDC sign-in, JWT bearer token) vouches for. Besides the policy's own rule, an organisation invite always
 * admits, a squad invite admits unless sign-up is closed, and the very first account of an installation may always
 * sign up (it administers the organisation). An invite's use is counted in the transaction that creates the account.
 */
@Service
class Admissions {

	/** Why someone may sign up, first match wins. */
	enum Ground {

		ORGANISATION_INVITE, OPEN, SQUAD_INVITE, DOMAIN, FIRST_ACCOUNT

	}

	private static final Logger log = LoggerFactory.getLogger(Admissions.class);

	private final SignUpPolicies policies;

	private final OrganisationInvites organisationInvites;

	private final SquadInvites squadInvites;

	private final OrganisationAdmins admins;

	private final Accounts accounts;

	private final People people;

	Admissions(SignUpPolicies policies, OrganisationInvites organisationInvites, SquadInvites squadInvites,
			OrganisationAdmins admins, Accounts accounts, People people) {
		this.policies = policies;
		this.organisationInvites = organisationInvites;
		this.squadInvites = squadInvites;
		this.admins = admins;
		this.accounts = accounts;
		this.people = people;
	}

	/**
	 * What the sign-up page may offer a visitor who has not typed an address yet: under {@code domains} the form is
	 * open, for the listed domains.
	 */
	Admission forVisitor(Invitation invitation) {
		SignUpPolicy policy = policies.current();
		return new Admission(policy, ground(policy, invitation, null, true, true));
	}

	/** A new local account (e-mail and password), if the policy lets this person in; nothing is stored otherwise. */
	@Transactional
	Person signUp(Invitation invitation, String email, String rawPassword, String firstName, String lastName) {
		SignUpPolicy policy = policies.current();
		Ground ground = ground(policy, invitation, email, true, false);
		if (ground == null) {
			throw SignUpRefused.of(policy, false);
		}
		Person person = accounts.signUp(email, rawPassword, firstName, lastName);
		settle(ground, policy, invitation, person);
		return person;
	}

	/**
	 * The person behind an external identity: the known one, or a new one if the policy lets them in. Under
	 * {@code domains} only an address the provider verified counts.
	 */
	@Transactional
	Person provisionExternal(Invitation invitation, String issuer, String subject, String email, Boolean emailVerified,
			String firstName, String lastName) {
		var known = accounts.knownExternal(issuer, subject);
		if (known.isPresent()) {
			return people.findById(known.get()).orElseThrow();
		}
		SignUpPolicy policy = policies.current();
		boolean verified = Boolean.TRUE.equals(emailVerified);
		Ground ground = ground(policy, invitation, email, verified, false);
		if (ground == null) {
			throw SignUpRefused.of(policy, !verified && policy.admitsAddress(email));
		}
		Person person = accounts.provisionExternal(issuer, subject, email, firstName, lastName);
		settle(ground, policy, invitation, person);
		return person;
	}

	private Ground ground(SignUpPolicy policy, Invitation invitation, String email, boolean addressTrusted,
			boolean anyAddress) {
		if (invitation.organisationInviteToken() != null
				&& organisationInvites.usable(invitation.organisationInviteToken()).isPresent()) {
			return Ground.ORGANISATION_INVITE;
		}
		if (policy.mode() == SignUpMode.OPEN) {
			return Ground.OPEN;
		}
		if (policy.mode() != SignUpMode.CLOSED && invitation.squadInviteToken() != null
				&& squadInvites.isValid(invitation.squadInviteToken())) {
			return Ground.SQUAD_INVITE;
		}
		if (policy.mode() == SignUpMode.DOMAINS && (anyAddress || addressTrusted && policy.admitsAddress(email))) {
			return Ground.DOMAIN;
		}
		return admins.any() ? null : Ground.FIRST_ACCOUNT;
	}

	/**
	 * Counts the invite's use, and makes sure a first account really is the first: of several at once, only the one
	 * that became admin was the first, and the others are refused as the policy would refuse them.
	 */
	private void settle(Ground ground, SignUpPolicy policy, Invitation invitation, Person person) {
		boolean settled = switch (ground) {
			case ORGANISATION_INVITE -> organisationInvites.use(invitation.organisationInviteToken());
			case FIRST_ACCOUNT -> admins.isAdmin(person.id());
			case OPEN, SQUAD_INVITE, DOMAIN -> true;
		};
		if (!settled) {
			throw SignUpRefused.of(policy, false);
		}
		log.info("Admitted person {} ({})", person.id(), ground);
	}

	/**
	 * What the sign-up policy offers someone: a ground to sign up on, or none. Its methods are public for the pages.
	 *
	 * @param policy the policy in force
	 * @param ground why they may sign up; null when they may not
	 */
	record Admission(SignUpPolicy policy, Ground ground) {

		public boolean open() {
			return ground != null;
		}

		/** Open only for addresses at the policy's domains. */
		public boolean domainsOnly() {
			return ground == Ground.DOMAIN;
		}

		public boolean invited() {
			return ground == Ground.ORGANISATION_INVITE || ground == Ground.SQUAD_INVITE;
		}

		public boolean closed() {
			return policy.mode() == SignUpMode.CLOSED;
		}

		/** The key of what the sign-up page says when it is not open to this visitor (argument: the domains). */
		public String closedKey() {
			return switch (policy.mode()) {
				case INVITE, OPEN -> "signup.closed.INVITE";
				case DOMAINS -> "signup.closed.DOMAINS";
				case CLOSED -> "signup.closed.CLOSED";
			};
		}

	}

}
