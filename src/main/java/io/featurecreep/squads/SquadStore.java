package io.featurecreep.squads;

import static io.featurecreep.shared.SqlTimes.instant;
import static io.featurecreep.shared.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Squads, their members and their invites in the database. */
@Repository
class SquadStore {

	private final JdbcClient jdbc;

	SquadStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Squad> find(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from squad where id = ?").param(id).query(SquadStore::squad).optional();
	}

	void insert(Squad squad) {
		jdbc.sql("""
				insert into squad (id, organisation_id, name, anonymous, created_at, report_locale)
				values (?, ?, ?, ?, ?, ?)""")
			.params(squad.id(), squad.organisationId(), squad.name(), squad.anonymous(), utc(squad.createdAt()),
					squad.reportLocale())
			.update();
	}

	void update(String id, String name, boolean anonymous, String reportLocale) {
		jdbc.sql("update squad set name = ?, anonymous = ?, report_locale = ? where id = ?")
			.params(name, anonymous, reportLocale, id)
			.update();
	}

	List<Squad> findByOrganisation(String organisationId) {
		return jdbc.sql("select * from squad where organisation_id = ? order by name, id")
			.param(organisationId)
			.query(SquadStore::squad)
			.list();
	}

	/** The squads a person belongs to, the most recently joined first (as the original listed them). */
	List<Squad> findByMember(String personId) {
		return jdbc.sql("""
				select s.* from squad s join squad_member m on m.squad_id = s.id
				where m.person_id = ? order by m.seq desc""").param(personId).query(SquadStore::squad).list();
	}

	/** Members in join order. */
	List<Membership> members(String squadId) {
		return jdbc.sql("select * from squad_member where squad_id = ? order by seq")
			.param(squadId)
			.query(SquadStore::membership)
			.list();
	}

	Optional<Membership> membership(String squadId, String personId) {
		return jdbc.sql("select * from squad_member where squad_id = ? and person_id = ?")
			.params(squadId, personId)
			.query(SquadStore::membership)
			.optional();
	}

	void addMember(String squadId, String personId, SquadRole role, Instant now) {
		jdbc.sql("insert into squad_member (squad_id, person_id, role, joined_at) values (?, ?, ?, ?)")
			.params(squadId, personId, role.name(), utc(now))
			.update();
	}

	void removeMember(String squadId, String personId) {
		jdbc.sql("delete from squad_member where squad_id = ? and person_id = ?").params(squadId, personId).update();
	}

	void changeRole(String squadId, String personId, SquadRole role) {
		jdbc.sql("update squad_member set role = ? where squad_id = ? and person_id = ?")
			.params(role.name(), squadId, personId)
			.update();
	}

	int countOwners(String squadId) {
		return jdbc.sql("select count(*) from squad_member where squad_id = ? and role = 'OWNER'")
			.param(squadId)
			.query(Integer.class)
			.single();
	}

	/** Locks the squad row, so membership changes of one squad happen one after another. */
	void lock(String squadId) {
		jdbc.sql("select id from squad where id = ? for update").param(squadId).query(String.class).optional();
	}

	/** The names of each person's squads, by name. */
	Map<String, List<String>> squadNamesOf(Collection<String> personIds) {
		if (personIds.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> names = new HashMap<>();
		jdbc.sql("""
				select m.person_id, s.name from squad_member m join squad s on s.id = m.squad_id
				where m.person_id in (:ids) order by lower(s.name), s.id""")
			.param("ids", personIds)
			.query((rs, row) -> Map.entry(rs.getString("person_id"), rs.getString("name")))
			.list()
			.forEach(each -> names.computeIfAbsent(each.getKey(), id -> new ArrayList<>()).add(each.getValue()));
		return names;
	}

	boolean shareASquad(String personA, String personB) {
		return jdbc.sql("""
				select count(*) from squad_member a join squad_member b on a.squad_id = b.squad_id
				where a.person_id = ? and b.person_id = ?""").params(personA, personB).query(Integer.class).single() > 0;
	}

	void insertInvite(Invite invite) {
		jdbc.sql("""
				insert into squad_invite (token, squad_id, opens_squad, created_by, created_at, expires_at, revoked_at)
				values (?, ?, ?, ?, ?, ?, null)""")
			.params(invite.token(), invite.squadId(), invite.opensSquad(), invite.createdBy(), utc(invite.createdAt()),
					utc(invite.expiresAt()))
			.update();
	}

	Optional<Invite> findInvite(String token) {
		if (token == null) {
			return Optional.empty();
		}
		return jdbc.sql("select * from squad_invite where token = ?").param(token).query(SquadStore::invite).optional();
	}

	/** Every invite of a squad, the newest first. */
	List<Invite> invites(String squadId) {
		return jdbc.sql("select * from squad_invite where squad_id = ? order by created_at desc")
			.param(squadId)
			.query(SquadStore::invite)
			.list();
	}

	/** Whether an invite that opens the squad is valid now. */
	boolean isOpen(String squadId, Instant now) {
		return jdbc.sql("""
				select count(*) from squad_invite
				where squad_id = ? and opens_squad = true and revoked_at is null and expires_at > ?""")
			.params(squadId, utc(now))
			.query(Integer.class)
			.single() > 0;
	}

	void extendInvite(String token, Instant expiresAt) {
		jdbc.sql("update squad_invite set expires_at = ? where token = ?").params(utc(expiresAt), token).update();
	}

	void revokeInvite(String token, Instant now) {
		jdbc.sql("update squad_invite set revoked_at = ? where token = ? and revoked_at is null")
			.params(utc(now), token)
			.update();
	}

	private static Squad squad(ResultSet rs, int row) throws SQLException {
		return new Squad(rs.getString("id"), rs.getString("organisation_id"), rs.getString("name"),
				rs.getBoolean("anonymous"), instant(rs, "created_at"), rs.getString("report_locale"));
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		return new Membership(rs.getString("squad_id"), rs.getString("person_id"), SquadRole.valueOf(rs.getString("role")),
				instant(rs, "joined_at"));
	}

	private static Invite invite(ResultSet rs, int row) throws SQLException {
		return new Invite(rs.getString("token"), rs.getString("squad_id"), rs.getBoolean("opens_squad"),
				rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}
}
