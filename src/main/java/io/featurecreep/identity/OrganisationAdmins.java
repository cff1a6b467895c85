package io.featurecreep.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The organisation's admins. Changes to who administers it, and to who is active, take the organisation row's lock
 * first: two admins demoting each other at once then take turns, and the second finds itself no longer an admin,
 * so the organisation never ends up with no active admin.
 */
@Repository
class OrganisationAdmins {

	private final JdbcClient jdbc;

	OrganisationAdmins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises admin changes of the organisation until the transaction ends. */
	void lockOrganisation() {
		jdbc.sql("select id from organisation where id = ? for update")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(String.class)
			.single();
	}

	/**
	 * The caller, if an active admin; everyone else gets FORBIDDEN, saying what only admins do: the key of an
	 * {@code identity.refused.adminsOnly.*} text ("Only organisation admins can …").
	 */
	void requireAdmin(String callerId, String adminsOnlyKey) {
		if (!isActiveAdmin(callerId)) {
			throw DomainException.of(ErrorCode.FORBIDDEN, adminsOnlyKey);
		}
	}

	boolean isActiveAdmin(String personId) {
		return jdbc.sql("""
				select count(*) from organisation_admin a join person p on p.id = a.person_id
				where a.organisation_id = ? and a.person_id = ? and p.status = 'ACTIVE'""")
			.params(Accounts.DEFAULT_ORGANISATION, personId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean isAdmin(String personId) {
		return jdbc.sql("select count(*) from organisation_admin where organisation_id = ? and person_id = ?")
			.params(Accounts.DEFAULT_ORGANISATION, personId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether the installation has an admin yet: until it has, the first account may always sign up. */
	boolean any() {
		return jdbc.sql("select count(*) from organisation_admin where organisation_id = ?")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(Integer.class)
			.single() > 0;
	}

	int countActive() {
		return jdbc.sql("""
				select count(*) from organisation_admin a join person p on p.id = a.person_id
				where a.organisation_id = ? and p.status = 'ACTIVE'""")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(Integer.class)
			.single();
	}

	Set<String> all() {
		return jdbc.sql("select person_id from organisation_admin where organisation_id = ?")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(String.class)
			.list()
			.stream()
			.collect(Collectors.toSet());
	}

	void add(String personId) {
		if (!isAdmin(personId)) {
			jdbc.sql("insert into organisation_admin (organisation_id, person_id) values (?, ?)")
				.params(Accounts.DEFAULT_ORGANISATION, personId)
				.update();
		}
	}

	void remove(String personId) {
		jdbc.sql("delete from organisation_admin where organisation_id = ? and person_id = ?")
			.params(Accounts.DEFAULT_ORGANISATION, personId)
			.update();
	}

}
