package io.featurecreep.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;

import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.support.Chromium;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/**
 * A squad's history and the organisation matrix in a real browser, at laptop width and on a 375 px phone in
 * dark mode: every cell says its count, a cell reached by keyboard shows its details, the tables scroll inside
 * their box (not the page), the charts draw, and axe-core finds no serious problem.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class InsightsBrowserTests {

	static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GraphQlApi api;

	@Autowired
	People people;

	@BeforeAll
	static void launch() {
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
		chromium = Chromium.launch();
	}

	@AfterAll
	static void quit() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anAdminReadsTheHistoryAndTheMatrixByMouseAndKeyboardOnLaptopAndPhone() {
		try (Participant ada = new Participant(chromium, "http://localhost:" + port, "Ada", false, false)) {
			ada.signUp();
			assertThat(ada.page).hasURL(Pattern.compile(".*/workspace$"));
			Person me = people.findById(jdbc.sql("select id from person where email = ?").param(ada.email).query(String.class).single())
				.orElseThrow();
			jdbc.sql("insert into organisation_admin (organisation_id, person_id) select ?, ? where not exists "
					+ "(select 1 from organisation_admin where person_id = ?)")
				.params(me.organisationId(), me.id(), me.id())
				.update();
			Caller lead = api.as(me);
			List<Caller> team = List.of(lead, api.as(api.newPerson("Bo")), api.as(api.newPerson("Cy")));
			String squadId = squad(lead, team, "Insights squad");
			session(lead, team, squadId, 0);
			session(lead, team, squadId, 2);

			ada.open("/squads/" + squadId);
			ada.link("History and trends").click();
			assertThat(ada.page.locator("h1")).hasText("History and trends");
			assertThat(ada.page.locator(".heat").first()).containsText("n=3");
			assertThat(ada.page.locator(".heat.band-green").first()).containsText("↗");
			ada.page.waitForFunction("() => window.Chart && document.querySelector('canvas[data-chart]').width > 0");
			tabTo(ada.page, ".heat");
			assertThat(ada.page.locator("#cell-details")).containsText("n=3");
			assertThat(ada.page.locator("#cell-details")).containsText("Red 3, yellow 0, green 0");
			ada.check("insights-history");

			ada.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
			ada.page.setViewportSize(375, 800);
			ada.page.reload();
			assertThat(ada.page.locator(".heat").first()).containsText("n=3");
			assertThat(pageScrollsSideways(ada.page)).as("the page itself does not scroll sideways at 375 px").isFalse();
			ada.check("insights-history-375-dark");

			ada.open("/workspace");
			ada.link("Organisation matrix").click();
			assertThat(ada.page.locator("h1")).hasText("Organisation matrix");
			assertThat(ada.page.locator("tr", new Page.LocatorOptions().setHasText("Insights squad")).locator(".heat").first())
				.containsText("n=3");
			assertThat(pageScrollsSideways(ada.page)).as("the page itself does not scroll sideways at 375 px: %s", ada.page.evaluate(
					"() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"))
				.isFalse();
			ada.check("insights-matrix-375-dark");

			ada.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
			ada.page.setViewportSize(1280, 900);
			ada.page.reload();
			tabTo(ada.page, ".heat");
			assertThat(ada.page.locator("#cell-details")).containsText("n=");
			ada.check("insights-matrix");

			assertThat(ada.problems()).as("console and script errors").isEmpty();
		}
	}

	@Test
	void aSquadAgreesOnActionsDuringASessionAndReviewsThemAtTheNextOne() {
		try (Participant ada = new Participant(chromium, "http://localhost:" + port, "Ada", false, false);
				Participant bo = new Participant(chromium, "http://localhost:" + port, "Bo", true, true)) {
			Caller lead = api.as(signedUp(ada));
			Caller member = api.as(signedUp(bo));
			String squadId = squad(lead, List.of(lead, member), "Actions squad");
			String first = startSession(lead, squadId);
			ada.open("/sessions/" + first);
			bo.open("/sessions/" + first);
			assertThat(bo.page.locator("#discussion")).containsText("No notes yet.");

			// Bo, on his phone, writes a note about the question on screen; Ada sees it without reloading
			bo.page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("Deploys wait for Fridays");
			bo.button("Add note").click();
			assertThat(bo.page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true))).hasValue("");
			assertThat(ada.page.locator("#discussion-list")).containsText("Deploys wait for Fridays");
			assertThat(ada.page.locator("#discussion-list")).containsText("about Delivering value");

			// Ada agrees on an action by keyboard alone: type, pick the owner, Enter
			ada.page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).focus();
			ada.page.keyboard().type("Deploy on demand");
			ada.page.keyboard().press("Tab");
			ada.page.keyboard().press("Tab");
			ada.page.getByLabel("Owner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Bo Tester"));
			ada.page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).press("Enter");
			assertThat(bo.page.locator("#discussion-list")).containsText("Deploy on demand");
			assertThat(bo.page.locator("#discussion-list")).containsText("Bo Tester");
			ada.check("discussion-live");
			bo.check("discussion-live");

			// an action without a title is refused where it was typed
			ada.button("Add action").click();
			assertThat(ada.page.locator("#action-error")).isVisible();
			ada.check("discussion-error");

			lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", first).ok();
			assertThat(bo.page).hasURL(Pattern.compile(".*/results$"));
			assertThat(bo.page.locator("#discussion")).containsText("Deploy on demand");

			// the next session starts with the open action; Bo closes it and Ada's review follows
			String second = startSession(lead, squadId);
			ada.open("/sessions/" + second);
			bo.open("/sessions/" + second);
			assertThat(ada.page.locator("#review")).containsText("Deploy on demand");
			ada.check("discussion-review");
			bo.page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Done: Deploy on demand")).click();
			assertThat(bo.page.locator("#review")).containsText("All reviewed.");
			assertThat(ada.page.locator("#review")).containsText("All reviewed.");

			ada.open("/squads/" + squadId);
			assertThat(ada.page.locator("#actions")).containsText("Nothing open.");
			assertThat(pageScrollsSideways(bo.page)).as("the session page does not scroll sideways at 375 px").isFalse();
			assertThat(ada.problems()).as("console and script errors").isEmpty();
			assertThat(bo.problems()).as("console and script errors").isEmpty();
		}
	}

	private static String startSession(Caller lead, String squadId) {
		return lead.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
	}

	private Person signedUp(Participant participant) {
		participant.signUp();
		assertThat(participant.page).hasURL(Pattern.compile(".*/workspace$"));
		return people.findById(jdbc.sql("select id from person where email = ?").param(participant.email).query(String.class).single())
			.orElseThrow();
	}

	/** Presses Tab until an element matching the selector has the focus. */
	static void tabTo(Page page, String selector) {
		for (int i = 0; i < 40; i++) {
			page.keyboard().press("Tab");
			if (Boolean.TRUE.equals(page.evaluate("s => document.activeElement.matches(s)", selector))) {
				return;
			}
		}
		throw new AssertionError("no " + selector + " reached by keyboard");
	}

	/**
	 * Whether the page is wider than the window, measured once its style sheet has loaded: after a click on a
	 * link Playwright goes on as soon as the new page's DOM is there, and without the style sheet a table that
	 * scrolls in its box spills over the page (a flaky failure on CI).
	 */
	static boolean pageScrollsSideways(Page page) {
		page.waitForLoadState();
		return Boolean.TRUE.equals(page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"));
	}

	static String squad(Caller lead, List<Caller> team, String name) {
		String squadId = lead.execute("mutation($n: String!) { createSquad(input: {name: $n, anonymous: false}) { id } }", "n", name)
			.ok()
			.text("createSquad.id");
		String token = lead.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		team.subList(1, team.size()).forEach(m -> m.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok());
		return squadId;
	}

	static void session(Caller lead, List<Caller> voters, String squadId, int colour) {
		GraphQlResponse session = lead
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		for (Caller voter : voters) {
			session.data("createSession.questions").forEach(q -> voter
				.execute("mutation($s: String!, $q: String!, $a: Int!, $t: Trend) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t}) { id } }",
						"s", sessionId, "q", q.path("id").asString(), "a", colour, "t", "IMPROVING")
				.ok());
		}
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		String history = "query($s: String!) { squadHistory(squadId: $s) { sessions { sessionId } } }";
		await().atMost(Duration.ofSeconds(10))
			.until(() -> lead.execute(history, "s", squadId).ok().data("squadHistory.sessions").findValues("sessionId")
				.stream()
				.anyMatch(id -> id.asString().equals(sessionId)));
	}

}
