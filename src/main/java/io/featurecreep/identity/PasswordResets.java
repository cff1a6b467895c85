package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.AttemptLimits.Limit;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * One-time links to choose a new password, for people with a local account: asked for by e-mail address on the
 * "Forgot your password?" page (when e-mail is configured), or issued by an organisation admin (the people page,
 * GraphQL {@code createPasswordResetLink}). A link holds 256 random bits; only their SHA-256 is stored. It works
 * once, for an hour, and only while it is the person's newest: a newer link replaces it, and any password change
 * deletes it. Asking by e-mail address answers the same whether the address has an account or not.
 */
@Service
public class PasswordResets {

	static final Duration VALID_FOR = Duration.ofHours(1);

	static final String PATH = "/password-reset/";

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PasswordEncoder passwords;

	private final Accounts accounts;

	private final People people;

	private final AccountMail mail;

	private final AttemptLimits limits;

	PasswordResets(JdbcClient jdbc, Clock clock, PasswordEncoder passwords, Accounts accounts, People people,
			AccountMail mail, AttemptLimits limits) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.passwords = passwords;
		this.accounts = accounts;
		this.people = people;
		this.mail = mail;
		this.limits = limits;
	}

	/**
	 * A reset link for someone else, made by an organisation admin of their organisation, to hand over in person.
	 * It replaces any link the person had. Answers the path of the link on this server
	 * ({@code /password-reset/...}).
	 */
	@Transactional
	public String issueLink(String adminId, String personId) {
		Person admin = people.findById(adminId).orElseThrow(() -> DomainException.forbidden("Only organisation admins may do this"));
		if (!accounts.isOrganisationAdmin(adminId)) {
			throw DomainException.forbidden("Only organisation admins may do this");
		}
		Person person = people.findById(personId)
			.filter(found -> found.organisationId().equals(admin.organisationId()))
			.orElseThrow(() -> DomainException.notFound("Person not found"));
		if (!hasLocalAccount(person.id())) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.noLocalAccount");
		}
		String path = issue(person.id());
		log.info("Admin {} issued a password reset link for person {}", adminId, person.id());
		return path;
	}

	/** Whether people can ask for a link by e-mail here. */
	public boolean selfServiceAvailable() {
		return mail.available();
	}

	/**
	 * Someone asks for a link by e-mail address. Limited per client address and per e-mail address; when the
	 * address belongs to a local account, its link goes to that address. The caller learns nothing either way.
	 */
	@Transactional
	public void requestByEmail(String email, String clientAddress) {
		String address = LocalAccounts.normalise(email);
		limits.take(Limit.RESET_REQUEST_PER_ADDRESS.of(clientAddress), Limit.MAIL_PER_EMAIL.of(address));
		if (!mail.available()) {
			return;
		}
		jdbc.sql("select person_id from local_account where email = ?")
			.param(address)
			.query(String.class)
			.optional()
			.ifPresent(personId -> mail.passwordReset(address, issue(personId), VALID_FOR.toMinutes()));
	}

	/** Whether the link's token can still be used (for showing its form). */
	public boolean usable(String token) {
		return pendingPerson(token).isPresent();
	}

	/**
	 * Uses the link: the new password (which must pass {@link PasswordPolicy}) replaces the old one, the link and
	 * any other one are gone, and sessions signed in before end ({@link SignInTimes}).
	 */
	@Transactional
	public void reset(String token, String rawPassword) {
		String problem = Accounts.passwordProblem(rawPassword);
		if (problem != null) {
			throw DomainException.badInput(problem);
		}
		String personId = pendingPerson(token).orElseThrow(PasswordResets::expired);
		// two uses at once: only one deletes the row
		if (jdbc.sql("delete from password_reset where token_hash = ?").param(hash(token)).update() != 1) {
			throw expired();
		}
		changePassword(personId, rawPassword);
		log.info("Person {} chose a new password through a reset link", personId);
	}

	/** The one place a password changes: older reset links die with the old password, and so do older sessions. */
	void changePassword(String personId, String rawPassword) {
		jdbc.sql("update local_account set password_hash = ?, password_changed_at = ? where person_id = ?")
			.params(passwords.encode(rawPassword), utc(clock.instant()), personId)
			.update();
		jdbc.sql("delete from password_reset where person_id = ?").param(personId).update();
	}

	private String issue(String personId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("delete from password_reset where person_id = ?").param(personId).update();
		jdbc.sql("insert into password_reset (person_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(personId, hash(token), utc(now), utc(now.plus(VALID_FOR)))
			.update();
		return PATH + token;
	}

	private Optional<String> pendingPerson(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("select person_id, expires_at from password_reset where token_hash = ?")
			.param(hash(token))
			.query((rs, row) -> instant(rs, "expires_at").isAfter(now) ? rs.getString("person_id") : null)
			.optional();
	}

	private boolean hasLocalAccount(String personId) {
		return jdbc.sql("select count(*) from local_account where person_id = ?")
			.param(personId)
			.query(Integer.class)
			.single() > 0;
	}

	private static String hash(String token) {
		return AccessTokens.sha256(token);
	}

	private static DomainException expired() {
		return DomainException.notFound("This link has expired or was already used; please ask for a new one");
	}

}
