package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Flyway migrations apply cleanly, and the constraints the application relies on for
 * correctness under concurrency really hold, on H2 and on PostgreSQL alike. Plain SQL on purpose:
 * these rules must hold whatever code writes the rows.
 */
@DatabaseTest
class SchemaMigrationTests {

	static final String ORGANISATION = "00000000-0000-0000-0000-000000000001";

	abstract class Contract {

		@Autowired
		Flyway flyway;

		@Autowired
		JdbcClient jdbc;

		String person;

		String squad;

		@BeforeEach
		void insertPersonAndSquad() {
			person = id();
			jdbc.sql("insert into person (id, organisation_id, created_at) values (?, ?, ?)")
				.params(person, ORGANISATION, now())
				.update();
			squad = insertSquad();
		}

		@Test
		void migrationsAreAllAppliedWithNonePending() {
			MigrationInfo current = flyway.info().current();

			assertThat(current).isNotNull();
			assertThat(current.getState().isApplied()).isTrue();
			assertThat(flyway.info().pending()).isEmpty();
			assertThat(flyway.info().applied()).allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
		}

		@Test
		void migrationsCreateTheTablesInTheConnectionsSchema() {
			Integer tables = jdbc.sql("""
					select count(*) from information_schema.tables
					where lower(table_schema) = lower(current_schema)
					and lower(table_name) in ('organisation', 'person', 'squad', 'health_session', 'session_question', 'vote')""")
				.query(Integer.class)
				.single();

			assertThat(tables).isEqualTo(6);
		}

		@Test
		void migrationsCreateTheDefaultOrganisation() {
			assertThat(jdbc.sql("select name from organisation where id = ?").param(ORGANISATION).query(String.class).single())
				.isEqualTo("Feature Creep");
		}

		@Test
		void aSquadHasAtMostOneActiveSession() {
			insertSession(squad, true);

			assertViolates("uk_health_session_active", () -> insertSession(squad, true));
		}

		@Test
		void aSquadCanHaveManyEndedSessionsBesideItsActiveOne() {
			insertSession(squad, false);
			insertSession(squad, false);
			insertSession(squad, true);
			insertSession(insertSquad(), true);

			assertThat(jdbc.sql("select count(*) from health_session where squad_id = ?").param(squad).query(Integer.class).single())
				.isEqualTo(3);
		}

		@Test
		void aVoterVotesOncePerQuestion() {
			String question = insertQuestion(insertSession(squad, true));
			insertVote(question, "voter-a", 2);
			insertVote(question, "voter-b", 2);

			assertViolates("uk_vote_voter", () -> insertVote(question, "voter-a", 0));
		}

		@Test
		void theSameVoterMayVoteOnEveryQuestion() {
			String session = insertSession(squad, true);
			insertVote(insertQuestion(session), "voter-a", 1);
			insertVote(insertQuestion(session), "voter-a", 1);

			assertThat(jdbc.sql("select count(*) from vote where voter_key = 'voter-a' and question_id in "
					+ "(select id from session_question where session_id = ?)").param(session).query(Integer.class).single())
				.isEqualTo(2);
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 2 })
		void aVoteColourFromZeroToTwoIsAccepted(int colour) {
			String question = insertQuestion(insertSession(squad, true));

			insertVote(question, "voter", colour);

			assertThat(jdbc.sql("select colour from vote where question_id = ?").param(question).query(Integer.class).single())
				.isEqualTo(colour);
		}

		@ParameterizedTest
		@ValueSource(ints = { -1, 3 })
		void aVoteColourOutsideZeroToTwoIsRejected(int colour) {
			String question = insertQuestion(insertSession(squad, true));

			assertViolates("ck_vote_colour", () -> insertVote(question, "voter", colour));
		}

		void assertViolates(String constraint, ThrowingCallable insert) {
			assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(insert)
				.satisfies(ex -> assertThat(ex.getMessage()).containsIgnoringCase(constraint));
		}

		String insertSquad() {
			String id = id();
			jdbc.sql("insert into squad (id, organisation_id, name, anonymous, created_at) values (?, ?, ?, ?, ?)")
				.params(id, ORGANISATION, "Squad " + id, false, now())
				.update();
			return id;
		}

		String insertSession(String squadId, boolean active) {
			String id = id();
			jdbc.sql("""
					insert into health_session (id, squad_id, active_squad_id, mode, result_visibility, anonymous,
						created_by, created_at, ended_at)
					values (?, ?, ?, 'LIVE', 'IMMEDIATE', false, ?, ?, ?)""")
				.params(id, squadId, active ? squadId : null, person, now(), active ? null : now())
				.update();
			return id;
		}

		String insertQuestion(String sessionId) {
			String id = id();
			Integer position = jdbc.sql("select count(*) from session_question where session_id = ?")
				.param(sessionId)
				.query(Integer.class)
				.single();
			jdbc.sql("""
					insert into session_question (id, session_id, position, title, closed, created_at)
					values (?, ?, ?, 'Fun', false, ?)""").params(id, sessionId, position, now()).update();
			return id;
		}

		void insertVote(String questionId, String voterKey, int colour) {
			jdbc.sql("insert into vote (id, question_id, voter_key, colour) values (?, ?, ?, ?)")
				.params(id(), questionId, voterKey, colour)
				.update();
		}

		static String id() {
			return UUID.randomUUID().toString();
		}

		static OffsetDateTime now() {
			return OffsetDateTime.now(ZoneOffset.UTC);
		}

	}

	@Nested
	@WithH2
	class OnH2 extends Contract {

	}

	@Nested
	@WithPostgres
	class OnPostgres extends Contract {

	}

}
