package io.featurecreep.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import io.featurecreep.support.Chromium;

/**
 * The rough edges of issue #13, in a real browser: what a signed-in person sees of an unknown address, the
 * facilitator's controls on a phone, one person voting in two tabs, the library search while shaping a session,
 * times in the reader's zone, GraphiQL and the icon without console errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RoughEdgesBrowserTests {

	static Chromium chromium;

	@LocalServerPort
	int port;

	/** Seen whole on the screen, not only in part. */
	static final LocatorAssertions.IsInViewportOptions WHOLLY = new LocatorAssertions.IsInViewportOptions().setRatio(1);

	final List<Participant> participants = new ArrayList<>();

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

	@AfterEach
	void noConsoleErrors() {
		List<String> problems = participants.stream().flatMap(p -> p.problems().stream()).toList();
		participants.forEach(Participant::close);
		assertThat(problems).as("console and script errors").isEmpty();
	}

	Participant participant(String name, boolean phone) {
		Participant participant = new Participant(chromium, "http://localhost:" + port, name, phone, false);
		participants.add(participant);
		return participant;
	}

	@Test
	void aSignedInPersonKeepsTheSiteAndTheirHeaderOnAnUnknownAddressOrARefusedDownload() {
		Participant ada = participant("Ada", false);
		ada.signUp();
		String squad = squad(ada, "Platform");

		for (String path : List.of("/this/does/not/exist", squad.replace("http://localhost:" + port, "")
				+ "/history.csv?from=garbage")) {
			Response answer = ada.page.navigate("http://localhost:" + port + path);
			assertThat(answer.status()).as(path).isBetween(400, 404);
			assertThat(answer.headerValue("content-type")).as(path).startsWith("text/html");
			assertThat(ada.page.locator("header")).containsText("Ada Tester");
			assertThat(ada.page.locator("header")).containsText("Sign out");
			assertThat(ada.page.locator("header")).not().containsText("Sign up");
		}
		assertThat(ada.page.locator("main")).containsText("Enter a date as YYYY-MM-DD");
		ada.check("error-signed-in");
		ada.problems().removeIf(problem -> problem.contains("status of 404") || problem.contains("status of 400"));
	}

	@Test
	void onAPhoneTheFacilitatorReachesRevealNextAndEndWhereverThePageIsScrolled() {
		Participant ada = participant("Ada", true);
		ada.signUp();
		squad(ada, "Phone squad");
		ada.link("Start a health check").click();
		ada.button("Start the session").click();
		assertThat(ada.page.locator("#question-title")).isVisible();
		assertThat(ada.page.locator("#action-form")).isVisible();

		ada.settled();
		for (String scroll : List.of("window.scrollTo(0, 0)", "window.scrollTo(0, document.body.scrollHeight / 2)",
				"window.scrollTo(0, document.body.scrollHeight)")) {
			ada.page.evaluate(scroll);
			for (String control : List.of("#reveal", "#next", "#end-summary")) {
				assertThat(ada.page.locator(control)).isInViewport(WHOLLY);
			}
		}
		ada.page.evaluate("window.scrollTo(0, 0)");
		ada.check("live-facilitator-phone");
		// the page's end clears the bar: its last button can be seen whole above it
		ada.page.evaluate("window.scrollTo(0, document.body.scrollHeight)");
		BoundingBox bar = ada.page.locator(".facilitator-bar").boundingBox();
		BoundingBox last = ada.page.locator("#action-form button[type=submit]").boundingBox();
		assertThat(last.y + last.height).as("the last button ends above the bar").isLessThanOrEqualTo(bar.y);

		ada.button("Reveal results").click();
		assertThat(ada.page.locator("#stage")).containsText("No votes");
		ada.button("Next →").click();
		assertThat(ada.page.locator("#question-title")).hasText("Easy to release");
		ada.page.locator("#end-summary").click();
		ada.button("End session and show results").click();
		assertThat(ada.page).hasURL(Pattern.compile(".*/results$"));

		// times in the reader's zone (Europe/Berlin), saying which
		assertThat(ada.page.locator("main time").first()).hasText(Pattern.compile(".*\\d{2}:\\d{2}.*(CET|CEST|GMT\\+[12]).*"));
		ada.link("Back to the squad").click();
		ada.link("History and trends").click();
		assertThat(ada.page.locator(".heat-table thead time").first())
			.hasText(Pattern.compile(".*\\d{2}:\\d{2}.*(CET|CEST|GMT\\+[12]).*"));
		assertThat(ada.page.locator("#band-rule")).containsText("red below 0.5");
	}

	@Test
	void onePersonVotingInTwoTabsSeesTheVoteTheServerKeptInBoth() {
		Participant ada = participant("Ada", false);
		ada.signUp();
		squad(ada, "Two tabs");
		ada.link("Start a health check").click();
		ada.button("Start the session").click();
		assertThat(ada.page.locator("#question-title")).isVisible();
		String session = ada.page.url();
		Page other = ada.newTab();
		other.navigate(session);
		assertThat(other.locator("#question-title")).isVisible();
		ada.settled();

		vote(ada.page, "Red");
		assertThat(other.locator("#stage").getByLabel("Red")).isChecked();
		vote(other, "Green");

		assertThat(other.locator("#stage").getByLabel("Green")).isChecked();
		assertThat(ada.page.locator("#stage").getByLabel("Green")).isChecked();
		assertThat(ada.page.locator("#stage").getByLabel("Red")).not().isChecked();
		assertThat(ada.page.locator("#vote-count")).hasText("1 of 1 voted");
	}

	@Test
	void theLibrarySearchMarksWhatIsInTheListAndAnAddSaysWhereItWent() {
		Participant ada = participant("Ada", true);
		ada.signUp();
		squad(ada, "Search squad");
		ada.link("Start a health check").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(8);

		ada.settled().page.getByLabel("Search the questions teams use").pressSequentially("spe");
		Locator speed = ada.page.locator("#suggestions li").filter(new Locator.FilterOptions().setHasText("Speed"));
		assertThat(speed).containsText("In the list");
		assertThat(ada.button("Add: Speed")).hasCount(0);

		ada.button("Drop: Speed").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(7);
		ada.settled().page.getByLabel("Search the questions teams use").fill("");
		ada.page.getByLabel("Search the questions teams use").pressSequentially("spe");
		ada.button("Add: Speed").click();
		assertThat(ada.page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Speed")))
			.hasText("Added “Speed” as question 8.");
		assertThat(ada.page.locator("#question-list > li")).hasCount(8);
		ada.check("library-added");
	}

	@Test
	void graphiqlAndTheIconLoadWithoutErrors() {
		Participant ada = participant("Ada", false);
		ada.signUp();
		ada.open("/graphiql");
		assertThat(ada.page.locator(".graphiql-container")).isVisible();
		ada.page.waitForLoadState();
		Response icon = ada.page.navigate("http://localhost:" + port + "/favicon.ico");
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.headerValue("content-type")).startsWith("image/");
	}

	private static String squad(Participant owner, String name) {
		owner.open("/squads/new");
		owner.page.getByLabel("Squad name").fill(name);
		owner.button("Create squad").click();
		assertThat(owner.page.locator("h1")).hasText(name);
		return owner.page.url();
	}

	private static void vote(Page tab, String colour) {
		Locator stage = tab.locator("#stage");
		stage.getByText(colour, new Locator.GetByTextOptions().setExact(true)).click();
		stage.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^(Vote|Change my vote)$")))
			.click();
		assertThat(stage.getByText(Pattern.compile("Your vote is in|You have voted"))).isVisible();
	}

}
