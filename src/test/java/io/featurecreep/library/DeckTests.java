package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/**
 * The Spotify deck in five languages: on the pages in the reader's language, over GraphQL in the language of an
 * optional {@code Accept-Language} (English without one, exactly as before); texts a squad wrote itself stay as
 * written; what the question list sends back in another language is stored as the deck's English.
 */
@FeatureCreepTest
class DeckTests {

	/** The deck's fixed library ids (V2, V10). */
	static final List<String> DECK = List.of("00000000-0000-0000-0001-000000000001", "00000000-0000-0000-0001-000000000002",
			"00000000-0000-0000-0001-000000000003", "00000000-0000-0000-0001-000000000004",
			"00000000-0000-0000-0001-000000000005", "00000000-0000-0000-0001-000000000006",
			"00000000-0000-0000-0001-000000000007", "00000000-0000-0000-0001-000000000008",
			"00000000-0000-0000-0002-000000000001", "00000000-0000-0000-0002-000000000002",
			"00000000-0000-0000-0002-000000000003");

	static final String FUN = "00000000-0000-0000-0001-000000000003";

	static final String QUESTIONS = "query($s: String!) { session(id: $s) { questions { question descriptionGood descriptionBad libraryQuestionId } } }";

	@Autowired
	Deck deck;

	@Autowired
	QuestionLibrary library;

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	Caller lead;

	String squadId;

	@BeforeEach
	void squad() {
		lead = api.as(api.newPerson("Lead"));
		squadId = lead.execute("mutation { createSquad(input: {name: \"Deck\"}) { id } }").ok().text("createSquad.id");
	}

	@Test
	void everyCardReadsInEveryLanguageAndComesBackAsTheDecksEnglish() {
		for (String id : DECK) {
			LibraryQuestion stored = library.find(id).orElseThrow();
			assertThat(deck.shown(stored, Locale.ENGLISH)).as("English is the database's own").isEqualTo(stored);
			for (Locale language : List.of(Locale.GERMAN, Locale.FRENCH, Locale.of("es"), Locale.of("nl"))) {
				LibraryQuestion shown = deck.shown(stored, language);
				// the database's English is the bundle's, or nothing would be translated
				assertThat(shown.descriptionGood()).as("%s in %s", stored.title(), language).isNotEqualTo(stored.descriptionGood());
				assertThat(shown.descriptionBad()).as("%s in %s", stored.title(), language).isNotEqualTo(stored.descriptionBad());
				assertThat(deck.stored(shown.title(), shown.descriptionGood(), shown.descriptionBad()))
					.isEqualTo(new Deck.Texts(stored.title(), stored.descriptionGood(), stored.descriptionBad()));
			}
		}
		assertThat(deck.title(FUN, "Fun", Locale.of("de", "AT"))).isEqualTo("Spaß");
		assertThat(deck.title(FUN, "Fun", Locale.JAPANESE)).as("a language the deck is not written in").isEqualTo("Fun");
	}

	@Test
	void aDeckQuestionReadsInTheRequestsLanguageOverTheApiAndInEnglishWithoutOne() {
		String sessionId = startedSession();
		GraphQlResponse english = lead.execute(QUESTIONS, "s", sessionId).ok();
		assertThat(english.text("session.questions.2.question")).isEqualTo("Fun");
		assertThat(english.text("session.questions.2.descriptionBad")).isEqualTo("Boooooooring...");

		GraphQlResponse french = lead.acceptingLanguage("fr-CH, en;q=0.5").execute(QUESTIONS, "s", sessionId).ok();
		assertThat(french.text("session.questions.2.question")).isEqualTo("Plaisir");
		assertThat(french.text("session.questions.2.descriptionGood"))
			.isEqualTo("Nous adorons venir au travail et nous passons de super moments ensemble.");
		assertThat(french.text("session.questions.2.descriptionBad")).isEqualTo("On s’ennuiiiiiiie...");
		assertThat(french.text("session.questions.2.libraryQuestionId")).isEqualTo(FUN);

		assertThat(lead.acceptingLanguage("ja, nl;q=0.8")
			.execute("query($s: String!) { squad(id: $s) { template { question descriptionGood } } }", "s", squadId)
			.ok()
			.text("squad.template.0.question")).isEqualTo("Waarde leveren");
		assertThat(lead.acceptingLanguage("es")
			.execute("{ search(search: \"Boooooooring\") { question descriptionBad } }")
			.ok()
			.data("search")
			.findValues("question")
			.stream()
			.map(JsonNode::asString)).as("the search runs on the English").containsExactly("Diversión");
		assertThat(lead.acceptingLanguage("de")
			.execute("{ libraryQuestions(search: \"codebase\", scope: SHARED, first: 1) { questions { question descriptionBad } } }")
			.ok()
			.text("libraryQuestions.questions.0.question")).isEqualTo("Zustand der Codebasis");
		assertThat(lead.acceptingLanguage("ja").execute(QUESTIONS, "s", sessionId).ok().text("session.questions.2.question"))
			.isEqualTo("Fun");
		assertThat(lead.acceptingLanguage("fr;q=nonsense").execute(QUESTIONS, "s", sessionId).ok()
			.text("session.questions.2.question")).as("an unreadable header").isEqualTo("Fun");
	}

