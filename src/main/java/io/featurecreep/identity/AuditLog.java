package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Ids;

/**
 * Every admin action, in one table: who, when, what and whom. Written in the transaction of the action it records,
 * so an action and its entry are committed together or not at all; read by admins only, newest first. Entries keep
 * the ids of the people involved, so an erased person shows as a former member here too.
 */
@Repository
class AuditLog {

	static final int MAX_PAGE = 100;

	static final int MAX_OFFSET = 100_000;

	private final JdbcClient jdbc;

	private final OrganisationAdmins admins;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, OrganisationAdmins admins, Clock clock) {
		this.jdbc = jdbc;
		this.admins = admins;
		this.clock = clock;
	}

	void record(String actorId, AdminAction action, String subjectId, String detail) {
		jdbc.sql("""
				insert into admin_audit (id, organisation_id, actor_id, action, subject_id, detail, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.newId(), Accounts.DEFAULT_ORGANISATION, actorId, action.name(), subjectId,
					detail == null ? null : cut(detail), utc(clock.instant()))
			.update();
	}

	/** A page of the log, newest first. Admins only. */
	@Transactional(readOnly = true)
	Page newestFirst(String callerId, int offset, int size) {
		admins.requireAdmin(callerId, "identity.refused.adminsOnly.seeAuditLog");
		if (size < 1 || size > MAX_PAGE) {
			throw DomainException.badInput("Page size must be between 1 and " + MAX_PAGE);
		}
		if (offset < 0 || offset > MAX_OFFSET) {
			throw DomainException.badInput("Offset must be between 0 and " + MAX_OFFSET);
		}
		List<AuditEntry> entries = jdbc.sql("""
				select id, action, actor_id, subject_id, detail, created_at from admin_audit
				where organisation_id = ? order by seq desc limit ? offset ?""")
			.params(Accounts.DEFAULT_ORGANISATION, size + 1, offset)
			.query(AuditLog::entry)
			.list();
		boolean more = entries.size() > size;
		return new Page(more ? entries.subList(0, size) : entries, offset, more);
	}

	private static String cut(String detail) {
		return detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getString("id"), instant(rs, "created_at"), AdminAction.valueOf(rs.getString("action")),
				rs.getString("actor_id"), rs.getString("subject_id"), rs.getString("detail"));
	}

	/** One admin action. */
	record AuditEntry(String id, Instant at, AdminAction action, String actorId, String subjectId, String detail) {
	}

	/** Some entries, and whether older ones follow. */
	record Page(List<AuditEntry> entries, int offset, boolean hasMore) {
	}

}
