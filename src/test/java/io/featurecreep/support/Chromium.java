package io.featurecreep.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;

/**
 * Debian's Chromium driven by Playwright, once per test class. Playwright downloads no browser here: the
 * project's CI (.ci/run) installs the chromium package, so a missing browser fails the tests loudly rather
 * than skipping them.
 */
public final class Chromium implements AutoCloseable {

	public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

	static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException("The browser tests need Debian's Chromium at " + EXECUTABLE
					+ ": apt-get install chromium (.ci/run installs it)");
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS));
		return new Chromium(playwright, browser);
	}

	/** A browser of its own (cookies and all), as on a laptop or a 375 px wide phone, light or dark. */
	public BrowserContext newContext(boolean phone, boolean dark) {
		return newContext(phone, dark, "en-GB");
	}

	/** A browser whose language (its Accept-Language and navigator.language) is the given tag, such as de-DE. */
	public BrowserContext newContext(boolean phone, boolean dark, String language) {
		Browser.NewContextOptions options = new Browser.NewContextOptions()
			.setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)
			.setLocale(language)
			.setTimezoneId("Europe/Berlin");
		if (phone) {
			options.setViewportSize(375, 812).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
		}
		else {
			options.setViewportSize(1280, 860);
		}
		return browser.newContext(options);
	}

	/** axe-core's source, injected into pages through the DevTools protocol (the pages' CSP allows no inline script). */
	public static String axeSource() {
		try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream(AXE)) {
			if (in == null) {
				throw new IllegalStateException("axe-core WebJar missing: " + AXE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
