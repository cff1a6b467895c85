package io.featurecreep.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.featurecreep.shared.Language;

/** All people, looked up by id. Other modules read people through here; only identity creates them. */
@Repository
public class People {

	private static final String COLUMNS = "id, organisation_id, first_name, last_name, email, created_at";

	/** What is read; status is written by {@link PeopleAdministration} only, and starts as ACTIVE. */
	private static final String READ_COLUMNS = COLUMNS + ", status";

	private final JdbcClient jdbc;

	private final Clock clock;

	People(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Person> findById(String id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("select " + READ_COLUMNS + " from person where id = ?").param(id).query(People::map).optional();
	}

	public boolean exists(String id) {
		return findById(id).isPresent();
	}

	/** The people with these ids, keyed by id, in the order of the given ids; unknown ids are left out. */
	public Map<String, Person> findAllById(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, Person> found = jdbc.sql("select " + READ_COLUMNS + " from person where id in (:ids)")
			.param("ids", ids)
			.query(People::map)
			.list()
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		Map<String, Person> ordered = new LinkedHashMap<>();
		ids.stream().filter(found::containsKey).forEach(id -> ordered.put(id, found.get(id)));
		return ordered;
	}

	void insert(String id, String organisationId, String firstName, String lastName, String email) {
		jdbc.sql("insert into person (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
			.params(id, organisationId, firstName, lastName, email, OffsetDateTime.now(clock))
			.update();
	}

	void updateProfile(String id, String firstName, String lastName, String email) {
		jdbc.sql("update person set first_name = ?, last_name = ?, email = ? where id = ?")
			.params(firstName, lastName, email, id)
			.update();
	}

	/** The language this person chose for the pages; none to follow their browser. */
	Optional<Language> chosenLanguage(String id) {
		return jdbc.sql("select locale from person where id = ?")
			.param(id)
			.query(String.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.flatMap(Language::ofTag);
	}

	/** Null: follow the browser. */
	void chooseLanguage(String id, Language language) {
		jdbc.sql("update person set locale = ? where id = ?").params(language == null ? null : language.tag(), id).update();
	}

	static Person map(ResultSet rs, int row) throws SQLException {
		return new Person(rs.getString("id"), rs.getString("organisation_id"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("email"),
				rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
				PersonStatus.valueOf(rs.getString("status")));
	}

}
