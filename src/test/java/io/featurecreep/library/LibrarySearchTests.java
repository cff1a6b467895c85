package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.identity.Person;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/**
 * Searching the library through the API: the original {@code search} and {@code libraryQuestions}. The database is
 * shared with other test classes, so these tests expect other questions to be there and use unique words.
 */
@FeatureCreepTest
class LibrarySearchTests {

	static final String SEARCH = "query($s: String!) { search(search: $s) { question descriptionBad descriptionGood } }";

	static final String LIBRARY = """
			query($s: String, $scope: LibraryScope, $first: Int, $offset: Int) {
			  libraryQuestions(search: $s, scope: $scope, first: $first, offset: $offset) {
			    offset hasMore questions { id question descriptionGood descriptionBad usageCount isDefault shared }
			  }
			}""";

	@Autowired
	GraphQlApi api;

	@Autowired
	QuestionLibrary library;

	@Autowired
	JdbcClient jdbc;

	Caller me;

	@BeforeEach
	void signIn() {
		me = api.as(api.newPerson("Lena"));
	}

	List<String> search(String text) {
		List<String> titles = new ArrayList<>();
		me.execute(SEARCH, "s", text).ok().data("search").forEach(hit -> titles.add(hit.path("question").asString()));
		return titles;
	}

	GraphQlResponse library(Caller caller, Object... variables) {
		return caller.execute(LIBRARY, variables);
	}

	List<String> titles(GraphQlResponse response) {
		List<String> titles = new ArrayList<>();
		response.data("libraryQuestions.questions").forEach(q -> titles.add(q.path("question").asString()));
		return titles;
	}

	String newSession() {
		String squadId = me.execute("mutation { createSquad(input: {name: \"Library squad\"}) { id } }")
			.ok()
			.text("createSquad.id");
		return me.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
	}

	void addQuestion(String sessionId, String title) {
		me.execute("mutation($input: addQuestion) { addQuestion(input: $input) { id } }", "input",
				Map.of("sessionId", sessionId, "question", Map.of("question", title)))
			.ok();
	}

	@Test
	void theOriginalSearchGivesAtMostTenSuggestionsWithTheirDescriptions() {
		GraphQlResponse found = me.execute(SEARCH, "s", "we").ok();

		assertThat(found.data("search").size()).isBetween(6, 10);
		found.data("search").forEach(hit -> {
			assertThat(hit.path("question").asString()).isNotBlank();
			assertThat(hit.path("descriptionGood").isString()).isTrue();
			assertThat(hit.path("descriptionBad").isString()).isTrue();
		});
		assertThat(search("we")).contains("Delivering value", "Fun", "Learning", "Mission", "Pawns or players", "Speed")
			.doesNotContain("Easy to release", "Health of codebase");
		assertThat(search("Boooooooring")).containsExactly("Fun");
	}

	@Test
	void aTypoStillFindsTheIndicator() {
		assertThat(search("codbase")).first().isEqualTo("Health of codebase");
		assertThat(search("Helth of codebase")).first().isEqualTo("Health of codebase");
		assertThat(search("releases")).first().isEqualTo("Easy to release");
	}

