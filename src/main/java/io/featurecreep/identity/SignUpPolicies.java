package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The sign-up policy in force: the admins' choice once they made one, the server's configuration until then (see
 * {@link SignUpSettings}). Only admins change it, and each change goes into the audit log.
 */
@Service
class SignUpPolicies {

	private static final Logger log = LoggerFactory.getLogger(SignUpPolicies.class);

	private final JdbcClient jdbc;

	private final SignUpSettings settings;

	private final OrganisationAdmins admins;

	private final AuditLog audit;

	private final Clock clock;

	SignUpPolicies(JdbcClient jdbc, SignUpSettings settings, OrganisationAdmins admins, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.admins = admins;
		this.audit = audit;
		this.clock = clock;
	}

	SignUpPolicy current() {
		return jdbc.sql("select mode, domains, changed_at from signup_policy where organisation_id = ?")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query((rs, row) -> new SignUpPolicy(SignUpMode.valueOf(rs.getString("mode")), split(rs.getString("domains")),
					true, instant(rs, "changed_at")))
			.optional()
			.orElseGet(settings::seed);
	}

	/** The policy in force, as admins see it on the admin page. Admins only. */
	SignUpPolicy shownTo(String adminId) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.seeSignUp");
		return current();
	}

	/** The policy an admin chose; it wins over the server's configuration from now on. */
	@Transactional
	SignUpPolicy change(String adminId, SignUpMode mode, List<String> domains) {
		admins.lockOrganisation();
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.changeSignUp");
		if (mode == null) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.chooseMode");
		}
		List<String> normalised = EmailDomains.normalised(domains);
		if (mode == SignUpMode.DOMAINS && normalised.isEmpty()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.noDomain");
		}
		String stored = normalised.isEmpty() ? null : String.join(",", normalised);
		if (stored != null && stored.length() > 2000) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.domainsTooLong");
		}
		int updated = jdbc.sql("update signup_policy set mode = ?, domains = ?, changed_by = ?, changed_at = ? where organisation_id = ?")
			.params(mode.name(), stored, adminId, utc(clock.instant()), Accounts.DEFAULT_ORGANISATION)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into signup_policy (organisation_id, mode, domains, changed_by, changed_at) values (?, ?, ?, ?, ?)")
				.params(Accounts.DEFAULT_ORGANISATION, mode.name(), stored, adminId, utc(clock.instant()))
				.update();
		}
		SignUpPolicy policy = current();
		audit.record(adminId, AdminAction.SIGNUP_POLICY_CHANGED, null,
				mode == SignUpMode.DOMAINS ? mode.name() + ": " + policy.domainList() : mode.name());
		log.info("Admin {} set the sign-up policy to {}", adminId, mode);
		return policy;
	}

	private static List<String> split(String domains) {
		return domains == null || domains.isBlank() ? List.of() : Arrays.asList(domains.split(","));
	}

}