	@Test
	void aDeckQuestionReadsInTheReadersLanguageOnThePages() throws Exception {
		String sessionId = startedSession();
		String french = page("/sessions/" + sessionId, "fr");
		assertThat(french).contains("Apporter de la valeur")
			.contains("Nous livrons des choses dont nous sommes fiers")
			.contains(">Plaisir</option>")
			.doesNotContain("Delivering value");
		assertThat(page("/sessions/" + sessionId, null)).contains("Delivering value").doesNotContain("Apporter de la valeur");
		assertThat(page("/squads/" + squadId, "fr")).contains("Mise en production facile");
		assertThat(page("/squads/" + squadId, null)).contains("Easy to release");
	}

	@Test
	void questionsASquadWroteItselfStayAsWritten() throws Exception {
		String sessionId = lead.execute("""
				mutation($s: String!) { createSession(input: {squadId: $s, questions: [
				  {question: "Health of the codebase", descriptionGood: "Tests everywhere", descriptionBad: "Tests nowhere"},
				  {question: "Fun", descriptionGood: "Board games at lunch", descriptionBad: "Boooooooring..."}
				]}) { id } }""", "s", squadId).ok().text("createSession.id");
		GraphQlResponse french = lead.acceptingLanguage("fr").execute(QUESTIONS, "s", sessionId).ok();
		assertThat(french.text("session.questions.0.libraryQuestionId")).as("still the deck's indicator")
			.isEqualTo("00000000-0000-0000-0001-000000000004");
		assertThat(french.text("session.questions.0.question")).isEqualTo("Health of the codebase");
		assertThat(french.text("session.questions.0.descriptionGood")).isEqualTo("Tests everywhere");
		assertThat(french.text("session.questions.1.question")).as("the deck's title, kept").isEqualTo("Plaisir");
		assertThat(french.text("session.questions.1.descriptionGood")).isEqualTo("Board games at lunch");
		assertThat(french.text("session.questions.1.descriptionBad")).isEqualTo("On s’ennuiiiiiiie...");
		assertThat(page("/sessions/" + sessionId, "fr")).contains("Health of the codebase").contains("Tests everywhere");
	}

	@Test
	void theQuestionListShowsTheDeckInTheReadersLanguageAndStoresItsEnglish() throws Exception {
		assertThat(page("/squads/" + squadId + "/sessions/new", "de")).contains("value=\"Spaß\"").contains(">Spaß</strong>");
		String location = mvc.perform(post("/squads/{id}/sessions/new", squadId).with(user(lead.person().id()))
			.with(csrf())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de")
			.param("op", "start")
			.param("mode", "LIVE")
			.param("questions[0].key", "a")
			.param("questions[0].title", "Spaß")
			.param("questions[0].good", "Wir gehen gern zur Arbeit und haben richtig Spaß miteinander.")
			.param("questions[0].bad", "Laaaaaaangweilig...")
			.param("questions[1].key", "b")
			.param("questions[1].title", "Spaß am Gerät")
			.param("questions[1].good", "Neue Laptops")
			.param("questions[1].bad", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String sessionId = location.substring(location.lastIndexOf('/') + 1);
		GraphQlResponse stored = lead.execute(QUESTIONS, "s", sessionId).ok();
		assertThat(stored.text("session.questions.0.question")).isEqualTo("Fun");
		assertThat(stored.text("session.questions.0.descriptionGood")).isEqualTo("We love going to work and have a great time working together.");
		assertThat(stored.text("session.questions.0.descriptionBad")).isEqualTo("Boooooooring...");
		assertThat(stored.text("session.questions.0.libraryQuestionId")).isEqualTo(FUN);
		assertThat(stored.text("session.questions.1.question")).as("written by the squad").isEqualTo("Spaß am Gerät");
	}

	@Test
	void theApiSpeaksEnglishWhateverTheLanguageAsked() {
		String undefined = "{ nothingHere }";
		List<String> english = lead.execute(undefined).errorMessages();
		assertThat(english).isNotEmpty();
		assertThat(lead.acceptingLanguage("de").execute(undefined).errorMessages()).isEqualTo(english);
		assertThat(lead.acceptingLanguage("nl").execute(undefined).errorMessages()).isEqualTo(english);
		lead.acceptingLanguage("de")
			.execute("query($s: String!) { squadHistory(squadId: $s) { squadName } }", "s", "no-such-squad")
			.failsWith("Squad not found", "NOT_FOUND");
	}

	private String startedSession() {
		return lead.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
	}

	private String page(String path, String language) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(user(lead.person().id()));
		if (language != null) {
			request = request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
