package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/**
 * Notes and actions on the pages: written during a live session about the question on screen, kept in the
 * results, reviewed at the next session and on the squad page; only for the squad's members.
 */
@FeatureCreepTest
class DiscussionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	Caller lead;

	Caller member;

	Caller outsider;

	String squadId;

	String sessionId;

	String secondQuestion;

	@BeforeEach
	void liveSessionOnItsSecondQuestion() {
		lead = api.as(api.newPerson("Lead"));
		member = api.as(api.newPerson("Mia"));
		outsider = api.as(api.newPerson("Oz"));
		squadId = lead.execute("mutation { createSquad(input: {name: \"Talks\", anonymous: true}) { id } }").ok().text("createSquad.id");
		String token = lead.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		GraphQlResponse session = lead
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		sessionId = session.text("createSession.id");
		secondQuestion = session.text("createSession.questions.1.id");
		lead.execute("mutation($s: String!, $q: String!) { setActiveQuestion(input: {sessionId: $s, questionId: $q}) { id } }", "s",
				sessionId, "q", secondQuestion)
			.ok();
	}

	@Test
	void notesAndActionsWrittenDuringTheSessionAreAboutTheQuestionOnScreen() throws Exception {
		String page = page("/sessions/" + sessionId, member);
		assertThat(page).contains("Notes and actions").contains("The question on screen").contains("No notes yet.");

		mvc.perform(htmx(post("/sessions/{id}/notes", sessionId), member).param("body", "Releases wait for the Friday train")
				.param("questionId", "current"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", DiscussionPages.CHANGED))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.as("the form comes back empty")
				.contains("id=\"note-form\"")
				.doesNotContain("Releases wait"));
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member).param("title", "Release on demand")
				.param("questionId", "current")
				.param("ownerId", lead.person().id())
				.param("dueDate", inTwoWeeks()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", DiscussionPages.CHANGED));

		String list = page("/sessions/" + sessionId + "/discussion", lead);
		assertThat(list).contains("Releases wait for the Friday train")
			.contains("Mia")
			.containsPattern("about</span> <span>Easy to release</span>")
			.contains("Release on demand")
			.contains("Lead")
			.contains("due " + java.time.LocalDate.parse(inTwoWeeks())
				.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)))
			.containsPattern("moves</span>\\s*<span>Easy to release</span>");
		String actions = lead
			.execute("query($s: String!) { squad(id: $s) { actions { title indicatorId } } }", "s", squadId)
			.ok()
			.text("squad.actions.0.indicatorId");
		assertThat(actions).isEqualTo("00000000-0000-0000-0001-000000000002");
	}

	@Test
	void aRefusedNoteOrActionSaysWhyAndKeepsWhatWasTyped() throws Exception {
		String emptyNote = mvc.perform(htmx(post("/sessions/{id}/notes", sessionId), member).param("body", "  "))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Trigger"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(emptyNote).contains("id=\"note-error\"").contains("aria-invalid=\"true\"").contains("Note");

		String badDate = mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member).param("title", "Pair on releases")
				.param("dueDate", "18/12/2026"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(badDate).contains("Enter the due date as YYYY-MM-DD, e.g. 2026-12-31").contains("value=\"Pair on releases\"")
			.contains("value=\"18/12/2026\"");

		String foreignOwner = mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member)
				.param("title", "Ask Oz")
				.param("ownerId", outsider.person().id()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(foreignOwner).contains("An action&#39;s owner must be a member of the squad").contains("value=\"Ask Oz\"");
		assertThat(page("/sessions/" + sessionId + "/discussion", lead)).contains("No notes yet.").contains("No actions yet.");
	}

	@Test
	void notesAndActionsSpeakTheReadersLanguageTheDecksQuestionsToo() throws Exception {
		String page = mvc.perform(get("/sessions/{id}", sessionId).with(user(member.person().id())).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Notizen und Maßnahmen")
			.contains("Noch keine Notizen.")
			.contains(">Die Frage auf dem Bildschirm</option>")
			.contains(">Einfache Releases</option>")
			.contains(">Maßnahme hinzufügen</button>")
			.doesNotContain("Notes and actions");

		String emptyNote = mvc.perform(htmx(post("/sessions/{id}/notes", sessionId), member).header("Accept-Language", "de")
				.param("body", " "))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(emptyNote).contains("Die Notiz darf nicht leer sein");
		String foreignOwner = mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member)
				.header("Accept-Language", "fr")
				.param("title", "Demander à Oz")
				.param("ownerId", outsider.person().id()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(foreignOwner).contains("Le ou la responsable d’une action doit être membre de la squad");

		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member).param("title", "Release on demand")
			.param("questionId", "current")).andExpect(status().isOk());
		String list = mvc.perform(get("/sessions/{id}/discussion", sessionId).with(user(lead.person().id()))
				.header("Accept-Language", "de"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Vereinbarte Maßnahmen")
			.contains("Niemand verantwortlich")
			.containsPattern("verbessert</span>\\s*<span>Einfache Releases</span>")
			.contains(">Offen</span>")
			.contains("aria-label=\"Erledigt: Release on demand\"");
	}

	/** A due date already over where the person is was taken, and the action was "Overdue" at once. */
	@Test
	void aDueDateInThePastIsRefusedNextToTheDateAndWhatWasTypedStays() throws Exception {
		String lastWeek = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(7).toString();
		String refused = mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member).param("title", "Ship it")
				.param("ownerId", lead.person().id())
				.param("dueDate", lastWeek)
				.param("timeZone", "Europe/Berlin"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Trigger"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"action-due-error\"")
			.contains("The due date " + lastWeek + " has passed. Choose today or a later day.")
			.contains("value=\"Ship it\"")
			.contains("value=\"" + lastWeek + "\"")
			.containsPattern("id=\"action-due\"[^>]*aria-invalid=\"true\"");
		assertThat(page("/sessions/" + sessionId + "/discussion", lead)).doesNotContain("Ship it").doesNotContain("Overdue");

		lead.execute("mutation($s: String!, $d: String) { addAction(input: {sessionId: $s, title: \"Old\", dueDate: $d}) { id } }",
				"s", sessionId, "d", lastWeek)
			.failsWith("The due date " + lastWeek + " has passed. Choose today or a later day.", "BAD_USER_INPUT");

		String today = java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).toString();
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), member).param("title", "Today where I am")
				.param("dueDate", today)
				.param("timeZone", "Pacific/Kiritimati"))
			.andExpect(header().string("HX-Trigger", DiscussionPages.CHANGED));
		assertThat(page("/sessions/" + sessionId + "/discussion", lead)).contains("Today where I am").doesNotContain("Overdue");
	}

	static String inTwoWeeks() {
		return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString();
	}

	@Test
	void withoutScriptsTheFormsPostAndComeBack() throws Exception {
		mvc.perform(post("/sessions/{id}/notes", sessionId).param("body", "Plain form").with(user(member.person().id())).with(csrf()))
			.andExpect(redirectedUrl("/sessions/" + sessionId));
		mvc.perform(post("/sessions/{id}/notes", sessionId).param("body", "").with(user(member.person().id())).with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(page("/sessions/" + sessionId, member)).contains("Plain form");
	}

	@Test
	void openActionsComeBackAtTheNextSessionAndOnTheSquadPageUntilClosed() throws Exception {
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), lead).param("title", "Automate the changelog"));
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), lead).param("title", "Try mob Fridays"));
		assertThat(page("/squads/" + squadId, member)).contains("Open actions").contains("Automate the changelog");
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		assertThat(page("/sessions/" + sessionId + "/results", member)).contains("Automate the changelog")
			.doesNotContain("Actions from earlier sessions");

		String next = lead.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		String review = page("/sessions/" + next, member);
		assertThat(review).contains("Actions from earlier sessions").contains("Automate the changelog").contains("Try mob Fridays");
		assertThat(review.indexOf("Actions from earlier sessions")).as("reviewed before the questions")
			.isLessThan(review.indexOf("id=\"stage\""));

		String changelog = lead.execute("query($s: String!) { squad(id: $s) { actions { id title } } }", "s", squadId)
			.ok()
			.data("squad.actions")
			.valueStream()
			.filter(action -> action.path("title").asString().equals("Automate the changelog"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		mvc.perform(htmx(post("/actions/{id}/status", changelog), member).param("status", "DONE").param("sessionId", next))
			.andExpect(status().isNoContent())
			.andExpect(header().string("HX-Trigger", DiscussionPages.CHANGED));
		assertThat(page("/sessions/" + next + "/review", member)).doesNotContain("Automate the changelog").contains("Try mob Fridays");
		assertThat(page("/squads/" + squadId + "/actions", member)).contains("Open actions").doesNotContain("Automate the changelog");

		mvc.perform(post("/actions/{id}/status", changelog).param("status", "OPEN")
				.with(user(member.person().id()))
				.with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId));
		mvc.perform(post("/actions/{id}/status", changelog).param("status", "OPEN").param("sessionId", "//elsewhere.example")
				.with(user(member.person().id()))
				.with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId));
		mvc.perform(post("/actions/{id}/status", changelog).param("status", "FINISHED")
				.with(user(member.person().id()))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(page("/squads/" + squadId, member)).contains("Automate the changelog");
	}

	@Test
	void aNoteTellsEveryLivePageToFetchTheDiscussionAgain() throws Exception {
		MvcResult stream = mvc.perform(get("/sessions/{id}/events", sessionId).with(user(lead.person().id()))
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> stream.getResponse().getContentAsString().contains("event:sync"));
		mvc.perform(htmx(post("/sessions/{id}/notes", sessionId), member).param("body", "Heard by everyone"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> stream.getResponse().getContentAsString().contains("event:discussion"));
	}

	@Test
	void outsidersCanNeitherReadNorWrite() throws Exception {
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), lead).param("title", "Secret plan"));
		String actionId = lead.execute("query($s: String!) { squad(id: $s) { actions { id } } }", "s", squadId)
			.ok()
			.text("squad.actions.0.id");
		for (String path : new String[] { "/sessions/" + sessionId + "/discussion", "/sessions/" + sessionId + "/review",
				"/squads/" + squadId + "/actions" }) {
			mvc.perform(get(path).with(user(outsider.person().id()))).andExpect(status().isNotFound());
		}
		mvc.perform(htmx(post("/sessions/{id}/notes", sessionId), outsider).param("body", "Let me in"))
			.andExpect(status().isNotFound());
		mvc.perform(htmx(post("/sessions/{id}/actions", sessionId), outsider).param("title", "Let me in"))
			.andExpect(status().isNotFound());
		mvc.perform(htmx(post("/actions/{id}/status", actionId), outsider).param("status", "DROPPED"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/sessions/{id}/notes", sessionId).param("body", "No token").with(user(member.person().id())))
			.andExpect(status().isForbidden());
		assertThat(page("/sessions/" + sessionId + "/discussion", lead)).contains("Secret plan").doesNotContain("Let me in");
	}

	private String page(String path, Caller caller) throws Exception {
		return mvc.perform(get(path).with(user(caller.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, Caller caller) {
		return request.header("HX-Request", "true").with(user(caller.person().id())).with(csrf());
	}

}
