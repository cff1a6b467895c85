package io.featurecreep.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.featurecreep.support.Chromium;

/**
 * One person at one browser during a browser journey: their own cookies, their own screen (phone or laptop,
 * light or dark). Collects console errors and failed requests, which a journey must not cause, and checks
 * every page it is asked to with axe-core.
 */
final class Participant implements AutoCloseable {

	static final String PASSWORD = "correct horse battery";

	final String firstName;

	final String email;

	final Page page;

	private final String base;

	private final String screen;

	private final BrowserContext context;

	private final List<String> problems = new ArrayList<>();

	Participant(Chromium chromium, String base, String firstName, boolean phone, boolean dark) {
		this(chromium, base, firstName, phone, dark, "en-GB");
	}

	/** Someone whose browser speaks the given language (a tag such as de-DE). */
	Participant(Chromium chromium, String base, String firstName, boolean phone, boolean dark, String language) {
		this.base = base;
		this.firstName = firstName;
		this.email = firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
		this.screen = (phone ? "phone" : "laptop") + (dark ? "-dark" : "");
		this.context = chromium.newContext(phone, dark, language);
		context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
		this.page = watched(context.newPage());
	}

	/** Another tab of the same browser: the same person, signed in with the same cookies. */
	Page newTab() {
		return watched(context.newPage());
	}

	private Page watched(Page tab) {
		tab.setDefaultTimeout(10_000);
		tab.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				problems.add(firstName + " console error on " + tab.url() + ": " + message.text());
			}
		});
		tab.onPageError(error -> problems.add(firstName + " script error on " + tab.url() + ": " + error));
		return tab;
	}

	Participant open(String path) {
		page.navigate(path.startsWith("http") ? path : base + path);
		return this;
	}

	/** Signs up through the sign-up page (from wherever the browser is, to keep a page it was sent from). */
	Participant signUp() {
		page.navigate(base + "/signup");
		fillSignUp();
		return this;
	}

	/**
	 * Signs up, then signs in on the page sign-up leads to (which names the address, and answers alike whether it
	 * was new or not), as a person does.
	 */
	void fillSignUp() {
		fillSignUpForm();
		signInAfterSignUp();
	}

	void fillSignUpForm() {
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByLabel("Password again").fill(PASSWORD);
		page.getByLabel("First name").fill(firstName);
		page.getByLabel("Last name").fill("Tester");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText(email)))
			.isVisible();
	}

	void signInAfterSignUp() {
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	/**
	 * Waits until htmx has no request in flight and has finished swapping and settling: content it has just
	 * swapped in only reacts to typing once htmx has processed it.
	 */
	Participant settled() {
		page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
		return this;
	}

	Locator button(String name) {
		return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** A link in the page's content (not the header). */
	Locator link(String name) {
		return page.locator("main").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	/** Saves a screenshot of the whole page under target/screenshots and checks the page with axe-core. */
	Participant check(String name) {
		page.waitForLoadState();
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Paths.get("target", "screenshots", name + "-" + screen + ".png")));
		if (!Boolean.TRUE.equals(page.evaluate("() => !!window.axe"))) {
			page.evaluate(AXE_SOURCE);
		}
		Object violations = page.evaluate("""
				async () => {
				  const result = await window.axe.run(document, { resultTypes: ['violations'] });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
				}""");
		assertThat((List<?>) violations).as("serious or critical accessibility problems on %s (%s)", name, page.url())
			.isEmpty();
		return this;
	}

	List<String> problems() {
		return problems;
	}

	@Override
	public void close() {
		context.close();
	}

	private static final String AXE_SOURCE = Chromium.axeSource();

}
