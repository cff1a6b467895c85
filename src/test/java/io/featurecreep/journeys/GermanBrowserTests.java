package io.featurecreep.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.featurecreep.shared.MessageBundles;
import io.featurecreep.support.Bundles;
import io.featurecreep.support.Chromium;

/**
 * A whole health check in German, on a phone (375 px, the narrowest screen we support, and German the longest
 * language): from the landing page to the squad's history. Every page must say it is German ({@code <html lang>}),
 * show no English sentence of the bundles, fit the screen's width, and pass axe-core. Buttons and links are found by
 * their German words, read from the bundles, so the journey breaks if a page falls back to English.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GermanBrowserTests {

	static Chromium chromium;

	/** English sentences of the bundles (no arguments, several words) whose German differs: none may show. */
	static List<String> englishSentences;

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	Participant anna;

	@BeforeAll
	static void launch() {
		PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
		chromium = Chromium.launch();
		englishSentences = new ArrayList<>();
		for (String basename : MessageBundles.BASENAMES) {
			Properties english = Bundles.load(basename, null);
			Properties german = Bundles.load(basename, Locale.GERMAN);
			english.stringPropertyNames().forEach(key -> {
				String text = english.getProperty(key);
				if (!text.contains("{") && text.length() >= 16 && text.contains(" ")
						&& !text.equals(german.getProperty(key))) {
					englishSentences.add(text);
				}
			});
		}
	}

	@AfterAll
	static void quit() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void noConsoleErrors() {
		List<String> problems = anna == null ? List.of() : anna.problems();
		if (anna != null) {
			anna.close();
		}
		assertThat(problems).as("console and script errors").isEmpty();
	}

	@Test
	void aSquadRunsItsHealthCheckInGermanOnAPhone() {
		anna = new Participant(chromium, "http://localhost:" + port, "Anna", true, false, "de-DE");

		anna.open("/");
		german("landing");
		link(de("identity.home.signUp")).click();
		german("sign-up");
		anna.page.locator("#email").fill(anna.email);
		anna.page.locator("#password").fill(Participant.PASSWORD);
		anna.page.locator("#passwordConfirm").fill(Participant.PASSWORD);
		anna.page.locator("#firstName").fill("Anna");
		anna.page.locator("#lastName").fill("Tester");
		button(de("identity.signup.submit")).click();
		assertThat(anna.page.getByRole(AriaRole.STATUS)).containsText(anna.email);
		german("signed-up");
		anna.page.locator("#password").fill(Participant.PASSWORD);
		button(de("identity.signin.submit")).click();
		assertThat(anna.page).hasURL(Pattern.compile(".*/workspace$"));
		german("workspace");

		anna.open("/squads/new");
		button(de("squads.new.submit")).click();
		german("create-squad-refused");
		anna.page.locator("#name").fill("Plattform");
		button(de("squads.new.submit")).click();
		assertThat(anna.page.locator("h1")).hasText("Plattform");
		german("squad");

		assertThat(anna.page.locator("#new-session")).hasText(de("healthcheck.squad.start"));
		anna.page.locator("#new-session").click();
		// the default indicators in German: the deck's first card
		assertThat(anna.page.locator("#question-list")).containsText(de("deck.deliveringValue.title"));
		german("session-setup");
		button(de("healthcheck.editor.start")).click();
		assertThat(anna.page.locator("#question-title")).hasText(de("deck.deliveringValue.title"));
		german("live");

		Locator stage = anna.page.locator("#stage");
		stage.getByText(de("healthcheck.vote.green"), new Locator.GetByTextOptions().setExact(true)).click();
		stage.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(de("healthcheck.vote.submit")))
			.click();
		assertThat(stage).containsText(de("healthcheck.vote.saved"));
		german("voted");
		button(de("healthcheck.controls.reveal")).click();
		assertThat(button(de("healthcheck.controls.reveal"))).hasCount(0);
		german("revealed");
		anna.page.locator("#end-summary").click();
		button(de("healthcheck.controls.end.confirm")).click();
		assertThat(anna.page).hasURL(Pattern.compile(".*/results$"));
		german("results");

		anna.page.navigate(anna.page.url().replaceAll("/sessions/.*", "/workspace"));
		anna.page.locator("main a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Plattform"))
			.first()
			.click();
		anna.page.locator("#history-link").click();
		assertThat(anna.page.locator("main")).containsText(de("deck.deliveringValue.title"));
		german("history");
	}

	private String de(String key, Object... arguments) {
		return messages.getMessage(key, arguments, Locale.GERMAN);
	}

	private Locator button(String name) {
		return anna.button(name);
	}

	private Locator link(String name) {
		return anna.page.locator("main")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The page is German, shows no English sentence, fits 375 px, and passes axe-core (screenshot saved). */
	private void german(String name) {
		anna.check("de-" + name);
		assertThat(anna.page.locator("html")).hasAttribute("lang", "de");
		String shown = (String) anna.page.evaluate("() => document.body.innerText");
		assertThat(englishSentences.stream().filter(shown::contains).toList())
			.as("English texts on the German page %s (%s)", name, anna.page.url())
			.isEmpty();
		Object overflow = anna.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
		assertThat(((Number) overflow).intValue()).as("pixels wider than the phone's screen on %s", name)
			.isLessThanOrEqualTo(0);
	}

}