	@ParameterizedTest(name = "\"{0}\" suggests {1}")
	@CsvSource(delimiter = '|', textBlock = """
			dle | Delivering value
			esa | Easy to release
			fnu | Fun
			hae | Health of codebase
			lae | Learning
			msi | Mission
			pwa | Pawns or players
			spw | Speed
			siu | Suitable process
			sip | Support
			tae | Teamwork
			""")
	void threeLettersWithATypoSuggestTheIndicatorFirst(String typed, String indicator) {
		assertThat(search(typed)).first().isEqualTo(indicator);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"codebase\"", "codebase*", "title:codebase", "@question:(codebase) | %code%", "-codebase",
			"codebase~2", "(codebase", "codebase)", "[codebase TO z]", "codebase^10", "\\codebase", "'codebase'",
			"codebase && ||", "question:\"codebase\" OR" })
	void queryLanguageAndQuotesAreJustText(String text) {
		assertThat(search(text)).first().isEqualTo("Health of codebase");
		assertThat(titles(library(me, "s", text).ok())).first().isEqualTo("Health of codebase");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"", "*", "\\", "~", "()", "%%", "&&", "-", ":", "'", "\"\"", "/.*/", " ", "" })
	void textWithoutWordsFindsNothingAndBreaksNothing(String text) {
		assertThat(search(text)).isEmpty();
	}

	@Test
	void longTextIsSearchedUpToTwoHundredCharacters() {
		String longest = "codebase " + "x".repeat(191);

		assertThat(search(longest)).first().isEqualTo("Health of codebase");
		me.execute(SEARCH, "s", longest + "x").failsWith("Search text is too long (at most 200 characters)",
				"BAD_USER_INPUT");
		library(me, "s", longest + "x").failsWith("Search text is too long (at most 200 characters)",
				"BAD_USER_INPUT");
		assertThat(search("we ".repeat(66))).isNotEmpty();
	}

	@Test
	void anotherOrganisationsQuestionsAreNeverShown() {
		String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String other = UUID.randomUUID().toString();
		jdbc.sql("insert into organisation (id, name, created_at) values (?, 'Other', ?)")
			.params(other, OffsetDateTime.now())
			.update();
		Person stranger = new Person(UUID.randomUUID().toString(), other, "Olga", "Other", null, Instant.now());
		jdbc.sql("insert into person (id, organisation_id, created_at) values (?, ?, ?)")
			.params(stranger.id(), other, OffsetDateTime.now())
			.update();
		library.entryFor(other, "Secret " + word, "We never tell " + word, "Everyone knows " + word);

		assertThat(search(word)).isEmpty();
		assertThat(search("secret")).doesNotContain("Secret " + word);
		for (String scope : List.of("ALL", "ORGANISATION", "SHARED")) {
			assertThat(titles(library(me, "s", word, "scope", scope).ok())).isEmpty();
		}
		assertThat(everything(me)).doesNotContain("Secret " + word);
		assertThat(titles(library(api.as(stranger), "s", word).ok())).containsExactly("Secret " + word);
		assertThat(titles(library(api.as(stranger), "s", word, "scope", "SHARED").ok())).isEmpty();
	}

	/** Every title the caller can page through without search text. */
	List<String> everything(Caller caller) {
		List<String> titles = new ArrayList<>();
		int offset = 0;
		GraphQlResponse page;
		do {
			page = library(caller, "first", 50, "offset", offset).ok();
			titles.addAll(titles(page));
			offset += 50;
		}
		while (page.data("libraryQuestions.hasMore").asBoolean() && offset <= QuestionLibrary.LARGEST_OFFSET);
		return titles;
	}

	@Test
	void theSharedLibraryPagesThroughTheDefaultsAndTheDeck() {
		Set<String> seen = new HashSet<>();
		List<Boolean> more = new ArrayList<>();
		for (int offset = 0; offset < 12; offset += 4) {
			GraphQlResponse page = library(me, "scope", "SHARED", "first", 4, "offset", offset).ok();
			assertThat(page.data("libraryQuestions.offset").asInt()).isEqualTo(offset);
			more.add(page.data("libraryQuestions.hasMore").asBoolean());
			page.data("libraryQuestions.questions").forEach(q -> {
				assertThat(q.path("shared").asBoolean()).isTrue();
				assertThat(seen.add(q.path("question").asString())).isTrue();
			});
		}

		assertThat(seen).hasSize(11).contains("Suitable process", "Support", "Teamwork", "Fun");
		assertThat(more).containsExactly(true, true, false);
		JsonNode all = library(me, "scope", "SHARED", "first", 50).ok().data("libraryQuestions.questions");
		List<Long> uses = new ArrayList<>();
		int defaults = 0;
		for (JsonNode q : all) {
			uses.add(q.path("usageCount").asLong());
			defaults += q.path("isDefault").asBoolean() ? 1 : 0;
		}
		assertThat(defaults).isEqualTo(8);
		assertThat(uses).as("most used first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void questionsSquadsAddAreSearchableAtOnceWithTheirUsage() {
		String word = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String sessionId = newSession();

		addQuestion(sessionId, "Pairing on " + word);
		addQuestion(sessionId, "  PAIRING on " + word.toUpperCase() + "! ");

		JsonNode found = library(me, "s", word, "scope", "ORGANISATION").ok().data("libraryQuestions.questions");
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.path(0).path("question").asString()).isEqualTo("Pairing on " + word);
		// the uses are counted once each asking session commits, by the background work
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(library(me, "s", word, "scope", "ORGANISATION").ok()
				.data("libraryQuestions.questions")
				.path(0)
				.path("usageCount")
				.asInt()).isEqualTo(2));
		assertThat(found.path(0).path("isDefault").asBoolean()).isFalse();
		assertThat(found.path(0).path("shared").asBoolean()).isFalse();
		assertThat(search(word.substring(0, 5))).contains("Pairing on " + word);
	}

	@Test
	void aSessionStartedWithItsOwnQuestionsCountsEachOnceItCommits() {
		String word = "qs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		List<Map<String, String>> questions = List.of(Map.of("question", "Kanban " + word),
				Map.of("question", "Retros " + word));

		for (int squad = 0; squad < 2; squad++) {
			String squadId = me.execute("mutation { createSquad(input: {name: \"Counting squad\"}) { id } }")
				.ok()
				.text("createSquad.id");
			me.execute("mutation($s: String!, $q: [questionInput!]) { createSession(input: {squadId: $s, questions: $q}) { id } }",
					"s", squadId, "q", questions)
				.ok();
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(jdbc.sql("select title, usage_count from library_question where title like ?")
				.param("% " + word)
				.query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
				.list()).containsExactlyInAnyOrder("Kanban " + word + "=2", "Retros " + word + "=2"));
	}

	@Test
	void aNearDuplicateOfAnIndicatorIsNotAddedAndNeverShownTwice() {
		String sessionId = newSession();

		addQuestion(sessionId, "Health of the codebase");
		addQuestion(sessionId, "Team work");

		assertThat(search("codebase")).containsExactly("Health of codebase");
		assertThat(search("teamwork")).containsOnlyOnce("Teamwork").doesNotContain("Team work");
		assertThat(titles(library(me, "s", "team work").ok())).containsOnlyOnce("Teamwork").doesNotContain("Team work");
	}

	@Test
	void aTitleThatFoldingLengthensIsStillRecorded() {
		String title = "\uFB03".repeat(199) + UUID.randomUUID().toString().substring(0, 1);

		addQuestion(newSession(), title);
		addQuestion(newSession(), title);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					jdbc.sql("select usage_count from library_question where title = ?").param(title).query(Long.class).list())
				.containsExactly(2L));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			first  | 0   | first must be between 1 and 50
			first  | 51  | first must be between 1 and 50
			first  | -3  | first must be between 1 and 50
			offset | -1  | offset must be between 0 and 500
			offset | 501 | offset must be between 0 and 500
			""")
	void pagesOutsideTheLimitsAreBadInput(String argument, int value, String message) {
		library(me, argument, value).failsWith(message, "BAD_USER_INPUT");
	}

	@Test
	void anUnknownScopeIsBadInput() {
		assertThat(library(me, "scope", "EVERYONE").errorCodes()).containsExactly("BAD_USER_INPUT");
	}

}
