package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.MovableClock;
import jakarta.mail.internet.MimeMessage;

/**
 * Accounts under attack, with e-mail configured (a local GreenMail server), the real per-address limit and a clock
 * the tests move: password guessing, account enumeration through sign-up and reset, and password resets. Each
 * test uses its own people and client addresses, so no test spends another's allowance.
 */
@FeatureCreepTest
@Import(AccountProtectionTests.Time.class)
class AccountProtectionTests {

	static final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final String PUBLIC_URL = "https://health.example.org";

	static final Pattern RESET_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/password-reset/[A-Za-z0-9_-]{43})");

	static final AtomicInteger addresses = new AtomicInteger();

	static {
		mail.start();
	}

	@DynamicPropertySource
	static void mailAndRealLimits(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("feature-creep.public-url", () -> PUBLIC_URL + "/");
		registry.add("feature-creep.throttling.attempts-per-address", () -> "5");
	}

	@AfterAll
	static void stopMail() {
		mail.stop();
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	static final String PASSWORD = "correct horse battery";

	/** A client address no other test uses (IPv6 documentation range). */
	static String freshAddress() {
		return "2001:db8::" + Integer.toHexString(addresses.incrementAndGet());
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	String personWithPassword(String email) {
		return accounts.signUp(email, PASSWORD, "Ada", "Lovelace").id();
	}

	static String uniqueEmail() {
		return "person-" + UUID.randomUUID() + "@example.org";
	}

	MvcResult signIn(String email, String password, String address) throws Exception {
		return mvc.perform(post("/signin").with(csrf()).with(from(address)).param("email", email).param("password", password))
			.andReturn();
	}

	MvcResult signUp(String email, String password, String address) throws Exception {
		return mvc.perform(post("/signup").with(csrf())
			.with(from(address))
			.param("email", email)
			.param("password", password)
			.param("passwordConfirm", password)
			.param("firstName", "Mallory")
			.param("lastName", "Example")).andReturn();
	}

	MvcResult requestReset(String email, String address) throws Exception {
		return mvc.perform(post("/password-reset").with(csrf()).with(from(address)).param("email", email)).andReturn();
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.asList(mail.getReceivedMessagesForDomain(address));
	}

	static MimeMessage theOnlyMailTo(String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(address).size() == 1);
		return mailsTo(address).getFirst();
	}

	static String resetLinkIn(MimeMessage message) {
		Matcher link = RESET_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(link.find()).as(GreenMailUtil.getBody(message)).isTrue();
		return link.group(1);
	}

	static boolean signedIn(MvcResult result) {
		return result.getResponse().getStatus() == 302 && !result.getResponse().getRedirectedUrl().contains("/signin");
	}

	@Nested
	class SignInThrottling {

		@Test
		void afterFiveFailuresForAnAccountEvenTheRightPasswordIsRefusedUntilTheWindowHasPassed() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			for (int i = 0; i < 5; i++) {
				assertThat(signIn(email, "wrong password " + i, freshAddress()).getResponse().getRedirectedUrl())
					.isEqualTo("/signin?error");
			}

			MvcResult refused = signIn(email, PASSWORD, freshAddress());

			assertThat(refused.getResponse().getStatus()).isEqualTo(429);
			assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("900");
			assertThat(refused.getResponse().getForwardedUrl()).isEqualTo(SignInThrottle.REFUSED_PATH);
			clock.advance(Duration.ofMinutes(15));
			assertThat(signedIn(signIn(email, PASSWORD, freshAddress()))).isTrue();
		}

		@Test
		void afterFiveFailuresFromAnAddressItsAttemptsAreRefusedForEveryAccount() throws Exception {
			String address = freshAddress();
			for (int i = 0; i < 5; i++) {
				signIn(uniqueEmail(), "wrong password", address);
			}
			String email = uniqueEmail();
			personWithPassword(email);

			assertThat(signIn(email, PASSWORD, address).getResponse().getStatus()).isEqualTo(429);
			assertThat(signedIn(signIn(email, PASSWORD, freshAddress()))).as("from elsewhere").isTrue();
		}

		@Test
		void aSuccessfulSignInForgetsTheAccountsFailures() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			for (int i = 0; i < 4; i++) {
				signIn(email, "wrong password", freshAddress());
			}

			assertThat(signedIn(signIn(email, PASSWORD, freshAddress()))).isTrue();

			for (int i = 0; i < 5; i++) {
				assertThat(signIn(email, "wrong password", freshAddress()).getResponse().getStatus()).isEqualTo(302);
			}
			assertThat(signIn(email, PASSWORD, freshAddress()).getResponse().getStatus()).isEqualTo(429);
		}

		@Test
		void successfulSignInsDoNotCountAgainstTheirAddress() throws Exception {
			String address = freshAddress();
			String email = uniqueEmail();
			personWithPassword(email);

			for (int i = 0; i < 8; i++) {
				assertThat(signedIn(signIn(email, PASSWORD, address))).isTrue();
			}
		}

		@Test
		void theAccountLimitDoesNotCareHowTheAddressIsWritten() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			for (int i = 0; i < 5; i++) {
				signIn(i % 2 == 0 ? email.toUpperCase() : " " + email, "wrong password", freshAddress());
			}

			assertThat(signIn(email, PASSWORD, freshAddress()).getResponse().getStatus()).isEqualTo(429);
		}

	}

	@Nested
	class SignUpPrivacy {

		@Test
		void signUpWithATakenAddressAnswersAsANewOneAndMailsTheOwnerInstead() throws Exception {
			String taken = uniqueEmail();
			personWithPassword(taken);
			String fresh = uniqueEmail();

			MvcResult forTaken = signUp(taken, "a brand new passphrase", freshAddress());
			MvcResult forFresh = signUp(fresh, "a brand new passphrase", freshAddress());

			assertThat(forTaken.getResponse().getStatus()).isEqualTo(forFresh.getResponse().getStatus()).isEqualTo(302);
			assertThat(forTaken.getResponse().getRedirectedUrl()).isEqualTo(forFresh.getResponse().getRedirectedUrl())
				.isEqualTo("/signin");
			assertThat((java.util.Map<String, Object>) forTaken.getFlashMap()).containsOnlyKeys(SignInController.SIGNED_UP);
			assertThat((java.util.Map<String, Object>) forFresh.getFlashMap()).containsOnlyKeys(SignInController.SIGNED_UP);
			assertThat(GreenMailUtil.getBody(theOnlyMailTo(taken))).contains("It already has an account, so nothing was changed")
				.contains(PUBLIC_URL + "/password-reset");
			assertThat(theOnlyMailTo(fresh).getSubject()).isEqualTo("Your Feature Creep account is ready");
			assertThat(signedIn(signIn(taken, "a brand new passphrase", freshAddress()))).as("the old password stays").isFalse();
			assertThat(signedIn(signIn(taken, PASSWORD, freshAddress()))).isTrue();
		}

		@Test
		void thePageAfterSignUpSaysTheSameForEitherAddress() throws Exception {
			String taken = uniqueEmail();
			personWithPassword(taken);

			String forTaken = pageAfterSignUp(taken);
			String forFresh = pageAfterSignUp(uniqueEmail());

			assertThat(forTaken).contains("We sent an e-mail to " + taken + ". If this address is new here");
			assertThat(forTaken.replace(taken, "ADDRESS").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
				.replaceAll("content=\"[^\"]{30,}\"", "")).isEqualTo(forFresh.replaceAll("person-[0-9a-f-]+@example.org", "ADDRESS")
					.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "")
					.replaceAll("content=\"[^\"]{30,}\"", ""));
		}

		private String pageAfterSignUp(String email) throws Exception {
			MvcResult signedUp = signUp(email, "a brand new passphrase", freshAddress());
			return mvc.perform(get("/signin").flashAttrs(signedUp.getFlashMap()))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}

		@Test
		void sixSignUpsFromOneAddressWithinTheWindowAreFiveTooMany() throws Exception {
			String address = freshAddress();
			for (int i = 0; i < 5; i++) {
				assertThat(signUp(uniqueEmail(), "a brand new passphrase", address).getResponse().getStatus()).isEqualTo(302);
			}

			MvcResult refused = signUp(uniqueEmail(), "a brand new passphrase", address);

			assertThat(refused.getResponse().getStatus()).isEqualTo(429);
			assertThat(refused.getResponse().getContentAsString())
				.contains("Too many sign-ups from your network. Please try again in 15 minutes.");
		}

	}

	@Nested
	class PasswordResetByEmail {

		@Test
		void theSignInPageOffersTheResetByEmail() throws Exception {
			assertThat(mvc.perform(get("/signin")).andReturn().getResponse().getContentAsString())
				.contains("href=\"/password-reset\"")
				.doesNotContain("Ask an organisation admin");
		}

		@Test
		void aResetLinkByEmailLetsThePersonChooseANewPasswordOnce() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);

			MvcResult asked = requestReset(email.toUpperCase(), freshAddress());

			assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/password-reset?sent");
			MimeMessage message = theOnlyMailTo(email);
			assertThat(message.getSubject()).isEqualTo("Reset your Feature Creep password");
			String link = resetLinkIn(message);
			assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("Choose a new password");

			MvcResult chosen = choose(link, "a brand new passphrase");

			assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/signin?reset");
			assertThat(signedIn(signIn(email, PASSWORD, freshAddress()))).isFalse();
			assertThat(signedIn(signIn(email, "a brand new passphrase", freshAddress()))).isTrue();
			assertThat(choose(link, "yet another passphrase").getResponse().getStatus()).as("used once").isEqualTo(404);
			assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString())
				.contains("This link has expired, was already used, or was replaced by a newer one.");
		}

		@Test
		void theResetMailIsWrittenInTheLanguageOfThePageThatAskedForIt() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);

			MvcResult asked = mvc.perform(post("/password-reset").with(csrf())
				.with(from(freshAddress()))
				.param("email", email)
				.header("Accept-Language", "de-DE,de;q=0.9,en;q=0.8")).andReturn();

			assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/password-reset?sent");
			MimeMessage message = theOnlyMailTo(email);
			String german = messages.getMessage("mail.reset.subject", null, Locale.GERMAN);
			assertThat(german).as("messages_de translates the reset mail")
				.isNotEqualTo(messages.getMessage("mail.reset.subject", null, Locale.ENGLISH));
			assertThat(message.getSubject()).isEqualTo(german);
			String link = resetLinkIn(message);
			assertThat(((String) message.getContent()).replace("\r\n", "\n").strip())
				.isEqualTo(messages.getMessage("mail.reset.text", new Object[] { PUBLIC_URL + link, 60L }, Locale.GERMAN).strip());
		}

		@Test
		void anAddressWithoutAccountGetsTheSameAnswerAndNoMail() throws Exception {
			String unknown = uniqueEmail();
			String known = uniqueEmail();
			personWithPassword(known);

			MvcResult forUnknown = requestReset(unknown, freshAddress());
			MvcResult forKnown = requestReset(known, freshAddress());

			assertThat(forUnknown.getResponse().getStatus()).isEqualTo(forKnown.getResponse().getStatus());
			assertThat(forUnknown.getResponse().getRedirectedUrl()).isEqualTo(forKnown.getResponse().getRedirectedUrl());
			theOnlyMailTo(known);
			assertThat(mailsTo(unknown)).isEmpty();
		}

		@Test
		void aLinkExpiresAfterAnHour() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			requestReset(email, freshAddress());
			String link = resetLinkIn(theOnlyMailTo(email));

			clock.advance(Duration.ofMinutes(61));

			assertThat(choose(link, "a brand new passphrase").getResponse().getStatus()).isEqualTo(404);
			assertThat(signedIn(signIn(email, PASSWORD, freshAddress()))).isTrue();
		}

		@Test
		void aNewerLinkReplacesTheOlderOne() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			requestReset(email, freshAddress());
			String older = resetLinkIn(theOnlyMailTo(email));
			requestReset(email, freshAddress());
			await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).size() == 2);
			String newer = mailsTo(email).stream().map(AccountProtectionTests::resetLinkIn).filter(link -> !link.equals(older)).findFirst().orElseThrow();

			assertThat(choose(older, "a brand new passphrase").getResponse().getStatus()).isEqualTo(404);
			assertThat(choose(newer, "a brand new passphrase").getResponse().getRedirectedUrl()).isEqualTo("/signin?reset");
		}

		@Test
		void theNewPasswordFollowsThePolicy() throws Exception {
			String email = uniqueEmail();
			personWithPassword(email);
			requestReset(email, freshAddress());
			String link = resetLinkIn(theOnlyMailTo(email));

			MvcResult common = choose(link, "qwertyuiop123");

			assertThat(common.getResponse().getStatus()).isEqualTo(200);
			assertThat(common.getResponse().getContentAsString()).contains("This password is one of the most common ones");
			assertThat(choose(link, "short").getResponse().getContentAsString()).contains("Please use at least 10 characters");
			assertThat(choose(link, "a brand new passphrase").getResponse().getRedirectedUrl()).as("the link still works")
				.isEqualTo("/signin?reset");
		}

		@Test
		void aNewPasswordEndsTheSessionsSignedInWithTheOldOne() throws Exception {
			String email = uniqueEmail();
			String personId = personWithPassword(email);
			MockHttpSession session = (MockHttpSession) signIn(email, PASSWORD, freshAddress()).getRequest().getSession();
			assertThat(me(session)).isEqualTo(personId);
			requestReset(email, freshAddress());
			String link = resetLinkIn(theOnlyMailTo(email));

			clock.advance(Duration.ofMinutes(1));
			choose(link, "a brand new passphrase");

			assertThat(me(session)).isNull();
			MockHttpSession again = (MockHttpSession) signIn(email, "a brand new passphrase", freshAddress()).getRequest()
				.getSession();
			assertThat(me(again)).isEqualTo(personId);
		}

		@Test
		void resetRequestsAreLimitedPerEmailAddress() throws Exception {
			String email = uniqueEmail();
			for (int i = 0; i < 5; i++) {
				requestReset(email, freshAddress());
			}

			MvcResult refused = requestReset(email, freshAddress());

			assertThat(refused.getResponse().getStatus()).isEqualTo(429);
			assertThat(refused.getResponse().getContentAsString()).contains("Too many reset requests")
				.contains("try again in 15 minutes");
		}

		@Test
		void resetRequestsAreLimitedPerClientAddress() throws Exception {
			String address = freshAddress();
			for (int i = 0; i < 5; i++) {
				requestReset(uniqueEmail(), address);
			}

			assertThat(requestReset(uniqueEmail(), address).getResponse().getStatus()).isEqualTo(429);
		}

		private MvcResult choose(String link, String password) throws Exception {
			return mvc.perform(post(link).with(csrf()).param("password", password).param("passwordConfirm", password))
				.andReturn();
		}

		private String me(MockHttpSession session) throws Exception {
			String body = mvc.perform(post("/graphql").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"query\":\"{ me { id } }\"}")).andReturn().getResponse().getContentAsString();
			Matcher id = Pattern.compile("\"me\":\\{\"id\":\"([^\"]+)\"").matcher(body);
			return id.find() ? id.group(1) : null;
		}

	}

}
