package io.featurecreep.identity;

import static io.featurecreep.shared.SqlTimes.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.shared.ErrorCode;

/**
 * What admins do with the organisation's people: list them, promote and demote admins, deactivate, reactivate and
 * erase. Each change takes the organisation's lock, checks that the caller is (still) an active admin, keeps at
 * least one active admin, and goes into the audit log in the same transaction. Other modules hear of it through
 * {@link PersonDeactivated}, {@link PersonReactivated} and {@link PersonErased}.
 */
@Service
class PeopleAdministration {

	static final String LAST_ADMIN = EnglishTexts.of("identity.refused.lastAdmin");

	private static final Logger log = LoggerFactory.getLogger(PeopleAdministration.class);

	private final JdbcClient jdbc;

	private final People people;

	private final OrganisationAdmins admins;

	private final SquadNames squadNames;

	private final AuditLog audit;

	private final PasswordResets resets;

	private final ApplicationEventPublisher events;

	PeopleAdministration(JdbcClient jdbc, People people, OrganisationAdmins admins, SquadNames squadNames,
			AuditLog audit, ApplicationEventPublisher events, PasswordResets resets) {
		this.resets = resets;
		this.jdbc = jdbc;
		this.people = people;
		this.admins = admins;
		this.squadNames = squadNames;
		this.audit = audit;
		this.events = events;
	}

