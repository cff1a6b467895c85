package io.featurecreep.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.featurecreep.support.Chromium;

/**
 * Whole health checks in real browsers: three people, each in a browser of their own (a laptop, and phones in
 * light and dark mode), from sign-up to results, seeing each other's progress live. Every page they see is
 * saved under target/screenshots and checked with axe-core; no page may log a console error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthCheckBrowserTests {

	static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

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

	Participant participant(String name, boolean phone, boolean dark) {
		Participant participant = new Participant(chromium, "http://localhost:" + port, name, phone, dark);
		participants.add(participant);
		return participant;
	}

	@Test
	void threePeopleRunALiveHealthCheckFromSignUpToResults() {
		Participant ada = participant("Ada", false, false);
		Participant bob = participant("Bob", true, true);
		Participant cy = participant("Cy", true, false);

		ada.open("/").check("landing");
		bob.open("/").check("landing");
		ada.link("Create an account").click();
		ada.check("sign-up");
		ada.fillSignUpForm();
		ada.check("signed-up");
		ada.signInAfterSignUp();
		assertThat(ada.page).hasURL(Pattern.compile(".*/workspace$"));
		ada.check("workspace-empty");

		ada.link("Create a squad").click();
		ada.check("create-squad");
		ada.button("Create squad").click();
		assertThat(ada.page.locator("#name-error")).containsText("must not be empty");
		ada.page.getByLabel("Squad name").fill("Platform");
		ada.button("Create squad").click();
		assertThat(ada.page.locator("h1")).hasText("Platform");
		ada.button("Create invite link").click();
		String invite = ada.page.locator("[data-invite-link]").first().inputValue();
		assertThat(invite).contains("/join/");
		ada.button("Copy").click();
		assertThat(ada.page.locator("[data-copy-status]").first()).hasText(Pattern.compile("Link copied\\.|Ctrl\\+C"));
		ada.check("squad-owner");

		// Bob opens the link before he has an account: sign-in first, then straight back to the link
		bob.open(invite);
		assertThat(bob.page).hasURL(Pattern.compile(".*/signin$"));
		assertThat(bob.page.locator("main")).containsText("to join the squad that invited you");
		bob.check("sign-in");
		bob.link("Sign up").click();
		bob.fillSignUp();
		assertThat(bob.page.locator("h1")).containsText("Join Platform");
		bob.check("join");
		bob.button("Join squad").click();
		assertThat(bob.page.getByText("Welcome to Platform!")).isVisible();
		bob.check("squad-member");

		cy.open(invite);
		cy.link("Sign up").click();
		cy.fillSignUp();
		cy.button("Join squad").click();
		assertThat(cy.page.locator("h1")).hasText("Platform");

		// Ada prepares the session: a short list, one question of her own, moved to the top
		ada.open(ada.page.url().replaceAll("#.*", ""));
		assertThat(ada.page.locator("#members li")).hasCount(3);
		ada.link("Start a health check").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(8);
		ada.check("session-setup");
		for (int i = 0; i < 6; i++) {
			ada.page.locator("#question-list > li").last().getByText("Drop").click();
			assertThat(ada.page.locator("#question-list > li")).hasCount(7 - i);
		}
		ada.settled().page.getByLabel("Search the questions teams use").pressSequentially("spe");
		assertThat(ada.page.locator("#suggestions")).containsText("Speed");
		ada.button("Add: Speed").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(3);
		ada.button("Add question").click();
		assertThat(ada.page.locator("#newTitle-error")).hasText("Please write the question");
		ada.page.getByLabel("Question", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
			.fill("Pair programming");
		ada.page.getByLabel("What green looks like").fill("We pair on anything hard");
		ada.button("Add question").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(4);
		for (int position = 2; position >= 0; position--) {
			ada.button("Move up: Pair programming").click();
			assertThat(ada.page.locator("#question-list > li").nth(position)).containsText("Pair programming");
		}
		assertThat(ada.page.locator("#question-list > li").first()).containsText("Pair programming");
		ada.check("session-setup-edited");
		ada.button("Start the session").click();
		assertThat(ada.page.locator("#question-title")).hasText("Pair programming");
		String sessionUrl = ada.page.url();

		bob.link("Workspace").click();
		bob.check("workspace-running");
		bob.link("Join session (Platform)").click();
		cy.open(sessionUrl);
		for (Participant each : List.of(ada, bob, cy)) {
			assertThat(each.page.locator("#question-title")).hasText("Pair programming");
			assertThat(each.page.locator("#vote-count")).hasText("0 of 3 voted");
		}
		ada.check("live-facilitator");
		bob.check("live-voter");

		// each vote shows on the other screens: who voted, never what
		vote(bob, "Green", "Better", "Pairing is our default");
		for (Participant each : List.of(ada, cy)) {
			assertThat(each.page.locator("#vote-count")).hasText("1 of 3 voted");
			assertThat(each.page.locator("#status")).containsText("✓");
		}
		assertThat(ada.page.locator("#stage")).not().containsText("Pairing is our default");
		vote(cy, "Red", "Worse", null);
		vote(ada, "Yellow", null, null);
		for (Participant each : List.of(ada, bob, cy)) {
			assertThat(each.page.locator("#vote-count")).hasText("3 of 3 voted");
		}
		cy.check("live-voted");

		ada.button("Reveal results").click();
		for (Participant each : List.of(ada, bob, cy)) {
			assertThat(each.page.locator("#stage .numbers").first()).containsText("3 votes");
			assertThat(each.page.locator("#stage")).containsText("1 red");
			assertThat(each.page.locator("#stage")).containsText("Pairing is our default");
		}
		bob.check("live-revealed");
		ada.check("live-revealed");

		// every screen follows the facilitator (how fast is the live-session benchmark's business, not a test's)
		ada.button("Next →").click();
		for (Participant each : List.of(ada, bob, cy)) {
			assertThat(each.page.locator("#question-title")).not().hasText("Pair programming");
		}
		String second = ada.page.locator("#question-title").textContent();
		ada.button("1 min").click();
		assertThat(bob.page.locator("#timer .timer")).isVisible();
		assertThat(cy.page.locator("#timer .timer")).hasText(Pattern.compile("0:5\\d|1:00"));
		bob.check("live-timer");

		// a reload (or someone joining late) lands on the current question
		cy.page.reload();
		assertThat(cy.page.locator("#question-title")).hasText(second);
		vote(bob, "Green", "Same", null);
		assertThat(cy.page.locator("#vote-count")).hasText("1 of 3 voted");

		ada.button("← Previous").click();
		assertThat(bob.page.locator("#question-title")).hasText("Pair programming");
		assertThat(ada.button("← Previous")).isDisabled();
		ada.button("Next →").click();
		assertThat(bob.page.locator("#question-title")).hasText(second);

		// "End the session…" stays open while live events re-render the facilitator's panel
		ada.page.locator("#end-summary").click();
		ada.button("Reveal results").click();
		assertThat(ada.button("Reveal results")).hasCount(0);
		assertThat(ada.button("End session and show results")).isVisible();
		ada.button("End session and show results").click();
		for (Participant each : List.of(ada, bob, cy)) {
			assertThat(each.page).hasURL(Pattern.compile(".*/results$"));
			assertThat(each.page.locator("h1")).hasText("Results");
		}
		assertThat(bob.page.locator("main")).containsText("Pairing is our default");
		ada.check("results");
		bob.check("results");
		cy.check("results");

		bob.link("Back to the squad").click();
		assertThat(bob.page.locator("#past-sessions li")).hasCount(1);
	}

	@Test
	void asyncHealthCheckShowsResultsOnceItCloses() {
		Participant ada = participant("Ada", true, false);
		Participant bob = participant("Bob", false, true);
		ada.signUp();
		String invite = squadWithInvite(ada, "Async squad");
		bob.signUp();
		bob.open(invite);
		bob.button("Join squad").click();

		ada.link("Start a health check").click();
		ada.page.getByText("Async: everyone votes before a deadline").click();
		ada.button("Start the session").click();
		assertThat(ada.page.locator("#deadline-error")).hasText("Choose when voting closes");
		ada.check("async-setup-error");
		String tomorrow = LocalDateTime.now(ZoneId.of("Europe/Berlin"))
			.plusDays(1)
			.truncatedTo(ChronoUnit.MINUTES)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		ada.page.getByLabel("Voting closes (async only)").fill(tomorrow);
		ada.page.getByLabel("Name (optional)").fill("Retro week 48");
		ada.button("Start the session").click();
		assertThat(ada.page.locator("h1")).hasText("Retro week 48");
		String sessionUrl = ada.page.url();
		ada.check("async-session");

		bob.open(sessionUrl);
		Locator first = bob.page.locator("main section.card").first();
		first.getByText("Green", new Locator.GetByTextOptions().setExact(true)).click();
		first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Vote"))
			.click();
		assertThat(first).containsText("Your vote is in");
		assertThat(ada.page.locator("main section.card").first()).containsText("1 of 2 voted");
		// the keyboard alone: arrows pick a colour, Enter sends the vote
		Locator second = bob.page.locator("main section.card").nth(1);
		second.getByLabel("Red").focus();
		bob.page.keyboard().press("ArrowRight");
		bob.page.keyboard().press("Enter");
		assertThat(second).containsText("Your vote is in");
		assertThat(second.getByLabel("Yellow")).isChecked();
		bob.check("async-voted");

		// the deadline passes: the next look shows the results
		jdbc.sql("update health_session set deadline = ? where id = ?")
			.params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), sessionUrl.replaceAll(".*/", ""))
			.update();
		bob.page.reload();
		assertThat(bob.page).hasURL(Pattern.compile(".*/results$"));
		assertThat(bob.page.locator("main")).containsText("1 vote");
		bob.check("async-results");

		// the owner changes the squad's questions, then removes Bob after confirming
		ada.link("Async squad").click();
		assertThat(ada.page.locator("#past-sessions li")).hasCount(1);
		ada.link("Edit questions").click();
		ada.check("template");
		ada.button("Drop: Fun").click();
		assertThat(ada.page.locator("#question-list > li")).hasCount(7);
		ada.button("Save questions").click();
		assertThat(ada.page.getByText("Questions saved.")).isVisible();
		assertThat(ada.page.locator("#questions ol li")).hasCount(7);
		ada.link("Remove Bob Tester").click();
		ada.check("remove-member");
		ada.button("Remove from squad").click();
		assertThat(ada.page.getByText("Member removed.")).isVisible();
		assertThat(ada.page.locator("#members li")).hasCount(1);
		bob.open(sessionUrl);
		assertThat(bob.page.locator("h1")).hasText("Page not found");
		bob.problems().removeIf(problem -> problem.contains("404"));
	}

	@Test
	void anExpiredInviteSaysSo() {
		Participant ada = participant("Ada", false, false);
		Participant eve = participant("Eve", true, true);
		ada.signUp();
		String invite = squadWithInvite(ada, "Closed squad");
		jdbc.sql("update squad_invite set expires_at = ? where token = ?")
			.params(Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC), invite.replaceAll(".*/", ""))
			.update();

		eve.signUp();
		// someone who signed in elsewhere without a name is asked for it before joining
		jdbc.sql("update person set first_name = null where email = ?").param(eve.email).update();
		eve.open(invite);
		assertThat(eve.page.locator("h1")).hasText("Finish your profile");
		eve.check("onboarding");
		eve.button("Continue").click();
		assertThat(eve.page.locator("#firstName-error")).hasText("Please enter your first name");
		eve.page.getByLabel("First name").fill("Eve");
		eve.button("Continue").click();
		assertThat(eve.page.locator("h1")).hasText("This invite link has expired");
		assertThat(eve.page.locator("main")).containsText("Closed squad");
		eve.check("invite-expired");
	}

	@Test
	void someoneOutsideTheSquadCannotOpenItsSession() {
		Participant ada = participant("Ada", false, false);
		Participant eve = participant("Eve", true, false);
		ada.signUp();
		squadWithInvite(ada, "Private squad");
		ada.link("Start a health check").click();
		ada.button("Start the session").click();
		String sessionUrl = ada.page.url();

		eve.signUp();
		com.microsoft.playwright.Response answer = eve.page.navigate(sessionUrl);
		assertThat(answer.status()).isEqualTo(404);
		assertThat(eve.page.locator("h1")).hasText("Page not found");
		eve.check("not-found");
		eve.problems().removeIf(problem -> problem.contains("404"));
	}

	private static String squadWithInvite(Participant owner, String name) {
		owner.open("/squads/new");
		owner.page.getByLabel("Squad name").fill(name);
		owner.button("Create squad").click();
		owner.button("Create invite link").click();
		return owner.page.locator("[data-invite-link]").first().inputValue();
	}

	private static void vote(Participant voter, String colour, String trend, String comment) {
		Locator stage = voter.page.locator("#stage");
		stage.getByText(colour, new Locator.GetByTextOptions().setExact(true)).click();
		if (trend != null) {
			stage.getByText(trend).click();
		}
		if (comment != null) {
			stage.getByLabel("Comment").fill(comment);
		}
		stage.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName(Pattern.compile("^(Vote|Change my vote)$")))
			.click();
		assertThat(stage.getByText("Your vote is in")).isVisible(new LocatorAssertions.IsVisibleOptions());
	}

}
