package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Sign-up, sign-in and sign-out with e-mail and password, through the real pages over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LocalAccountTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	Browser browser;

	@BeforeEach
	void newBrowser() {
		browser = new Browser(port);
	}

	@Test
	void signUpLeadsToSignInWithTheAddressAndTheNewPasswordSignsIn() {
		String email = SignUps.uniqueEmail();

		Browser.Page answer = SignUps.signUp(browser, email);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/signin");
		assertThat(browser.get("/").body()).as("sign-up signs nobody in").contains("You are not signed in.");
		Browser.Page signIn = browser.get("/signin");
		assertThat(signIn.body()).contains("If " + email + " is new here, your account is ready")
			.contains("value=\"" + email + "\"");
		Browser.Page signedIn = browser.submit("/signin", "/signin", "email", email, "password", SignUps.PASSWORD);
		assertThat(signedIn.location()).isIn("/workspace", browser.base() + "/workspace");
		assertThat(browser.get("/").body()).contains("Signed in as <strong>Ada Lovelace</strong>");
		String personId = SignUps.meThroughSession(browser);
		assertThat(jdbc.sql("select email from person where id = ?").param(personId).query(String.class).single())
			.isEqualTo(email);
		assertThat(jdbc.sql("select password_hash from local_account where person_id = ?")
			.param(personId)
			.query(String.class)
			.single()).startsWith("{bcrypt}");
	}

	@Test
	void signUpThenSignInReachesTheWorkspace() {
		String email = SignUps.uniqueEmail();
		SignUps.signUpAndSignIn(browser, email);
		String personId = SignUps.meThroughSession(browser);

		Browser other = new Browser(port);
		String before = sessionIdAfterVisiting(other, "/signin");
		Browser.Page answer = other.submit("/signin", "/signin", "email", email.toUpperCase(), "password",
				SignUps.PASSWORD);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/workspace");
		assertThat(other.cookie("JSESSIONID")).as("a new session id after sign-in").isNotEqualTo(before);
		assertThat(other.get("/").body()).contains("Signed in as <strong>Ada Lovelace</strong>");
		assertThat(SignUps.meThroughSession(other)).isEqualTo(personId);
	}

	@Test
	void signingUpAndInSpeaksTheBrowsersLanguage() {
		Browser german = new Browser(port).speaking("de-CH, de;q=0.9, en;q=0.5");
		assertThat(german.get("/").body()).contains("Wie geht es deinem Squad wirklich?")
			.contains("Du bist nicht angemeldet.")
			.doesNotContain("You are not signed in.");

		Browser.Page refused = german.submit("/signup", "/signup", "email", "no address", "password", SignUps.PASSWORD,
				"passwordConfirm", SignUps.PASSWORD, "firstName", " ", "lastName", "Lovelace");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Bitte gib deinen Vornamen ein")
			.contains("Bitte gib eine gültige E-Mail-Adresse ein")
			.contains(">Passwort wiederholen<")
			.contains("Schon ein Konto?");

		german.submit("/signin", "/signin", "email", SignUps.uniqueEmail(), "password", "not the password");
		assertThat(german.get("/signin?error").body()).contains("E-Mail-Adresse oder Passwort falsch.")
			.contains("Noch kein Konto?");
		SignUps.signUpAndSignIn(german, SignUps.uniqueEmail());
		assertThat(german.get("/").body()).contains("Angemeldet als <strong>Ada Lovelace</strong>").contains("Zum Arbeitsbereich");

		assertThat(new Browser(port).speaking("fr-BE").get("/signin").body()).contains("Pas encore de compte\u00a0?")
			.contains(">Mot de passe<");
		assertThat(new Browser(port).speaking("es-MX").get("/signup").body()).contains("¿Ya tienes cuenta?");
		assertThat(new Browser(port).speaking("nl").get("/").body()).contains("Je bent niet ingelogd.");
		assertThat(new Browser(port).speaking("ja").get("/").body()).as("a language without texts gets English")
			.contains("You are not signed in.");
	}

	@Test
	void wrongPasswordShowsAnError() {
		String email = SignUps.uniqueEmail();
		SignUps.signUpAndSignIn(browser, email);
		Browser other = new Browser(port);

		Browser.Page answer = other.submit("/signin", "/signin", "email", email, "password", "not the password");

		assertThat(answer.location()).endsWith("/signin?error");
		assertThat(other.get("/signin?error").body()).contains("Wrong e-mail address or password.");
		assertThat(other.get("/").body()).contains("You are not signed in.");
	}

	@Test
	void signUpWithATakenAddressAnswersLikeAnyOtherAndChangesNothing() {
		String email = SignUps.uniqueEmail();
		SignUps.signUp(browser, email);
		String hash = jdbc.sql("select password_hash from local_account where email = ?").param(email).query(String.class).single();
		Browser someone = new Browser(port);
		Browser newcomer = new Browser(port);

		Browser.Page taken = someone.submit("/signup", "/signup", "email", email.toUpperCase(), "password",
				"another long password", "passwordConfirm", "another long password", "firstName", "Mallory", "lastName", "M");
		Browser.Page fresh = SignUps.signUp(newcomer, SignUps.uniqueEmail());

		assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(302);
		assertThat(taken.location()).isEqualTo(fresh.location());
		assertThat(someone.get("/signin").body()).contains("If " + email.toUpperCase() + " is new here, your account is ready");
		assertThat(someone.get("/").body()).contains("You are not signed in.");
		assertThat(jdbc.sql("select password_hash from local_account where email = ?").param(email).query(String.class).list())
			.as("the account is unchanged")
			.containsExactly(hash);
		assertThat(jdbc.sql("select count(*) from person where first_name = 'Mallory' and email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isZero();
		assertThat(someone.submit("/signin", "/signin", "email", email, "password", "another long password").location())
			.endsWith("/signin?error");
	}

	@Test
	void theSixthFailedSignInOfAnAccountIsRefusedWithAPageThatSaysWhenToRetry() {
		String email = SignUps.uniqueEmail();
		SignUps.signUp(browser, email);
		Browser other = new Browser(port);
		for (int i = 0; i < 5; i++) {
			assertThat(other.submit("/signin", "/signin", "email", email, "password", "not the password").location())
				.endsWith("/signin?error");
		}

		Browser.Page refused = other.submit("/signin", "/signin", "email", email, "password", SignUps.PASSWORD);

		assertThat(refused.status()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 900);
		assertThat(refused.body())
			.contains("Too many failed sign-ins for this account or from your network. Please try again in 15 minutes.")
			.contains("name=\"_csrf\"");
		assertThat(other.get("/").body()).contains("You are not signed in.");
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		Browser.Page answer = browser.submit("/signup", "/signup", "email", SignUps.uniqueEmail(), "password",
				"Password1234", "passwordConfirm", "Password1234", "firstName", "Ada", "lastName", "Lovelace");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"password-error\"")
			.contains("This password is one of the most common ones, which attackers try first.");
	}

	@Test
	void concurrentSignUpsForOneEmailCreateOneAccount() throws Exception {
		String email = SignUps.uniqueEmail();
		int attempts = 6;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(attempts)) {
			for (int i = 0; i < attempts; i++) {
				String variant = i % 2 == 0 ? email : email.toUpperCase();
				outcomes.add(threads.submit(() -> {
					start.await();
					try {
						accounts.signUp(variant, SignUps.PASSWORD, "Ada", "Lovelace");
						return "created";
					}
					catch (Accounts.EmailTaken taken) {
						return "taken";
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("created").containsOnly("created", "taken");
		}
		assertThat(jdbc.sql("select count(*) from person where email = ?").param(email).query(Integer.class).single())
			.as("the losers left no person behind")
			.isEqualTo(1);
	}

	@Test
	void invalidSignUpShowsEachFieldsError() {
		Browser.Page answer = browser.submit("/signup", "/signup", "email", "not-an-address", "password", "short",
				"passwordConfirm", "different", "firstName", " ", "lastName", "");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Please enter a valid e-mail address")
			.contains("Please use at least 10 characters")
			.contains("The passwords do not match")
			.contains("Please enter your first name")
			.contains("Please enter your last name")
			.contains("value=\"not-an-address\"")
			.doesNotContain("value=\"short\"");
		assertThat(browser.get("/").body()).contains("You are not signed in.");
	}

	@Test
	void anEmptyAddressGetsOneErrorNotTwo() {
		Browser.Page answer = browser.submit("/signup", "/signup", "email", " ", "password", SignUps.PASSWORD,
				"passwordConfirm", SignUps.PASSWORD, "firstName", "Ada", "lastName", "Lovelace");

		assertThat(answer.status()).isEqualTo(200);
		String emailErrors = answer.body().replaceAll("(?s).*<p class=\"error\" id=\"email-error\">(.*?)</p>.*", "$1");
		assertThat(emailErrors).isEqualTo("Please enter your e-mail address");
	}

	@Test
	void shortPasswordIsRefusedEvenWhenConfirmed() {
		Browser.Page answer = browser.submit("/signup", "/signup", "email", SignUps.uniqueEmail(), "password",
				"123456789", "passwordConfirm", "123456789", "firstName", "Ada", "lastName", "Lovelace");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"password-error\"").contains("Please use at least 10 characters");
	}

	@Test
	void signOutEndsTheSession() {
		SignUps.signUpAndSignIn(browser, SignUps.uniqueEmail());
		String signedInSession = browser.cookie("JSESSIONID");

		Browser.Page answer = browser.submit("/", "/signout");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/signin?signedout");
		assertThat(browser.get("/signin?signedout").body()).contains("You are signed out.");
		Browser replay = new Browser(port);
		replay.setCookie("JSESSIONID", signedInSession);
		assertThat(replay.get("/").body()).contains("You are not signed in.");
	}

	@Test
	void formPostsWithoutCsrfTokenAreRefused() {
		SignUps.signUpAndSignIn(browser, SignUps.uniqueEmail());

		assertThat(browser.postForm("/signout").status()).isEqualTo(403);
		assertThat(browser.get("/").body()).contains("Signed in as");
		assertThat(new Browser(port).postForm("/signin", "email", "a@example.org", "password", "x").status())
			.isEqualTo(403);
		assertThat(new Browser(port).postForm("/signup", "email", SignUps.uniqueEmail(), "password",
				SignUps.PASSWORD, "passwordConfirm", SignUps.PASSWORD, "firstName", "A", "lastName", "B").status())
			.isEqualTo(403);
	}

	@Test
	void protectedPageSendsBrowserToSignInAndBackAfterSignUpAndSignIn() {
		Browser.Page refused = browser.get("/somewhere/private", "Accept", "text/html");

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/signin");
		Browser.Page signedIn = SignUps.signUpAndSignIn(browser, SignUps.uniqueEmail());
		assertThat(signedIn.location()).startsWith(browser.base() + "/somewhere/private");
	}

	@Test
	void openPagesNeedNoSignIn() {
		assertThat(browser.get("/").status()).isEqualTo(200);
		assertThat(browser.get("/password-reset").status()).isEqualTo(200);
		assertThat(browser.get("/signin").status()).isEqualTo(200);
		assertThat(browser.get("/signup").status()).isEqualTo(200);
		assertThat(browser.get("/css/app.css").status()).isEqualTo(200);
		assertThat(browser.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void probesOfTheDeploymentFilesNeedNoSignIn() {
		// deploy/: Kubernetes, the image's HEALTHCHECK and the proxy ask these without credentials
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			Browser.Page answer = browser.get(probe);
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void signInPageHasNoProviderButtonsWithoutAClientRegistration() {
		assertThat(browser.get("/signin").body()).doesNotContain("Sign in with");
		assertThat(browser.get("/oauth2/authorization/mock", "Accept", "text/html").status()).isEqualTo(302);
	}

	@Test
	void pagesCarrySecurityHeaders() {
		Browser.Page page = browser.get("/signin");

		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
	}

	private static String sessionIdAfterVisiting(Browser browser, String path) {
		browser.get(path);
		return browser.cookie("JSESSIONID");
	}

}
