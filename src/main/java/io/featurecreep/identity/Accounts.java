package io.featurecreep.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;

/** Creates people on their first sign-in, whatever the way they signed in, and keeps their profile. */
@Service
public class Accounts {

	static final String DEFAULT_ORGANISATION = "00000000-0000-0000-0000-000000000001";

	/**
	 * NIST SP 800-63B asks for at least 8; 10 keeps guessing slow. The list of common passwords that
	 * {@link PasswordPolicy} refuses holds only passwords of at least this length: lowering it needs a new list.
	 */
	public static final int MIN_PASSWORD_LENGTH = 10;

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final People people;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PasswordEncoder passwords;

	Accounts(People people, JdbcClient jdbc, Clock clock, PasswordEncoder passwords) {
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
		this.passwords = passwords;
	}

	/**
	 * A new person with a local account (e-mail and password). E-mail addresses are unique regardless of
	 * case; when two sign-ups race for one address, the unique constraint decides and the loser gets
	 * {@link EmailTaken} with nothing stored.
	 */
	@Transactional
	public Person signUp(String email, String rawPassword, String firstName, String lastName) {
		String address = EmailAddresses.required(email);
		String problem = passwordProblem(rawPassword);
		if (problem != null) {
			throw DomainException.badInput(problem);
		}
		String first = TextLimits.required(firstName, "First name", 100);
		String last = TextLimits.required(lastName, "Last name", 100);
		if (localAccountExists(address)) {
			throw new EmailTaken();
		}
		String personId = Ids.newId();
		createPerson(personId, first, last, address);
		try {
			jdbc.sql("insert into local_account (person_id, email, password_hash, created_at) values (?, ?, ?, ?)")
				.params(personId, address, passwords.encode(rawPassword), OffsetDateTime.now(clock))
				.update();
		}
		catch (DuplicateKeyException raced) {
			throw new EmailTaken();
		}
		log.info("Created person {} through sign-up", personId);
		return people.findById(personId).orElseThrow();
	}

	/** What is wrong with a new password ({@link PasswordPolicy}), or null if it is acceptable. */
	static String passwordProblem(String rawPassword) {
		return PasswordPolicy.check(rawPassword).map(PasswordPolicy.Problem::defaultMessage).orElse(null);
	}

	private boolean localAccountExists(String address) {
		return jdbc.sql("select count(*) from local_account where email = ?")
			.param(address)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The id of the person behind an external identity, if it was seen before: one query, no transaction, because
	 * every bearer request asks it.
	 */
	public Optional<String> knownExternal(String issuer, String subject) {
		return jdbc.sql("select person_id from external_identity where issuer = ? and subject = ?")
			.params(issuer, subject)
			.query(String.class)
			.optional();
	}

	/**
	 * The person behind an external identity (OIDC sign-in or JWT bearer), created on first sight.
	 * The person's id is the token's subject, as in the original, unless another person already has it.
	 */
	@Transactional
	public Person provisionExternal(String issuer, String subject, String email, String firstName,
			String lastName) {
		Optional<String> known = knownExternal(issuer, subject);
		if (known.isPresent()) {
			return people.findById(known.get()).orElseThrow();
		}
		String personId = people.exists(subject) ? Ids.newId() : subject;
		createPerson(personId, cut(firstName, 100), cut(lastName, 100), cut(email, 320));
		// two first requests of one person at once: the primary key makes the second one fail and roll back
		jdbc.sql("insert into external_identity (issuer, subject, person_id, created_at) values (?, ?, ?, ?)")
			.params(issuer, subject, personId, OffsetDateTime.now(clock))
			.update();
		log.info("Created person {} on first sign-in through {}", personId, issuer);
		return people.findById(personId).orElseThrow();
	}

	/** The fixed person of the dev profile, created on first use. */
	@Transactional
	public Person provisionFixed(String personId) {
		return people.findById(personId).orElseGet(() -> {
			createPerson(personId, null, null, null);
			return people.findById(personId).orElseThrow();
		});
	}

	/** Merges the given profile fields; a null argument leaves that field as it is. */
	@Transactional
	public Person editProfile(String personId, ProfileChange change) {
		Person current = people.findById(personId).orElseThrow();
		String firstName = change.firstNameGiven() ? TextLimits.optional(change.firstName(), "First name", 100)
				: current.firstName();
		String lastName = change.lastNameGiven() ? TextLimits.optional(change.lastName(), "Last name", 100)
				: current.lastName();
		String email = change.emailGiven() ? EmailAddresses.optional(change.email()) : current.email();
		people.updateProfile(personId, firstName, lastName, email);
		return people.findById(personId).orElseThrow();
	}

	public boolean isOrganisationAdmin(String personId) {
		return jdbc.sql("select count(*) from organisation_admin where person_id = ?")
			.param(personId)
			.query(Integer.class)
			.single() > 0;
	}

	void createPerson(String personId, String firstName, String lastName, String email) {
		// The first account of the organisation is its admin. Without a lock, simultaneous first sign-ups each
		// see no admin and all become one; locking the organisation's row makes them take turns, and only while
		// it has no admin yet (once there is one, there always is: the last active admin cannot be demoted, deactivated
		// or erased, so nothing waits any more). The lock comes
		// before the person's insert, whose foreign key share-locks the same row: the other order deadlocks.
		boolean mayBeFirst = !hasAdmin(DEFAULT_ORGANISATION);
		if (mayBeFirst) {
			jdbc.sql("select id from organisation where id = ? for update").param(DEFAULT_ORGANISATION).query(String.class).single();
		}
		people.insert(personId, DEFAULT_ORGANISATION, firstName, lastName, email);
		if (mayBeFirst && !hasAdmin(DEFAULT_ORGANISATION)) {
			jdbc.sql("insert into organisation_admin (organisation_id, person_id) values (?, ?)")
				.params(DEFAULT_ORGANISATION, personId)
				.update();
		}
	}

	private boolean hasAdmin(String organisationId) {
		return jdbc.sql("select count(*) from organisation_admin where organisation_id = ?")
			.param(organisationId)
			.query(Integer.class)
			.single() > 0;
	}

	private static String cut(String value, int max) {
		String stripped = TextLimits.withoutUnsafeCharacters(value);
		if (stripped == null || stripped.isEmpty()) {
			return null;
		}
		return stripped.length() <= max ? stripped : stripped.substring(0, max);
	}

	/** Sign-up refused because a local account already uses the e-mail address. */
	public static final class EmailTaken extends DomainException {

		EmailTaken() {
			super(ErrorCode.BAD_USER_INPUT, "An account with this e-mail address already exists");
		}

	}

	/** A profile edit: which fields were given (null given means "clear"), and their values. */
	public record ProfileChange(boolean firstNameGiven, String firstName, boolean lastNameGiven, String lastName,
			boolean emailGiven, String email) {
	}

}
