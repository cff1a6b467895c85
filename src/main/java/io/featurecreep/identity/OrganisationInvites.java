package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;

/**
 * Organisation invites: admins make, list and revoke them; new people use them to sign up. Like access tokens,
 * only a SHA-256 of a link's secret is stored (the secret is 256 random bits, so no slow hash is needed): the link
 * is shown once, and a database leak gives nobody a way in.
 */
@Service
class OrganisationInvites {

	static final String PATH = "/invitations/";

	static final int DEFAULT_VALID_DAYS = 7;

	static final int MAX_VALID_DAYS = 30;

	static final int MAX_USES = 1000;

	private static final String COLUMNS = "id, label, max_uses, uses, created_by, created_at, expires_at, revoked_at";

	private static final Logger log = LoggerFactory.getLogger(OrganisationInvites.class);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrganisationAdmins admins;

	private final AuditLog audit;

	private final Clock clock;

	OrganisationInvites(JdbcClient jdbc, OrganisationAdmins admins, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.admins = admins;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Created create(String adminId, String label, Integer maxUses, Integer validForDays) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.invite");
		String name = TextLimits.optional(label, "Label", 100);
		int uses = maxUses == null ? 1 : maxUses;
		if (uses < 1 || uses > MAX_USES) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.inviteUses", MAX_USES);
		}
		int days = validForDays == null ? DEFAULT_VALID_DAYS : validForDays;
		if (days < 1 || days > MAX_VALID_DAYS) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.inviteDays", MAX_VALID_DAYS);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("insert into organisation_invite (" + COLUMNS
				+ ", organisation_id, token_hash) values (?, ?, ?, 0, ?, ?, ?, null, ?, ?)")
			.params(id, name, uses, adminId, utc(now), utc(now.plus(Duration.ofDays(days))),
					Accounts.DEFAULT_ORGANISATION, AccessTokens.sha256(token))
			.update();
		audit.record(adminId, AdminAction.INVITE_CREATED, null, describe(name, uses, days));
		log.info("Admin {} created organisation invite {}", adminId, id);
		return new Created(token, find(id).orElseThrow());
	}

	/** Every invite, newest first, used up, expired and revoked ones included. Admins only. */
	@Transactional(readOnly = true)
	List<OrganisationInvite> list(String adminId) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.seeInvites");
		return jdbc.sql("select " + COLUMNS + " from organisation_invite where organisation_id = ? order by created_at desc, id")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(OrganisationInvites::map)
			.list();
	}

	@Transactional
	OrganisationInvite revoke(String adminId, String inviteId) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.revokeInvites");
		OrganisationInvite invite = find(inviteId).orElseThrow(() -> DomainException.notFound("Invite not found"));
		if (!invite.revoked()) {
			jdbc.sql("update organisation_invite set revoked_at = ? where id = ?").params(utc(clock.instant()), inviteId).update();
			audit.record(adminId, AdminAction.INVITE_REVOKED, null, describe(invite.label(), invite.maxUses(), null));
			log.info("Admin {} revoked organisation invite {}", adminId, inviteId);
		}
		return find(inviteId).orElseThrow();
	}

	/** The invite behind a link's secret, if it can still be used. */
	Optional<OrganisationInvite> usable(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from organisation_invite where token_hash = ?")
			.param(AccessTokens.sha256(token))
			.query(OrganisationInvites::map)
			.optional()
			.filter(invite -> invite.usableAt(clock.instant()));
	}

	/**
	 * Counts one use of the link, in the caller's transaction (the new account's). One statement that checks and
	 * counts: two people signing up with the last use at once cannot both have it.
	 */
	boolean use(String token) {
		return token != null && jdbc.sql("""
				update organisation_invite set uses = uses + 1
				where token_hash = ? and revoked_at is null and uses < max_uses and expires_at > ?""")
			.params(AccessTokens.sha256(token), utc(clock.instant()))
			.update() == 1;
	}

	private Optional<OrganisationInvite> find(String id) {
		return jdbc.sql("select " + COLUMNS + " from organisation_invite where id = ?")
			.param(id)
			.query(OrganisationInvites::map)
			.optional();
	}

	/** What the audit log says about an invite: its label and how often it may be used (never its secret). */
	private static String describe(String label, int maxUses, Integer days) {
		String what = (label == null ? "" : "\u201c" + label + "\u201d, ") + (maxUses == 1 ? "one use" : maxUses + " uses");
		return days == null ? what : what + ", " + days + (days == 1 ? " day" : " days");
	}

	private static OrganisationInvite map(ResultSet rs, int row) throws SQLException {
		return new OrganisationInvite(rs.getString("id"), rs.getString("label"), rs.getInt("max_uses"), rs.getInt("uses"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

	/** A new invite and its secret, which exists only in this answer. */
	record Created(String token, OrganisationInvite invite) {

		String path() {
			return PATH + token;
		}

		@Override
		public String toString() {
			return "Created[invite=" + invite + "]";
		}

	}

}
