package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.identity.Person;
import io.featurecreep.library.LibraryQuestion;
import io.featurecreep.squads.SquadManagement;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/** The question list editor: a session's questions before it starts, and the squad's template. */
@FeatureCreepTest
class QuestionListEditorTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	SquadManagement squads;

	@Autowired
	SquadTemplates templates;

	@Autowired
	SessionStore store;

	@Autowired
	SessionLifecycle lifecycle;

	Person owner;

	String squadId;

	@BeforeEach
	void squad() {
		owner = api.newPerson("Owner");
		squadId = squads.create(owner.id(), "Editors", true).id();
	}

	@Test
	void editsTravelWithTheFormAndNothingIsStoredBeforeTheStart() throws Exception {
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "up:b").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"question-editor\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*Second.*First.*")));
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "remove:a"))
			.andExpect(content().string(not(containsString("value=\"First\""))))
			.andExpect(content().string(containsString("<html")));
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "add").param("newTitle", ""))
			.andExpect(content().string(containsString("id=\"newTitle-error\"")));
		assertThat(store.findActive(squadId)).isEmpty();
	}

	@Test
	void startingUsesTheListAsShownAndAsyncNeedsADeadline() throws Exception {
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "start").param("mode", "ASYNC"))
			.andExpect(content().string(containsString("Choose when voting closes")));
		assertThat(store.findActive(squadId)).isEmpty();

		mvc.perform(list("/squads/" + squadId + "/sessions/new", "start").param("mode", "LIVE")
			.header("HX-Request", "true")).andExpect(header().string("HX-Redirect", org.hamcrest.Matchers.startsWith("/sessions/")));
		HealthSession started = store.findActive(squadId).orElseThrow();
		assertThat(started.resultVisibility()).isEqualTo(ResultVisibility.ON_REVEAL);
		assertThat(store.questions(started.id())).extracting(SessionQuestion::title).containsExactly("First", "Second");
		mvc.perform(get("/squads/{id}/sessions/new", squadId).with(user(owner.id())))
			.andExpect(redirectedUrl("/sessions/" + started.id()));
	}

	@Test
	void theTemplateIsSavedOrGoesBackToTheDefaults() throws Exception {
		mvc.perform(list("/squads/" + squadId + "/questions", "save"))
			.andExpect(redirectedUrl("/squads/" + squadId + "#questions"));
		assertThat(templates.templateOf(squadId)).extracting(LibraryQuestion::title).containsExactly("First", "Second");

		mvc.perform(list("/squads/" + squadId + "/questions", "defaults")).andExpect(status().is3xxRedirection());
		assertThat(templates.templateOf(squadId)).hasSize(8);

		Person member = api.newPerson("Member");
		squads.join(member.id(), squads.createInvite(owner.id(), squadId, java.time.Duration.ofHours(1)).token());
		mvc.perform(post("/squads/{id}/questions", squadId).param("op", "save")
			.param("questions[0].key", "a")
			.param("questions[0].title", "Mine")
			.with(user(member.id()))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(templates.templateOf(squadId)).hasSize(8);
	}

	@Test
	void suggestionsComeFromTheLibrary() throws Exception {
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "search").param("search", "relea").header("HX-Request", "true"))
			.andExpect(content().string(containsString("Easy to release")))
			.andExpect(content().string(containsString("Add: Easy to release")));
		String speed = mvc.perform(list("/squads/" + squadId + "/sessions/new", "search").param("search", "speed"))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("(?s).*value=\"library:([^\"]+)\".*", "$1");
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "library:" + speed))
			.andExpect(content().string(containsString("value=\"Speed\"")));
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "library:not-an-id"))
			.andExpect(content().string(containsString("This suggestion is no longer available")));
	}

	/**
	 * Suggestions while typing came from an address that knew nothing of the list: "Speed", already question 8,
	 * was offered with "Add", which then did nothing visible. The search now posts the list, so suggestions mark
	 * what is in it, and an added question says where it went.
	 */
	@Test
	void suggestionsWhileTypingMarkWhatIsInTheListAndAnAddSaysWhereItWent() throws Exception {
		String editor = mvc.perform(get("/squads/{id}/sessions/new", squadId).with(user(owner.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String search = editor.substring(editor.indexOf("<input id=\"search\""), editor.indexOf(">Find</button>"));
		assertThat(search).as("the search posts the whole list to the editor")
			.contains("hx-post=\"/squads/" + squadId + "/sessions/new\"")
			.contains("hx-vals='{\"op\": \"search\"}'")
			.contains("hx-select=\"#suggestions > *\"")
			.doesNotContain("/library/suggestions");

		String typed = mvc.perform(list("/squads/" + squadId + "/sessions/new", "search").param("questions[2].key", "c")
			.param("questions[2].title", "Speed")
			.param("search", "spe")
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		String suggestions = typed.substring(typed.indexOf("id=\"suggestions\""), typed.indexOf("Write a new question"));
		assertThat(suggestions).contains("In the list").doesNotContain("Add: Speed");

		String added = mvc.perform(list("/squads/" + squadId + "/sessions/new", "library:00000000-0000-0000-0001-000000000008")
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		assertThat(added).contains("role=\"status\"").contains("Added “Speed” as question 3.");
		String typedAdd = mvc.perform(list("/squads/" + squadId + "/sessions/new", "add").param("newTitle", "Pairing")
			.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		assertThat(typedAdd).contains("Added “Pairing” as question 3.");
	}

	@Test
	void aQuestionWithoutItsTitleOrKeyIsAnEmptyRowThatIsLeftOut() throws Exception {
		for (String op : new String[] { "search", "up:a", "remove:zz", "add", "start" }) {
			mvc.perform(list("/squads/" + squadId + "/sessions/new", op).param("newTitle", "Third")
				.param("questions[3].good", "no title, no key")
				.param("questions[2].key", "c")
				.header("HX-Request", "true")).andExpect(status().is2xxSuccessful());
		}
		mvc.perform(list("/squads/" + squadId + "/questions", "add").param("newTitle", "Fourth")
			.param("questions[2].bad", "no title")).andExpect(status().isOk());
		mvc.perform(list("/squads/" + squadId + "/questions", "save").param("questions[2].good", "no title"))
			.andExpect(redirectedUrl("/squads/" + squadId + "#questions"));
		assertThat(templates.templateOf(squadId)).extracting(LibraryQuestion::title).containsExactly("First", "Second");
		HealthSession started = store.findActive(squadId).orElseThrow();
		assertThat(store.questions(started.id())).extracting(SessionQuestion::title).containsExactly("First", "Second");
	}

	@Test
	void aNewSessionIsPutTogetherInTheOwnersLanguage() throws Exception {
		String page = mvc.perform(get("/squads/{id}/sessions/new", squadId).header("Accept-Language", "de")
			.with(user(owner.id()))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<title>Neuer Health Check · Feature Creep</title>", "Ablauf",
				"Asynchron: Alle stimmen bis zu einer Frist ab", "Aus der Bibliothek hinzufügen", "placeholder=\"Check Sprint 42\"",
				"Eigene Frage schreiben", ">Session starten</button>", "aria-label=\"Nach oben: ")
			.doesNotContain("How it runs", "Start the session");

		mvc.perform(list("/squads/" + squadId + "/sessions/new", "start").param("mode", "ASYNC").header("Accept-Language", "de"))
			.andExpect(content().string(containsString("Wähle, wann die Abstimmung endet")));
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "add").param("newTitle", "first")
			.header("Accept-Language", "fr")).andExpect(content().string(containsString("«\u00a0first\u00a0» est déjà dans la liste")));
		mvc.perform(list("/squads/" + squadId + "/sessions/new", "library:not-an-id").header("Accept-Language", "nl"))
			.andExpect(content().string(containsString("Deze suggestie is niet meer beschikbaar")));
	}

	/** A refusal of the lifecycle shows next to its field in the reader's language; the API keeps its English words. */
	@Test
	void aRefusedStartIsShownInTheReadersLanguageNextToItsField() throws Exception {
		String page = mvc.perform(list("/squads/" + squadId + "/sessions/new", "start").param("mode", "ASYNC")
			.param("deadline", "2020-01-01T10:00")
			.param("timeZone", "UTC")
			.header("Accept-Language", "es")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"deadline-error\">Una sesión asíncrona necesita una fecha límite en el futuro</p>");
		assertThat(store.findActive(squadId)).isEmpty();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> lifecycle.start(owner.id(), squadId,
					new SessionLifecycle.StartOptions(null, SessionMode.ASYNC, java.time.Instant.parse("2020-01-01T10:00:00Z"),
							ResultVisibility.ON_REVEAL, java.util.List.of(new SquadTemplates.NewQuestion("Fun", null, null)), null)))
			.hasMessage("An async session needs a deadline in the future");
	}

	@Test
	void theSquadsQuestionsAreEditedInTheOwnersLanguage() throws Exception {
		assertThat(mvc.perform(get("/squads/{id}/questions", squadId).header("Accept-Language", "nl")
			.with(user(owner.id()))).andReturn().getResponse().getContentAsString()).contains("Vragen voor nieuwe sessies",
					"Elke nieuwe health check van Editors begint met deze vragen.", ">Vragen opslaan",
					"Standaardvragen gebruiken")
			.doesNotContain("Ablauf", "How it runs");
		mvc.perform(post("/squads/{id}/questions", squadId).param("op", "save")
			.header("Accept-Language", "de")
			.with(user(owner.id()))
			.with(csrf()))
			.andExpect(content().string(containsString("Füge mindestens eine Frage hinzu oder nimm wieder die Standardfragen")));
	}

	/** The editor's form with two questions, First and Second (keys a and b), posted with an op. */
	private MockHttpServletRequestBuilder list(String path, String op) {
		return post(path).param("op", op)
			.param("questions[0].key", "a")
			.param("questions[0].title", "First")
			.param("questions[0].good", "")
			.param("questions[0].bad", "")
			.param("questions[1].key", "b")
			.param("questions[1].title", "Second")
			.param("questions[1].good", "Good")
			.param("questions[1].bad", "Bad")
			.with(user(owner.id()))
			.with(csrf());
	}

}
