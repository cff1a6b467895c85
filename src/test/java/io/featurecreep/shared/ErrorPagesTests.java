package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.identity.Person;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Spring refuses before a page's own code runs (an unknown address, a form value it cannot
 * convert): browsers get the error page in the app's layout, API clients RFC 9457 problem JSON; neither sees
 * Java's names for things.
 */
@FeatureCreepTest
class ErrorPagesTests {

	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	JsonMapper json;

	Person owner;

	String squadId;

	@BeforeEach
	void squad() {
		owner = api.newPerson("Owner");
		squadId = api.as(owner)
			.execute("mutation { createSquad(input: {name: \"Errors\"}) { id } }")
			.ok()
			.text("createSquad.id");
	}

	@Test
	void aRepeatedFormFieldShowsABrowserWhatWentWrongInWords() throws Exception {
		MvcResult page = perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "x", "y")
			.with(csrf())
			.header("Accept", BROWSER_ACCEPT));

		assertThat(page.getResponse().getStatus()).isEqualTo(400);
		assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getResponse().getContentAsString()).contains("validForMinutes")
			.contains("more than once")
			.contains("/css/")
			.doesNotContain("[Ljava")
			.doesNotContain("java.lang");
	}

	@Test
	void aFormValueOfTheWrongTypeShowsABrowserWhichField() throws Exception {
		MvcResult page = perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "soon")
			.with(csrf())
			.header("Accept", BROWSER_ACCEPT));

		assertThat(page.getResponse().getStatus()).isEqualTo(400);
		assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getResponse().getContentAsString()).contains("validForMinutes").doesNotContain("java.lang");
	}

	@Test
	void aRepeatedFieldIsProblemJsonInWordsForApiClients() throws Exception {
		MvcResult answer = perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "x", "y")
			.with(csrf())
			.accept(MediaType.APPLICATION_JSON));

		assertThat(answer.getResponse().getStatus()).isEqualTo(400);
		assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = json.readTree(answer.getResponse().getContentAsString());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("detail").asString()).contains("validForMinutes")
			.contains("more than once")
			.doesNotContain("[Ljava");
	}

	@Test
	void anUnknownAddressIsAnHtmlPageForBrowsers() throws Exception {
		MvcResult page = perform(get("/no/such/page").header("Accept", BROWSER_ACCEPT));

		assertThat(page.getResponse().getStatus()).isEqualTo(404);
		assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(page.getResponse().getContentAsString()).contains("<title>Page not found · Feature Creep</title>")
			.contains("This page does not exist")
			.contains("/css/")
			.doesNotContain("static resource");
	}

	@Test
	void errorPagesSpeakTheReadersLanguage() throws Exception {
		MvcResult notFound = perform(get("/no/such/page").header("Accept", BROWSER_ACCEPT).header("Accept-Language", "de-CH"));
		assertThat(notFound.getResponse().getContentAsString()).contains("<html lang=\"de\"")
			.contains("<title>Seite nicht gefunden · Feature Creep</title>")
			.contains("Diese Seite gibt es nicht")
			.contains(">Zurück zu deinem Arbeitsbereich<");

		MvcResult repeated = perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "x", "y")
			.with(csrf())
			.header("Accept", BROWSER_ACCEPT)
			.header("Accept-Language", "fr"));
		assertThat(repeated.getResponse().getStatus()).isEqualTo(400);
		assertThat(repeated.getResponse().getContentAsString()).contains("Cela n’a pas fonctionné")
			.contains("Le formulaire a envoyé validForMinutes plusieurs fois.");
	}

	/**
	 * Error pages rendered from exception handlers (an unknown address, a refused filter, a page's own refusal) get
	 * no model attributes of the pages' advice: they showed "Sign in / Sign up" to people who were signed in.
	 */
	@Test
	void errorPagesKeepTheSignedInPersonsHeader() throws Exception {
		for (MockHttpServletRequestBuilder request : java.util.List.of(get("/this/does/not/exist"),
				get("/squads/{id}/history.csv", squadId).param("from", "garbage"), get("/squads/no-such-squad"),
				post("/squads/{id}/invites", squadId).param("validForMinutes", "soon").with(csrf()))) {
			MvcResult page = perform(request.header("Accept", BROWSER_ACCEPT));
			assertThat(page.getResponse().getStatus()).isBetween(400, 499);
			assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
			assertThat(page.getResponse().getContentAsString()).as(page.getRequest().getRequestURI())
				.contains("Owner Tester")
				.contains("Sign out")
				.doesNotContain(">Sign up<")
				.doesNotContain(">Sign in<");
		}
	}

	@Test
	void anUnknownAddressIsProblemJsonForApiClients() throws Exception {
		for (String accept : new String[] { "application/json", "*/*", "application/problem+json" }) {
			MvcResult answer = perform(get("/no/such/page").header("Accept", accept));

			assertThat(answer.getResponse().getStatus()).isEqualTo(404);
			assertThat(answer.getResponse().getContentType()).as(accept)
				.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			JsonNode problem = json.readTree(answer.getResponse().getContentAsString());
			assertThat(problem.path("status").asInt()).isEqualTo(404);
			assertThat(problem.path("title").asString()).isEqualTo("Not Found");
		}
	}

	@Test
	void theErrorAddressCalledDirectlyIsNotFoundInTheFormatTheClientAccepts() throws Exception {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE }) {
			MvcResult page = perform(request(method, "/error").with(csrf()).header("Accept", BROWSER_ACCEPT));
			assertThat(page.getResponse().getStatus()).as(method + " page").isEqualTo(404);
			assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
			assertThat(page.getResponse().getContentAsString()).contains("This page does not exist");

			MvcResult answer = perform(request(method, "/error").with(csrf()).accept(MediaType.APPLICATION_JSON));
			assertThat(answer.getResponse().getStatus()).as(method + " JSON").isEqualTo(404);
			assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(json.readTree(answer.getResponse().getContentAsString()).path("status").asInt()).isEqualTo(404);

			for (String accept : new String[] { "text/event-stream", "garbage", "image/png" }) {
				MvcResult other = perform(request(method, "/error").with(csrf()).header("Accept", accept));
				assertThat(other.getResponse().getStatus()).as(method + " " + accept).isEqualTo(404);
			}
		}
	}

	@Test
	void aFormFieldTheFormDoesNotHaveIsABadRequestInWords() throws Exception {
		for (String field : new String[] { "questions[-1].key", "questions[ ].good", "questions[0][1]", "questions[x].title",
				"questions[99999999].title", "questions[100].title" }) {
			MvcResult page = perform(post("/squads/{id}/questions", squadId).param(field, "x")
				.with(csrf())
				.header("Accept", BROWSER_ACCEPT));
			assertThat(page.getResponse().getStatus()).as(field).isEqualTo(400);
			assertThat(page.getResponse().getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
			assertThat(page.getResponse().getContentAsString()).contains("questions[")
				.contains("does not have")
				.doesNotContain("java.")
				.doesNotContain("bean class");

			MvcResult answer = perform(post("/squads/{id}/sessions/new", squadId).param(field, "x")
				.with(csrf())
				.accept(MediaType.APPLICATION_JSON));
			assertThat(answer.getResponse().getStatus()).as(field).isEqualTo(400);
			assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(json.readTree(answer.getResponse().getContentAsString()).path("detail").asString())
				.contains("does not have");
		}
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(owner.id()))).andReturn();
	}

}