	/** Everyone in the organisation but the erased, by name. Admins only. */
	@Transactional(readOnly = true)
	List<PersonLine> people(String adminId) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.seePeople");
		List<Row> rows = jdbc.sql("""
				select id, organisation_id, first_name, last_name, email, created_at, status, last_sign_in_at
				from person where organisation_id = ? and status <> 'ERASED'
				order by lower(coalesce(first_name, '')), lower(coalesce(last_name, '')), lower(coalesce(email, '')), id""")
			.param(Accounts.DEFAULT_ORGANISATION)
			.query(PeopleAdministration::row)
			.list();
		Set<String> adminIds = admins.all();
		Map<String, List<String>> squads = squadNames.ofPeople(rows.stream().map(row -> row.person().id()).toList());
		return rows.stream()
			.map(row -> new PersonLine(row.person(), adminIds.contains(row.person().id()),
					squads.getOrDefault(row.person().id(), List.of()), row.lastSignInAt()))
			.toList();
	}

	/** The person an admin is about to erase, for the page that asks first. Admins only. */
	@Transactional(readOnly = true)
	Person toErase(String adminId, String personId) {
		admins.requireAdmin(adminId, "identity.refused.adminsOnly.erase");
		return people.findById(personId)
			.filter(person -> !person.erased() && person.organisationId().equals(Accounts.DEFAULT_ORGANISATION))
			.orElseThrow(() -> DomainException.notFound("Person not found"));
	}

	@Transactional
	PersonLine promote(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.promote");
		if (!target.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.reactivateBeforeAdmin");
		}
		if (!admins.isAdmin(personId)) {
			admins.add(personId);
			audit.record(adminId, AdminAction.PROMOTED, personId, null);
			log.info("Admin {} made {} an admin", adminId, personId);
		}
		return line(personId);
	}

	@Transactional
	PersonLine demote(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.demote");
		if (admins.isAdmin(personId)) {
			if (target.active() && admins.countActive() <= 1) {
				throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.lastAdmin");
			}
			admins.remove(personId);
			audit.record(adminId, AdminAction.DEMOTED, personId, null);
			log.info("Admin {} made {} no longer an admin", adminId, personId);
		}
		return line(personId);
	}

	/** Ends the person's sign-ins, tokens and open streams at once; their votes, notes and actions stay. */
	@Transactional
	PersonLine deactivate(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.deactivate");
		refuseSelf(adminId, personId, "identity.refused.deactivateSelf");
		if (target.active()) {
			keepAnActiveAdmin(personId);
			setStatus(personId, PersonStatus.DEACTIVATED);
			audit.record(adminId, AdminAction.DEACTIVATED, personId, null);
			events.publishEvent(new PersonDeactivated(personId));
			log.info("Admin {} deactivated {}", adminId, personId);
		}
		return line(personId);
	}

	@Transactional
	PersonLine reactivate(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.reactivate");
		if (target.status() == PersonStatus.DEACTIVATED) {
			setStatus(personId, PersonStatus.ACTIVE);
			audit.record(adminId, AdminAction.REACTIVATED, personId, null);
			events.publishEvent(new PersonReactivated(personId));
			log.info("Admin {} reactivated {}", adminId, personId);
		}
		return line(personId);
	}

	/**
	 * A one-time link for a person with a password here to choose a new one, for the admin to hand over in person
	 * ({@link PasswordResets#issueLink}); recorded in the audit log, never the link itself.
	 */
	@Transactional
	String resetLink(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.resetLinks");
		if (!target.active()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.reactivateBeforeResetLink");
		}
		String path = resets.issueLink(adminId, personId);
		audit.record(adminId, AdminAction.RESET_LINK_CREATED, personId, null);
		return path;
	}

	/**
	 * Removes the person's personal data for good: names, e-mail, password, external identities, tokens, admin role;
	 * their memberships go with {@link PersonErased}. The row stays as a tombstone that votes, notes and actions
	 * still point at, shown as a former member. Nothing brings it back.
	 */
	@Transactional
	PersonLine erase(String adminId, String personId) {
		Person target = changing(adminId, personId, "identity.refused.adminsOnly.erase");
		refuseSelf(adminId, personId, "identity.refused.eraseSelf");
		if (target.active()) {
			keepAnActiveAdmin(personId);
		}
		jdbc.sql("""
				update person set first_name = null, last_name = null, email = null, last_sign_in_at = null,
				locale = null, status = 'ERASED' where id = ?""").param(personId).update();
		jdbc.sql("delete from local_account where person_id = ?").param(personId).update();
		jdbc.sql("delete from external_identity where person_id = ?").param(personId).update();
		jdbc.sql("delete from access_token where person_id = ?").param(personId).update();
		jdbc.sql("delete from password_reset where person_id = ?").param(personId).update();
		admins.remove(personId);
		audit.record(adminId, AdminAction.ERASED, personId, null);
		events.publishEvent(new PersonErased(personId));
		log.info("Admin {} erased {}", adminId, personId);
		return line(personId);
	}

	/**
	 * The person an admin is about to change, once the organisation is locked and the caller is known to be an active
	 * admin. An erased person can no longer be changed.
	 */
	private Person changing(String adminId, String personId, String adminsOnlyKey) {
		admins.lockOrganisation();
		admins.requireAdmin(adminId, adminsOnlyKey);
		Person target = people.findById(personId)
			.filter(person -> person.organisationId().equals(Accounts.DEFAULT_ORGANISATION))
			.orElseThrow(() -> DomainException.notFound("Person not found"));
		if (target.erased()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.erased");
		}
		return target;
	}

	private static void refuseSelf(String adminId, String personId, String refusalKey) {
		if (adminId.equals(personId)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, refusalKey);
		}
	}

	private void keepAnActiveAdmin(String personId) {
		if (admins.isAdmin(personId) && admins.countActive() <= 1) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "identity.refused.lastAdmin");
		}
	}

	private void setStatus(String personId, PersonStatus status) {
		jdbc.sql("update person set status = ? where id = ?").params(status.name(), personId).update();
	}

	private PersonLine line(String personId) {
		Row row = jdbc.sql("""
				select id, organisation_id, first_name, last_name, email, created_at, status, last_sign_in_at
				from person where id = ?""").param(personId).query(PeopleAdministration::row).single();
		return new PersonLine(row.person(), admins.isAdmin(personId),
				squadNames.ofPeople(List.of(personId)).getOrDefault(personId, List.of()), row.lastSignInAt());
	}

	private static Row row(ResultSet rs, int number) throws SQLException {
		return new Row(People.map(rs, number), instant(rs, "last_sign_in_at"));
	}

	private record Row(Person person, Instant lastSignInAt) {
	}

	/**
	 * A person as admins see them.
	 *
	 * @param squads the names of their squads
	 * @param lastSignInAt when they last signed in (to the minute), null if never since this was recorded
	 */
	record PersonLine(Person person, boolean admin, List<String> squads, Instant lastSignInAt) {
	}

}
