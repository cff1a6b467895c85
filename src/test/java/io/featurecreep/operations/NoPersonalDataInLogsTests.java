package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.util.GreenMailUtil;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import io.featurecreep.support.WithReceivers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing personal reaches the logs: a whole journey (sign-up, a wrong password, sign-in, a squad, a live session
 * with comments and notes, an access token, a webhook channel whose report fails, a password reset by e-mail and a
 * new password) runs while every log event of every logger is captured, ours at DEBUG, and none of the names,
 * addresses, texts, passwords, tokens or secrets used appears in any message, argument, MDC value or stack trace.
 * <p>
 * A context of its own: the password reset by e-mail needs a public address besides the receivers' SMTP and
 * webhook stand-ins. It also has no metrics token, which shows the scrape endpoint is then not there at all.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoPersonalDataInLogsTests extends WithReceivers {

	static final String PUBLIC_URL = "https://health.example.org";

	static final Pattern RESET_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/password-reset/[A-Za-z0-9_-]{43})");

	@DynamicPropertySource
	static void publicAddressAndNoMetricsToken(DynamicPropertyRegistry registry) {
		registry.add("feature-creep.public-url", () -> PUBLIC_URL);
		registry.add("feature-creep.metrics.token", () -> "");
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	/** What is personal or secret in this journey, by what it is: none of it may be logged. */
	final Map<String, String> personal = new LinkedHashMap<>();

	final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	Level ourLevel;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void captureEveryLogEvent() {
		logs.start();
		root().addAppender(logs);
		Logger ours = (Logger) LoggerFactory.getLogger("io.featurecreep");
		ourLevel = ours.getLevel();
		ours.setLevel(Level.DEBUG);
	}

	@AfterEach
	void stopCapturing() {
		((Logger) LoggerFactory.getLogger("io.featurecreep")).setLevel(ourLevel);
		root().detachAppender(logs);
		logs.stop();
	}

	@Test
	void aWholeJourneyLogsNothingPersonal() throws Exception {
		String email = remember("e-mail address", "zerlina." + unique + "@example.org");
		String password = remember("password", "Pw" + unique + " quixotic walrus");
		remember("first name", "Zerlina" + unique);
		remember("last name", "Quixote" + unique);

		assertThat(status(mvc.perform(post("/signup").with(csrf())
			.param("email", email)
			.param("password", password)
			.param("passwordConfirm", password)
			.param("firstName", personal.get("first name"))
			.param("lastName", personal.get("last name"))))).isEqualTo(302);
		assertThat(signIn(email, remember("wrong password", "Wrong" + unique + " guess")).getResponse().getRedirectedUrl())
			.endsWith("/signin?error");
		MockHttpSession browser = (MockHttpSession) signIn(email, password).getRequest().getSession();

		String squadId = graphQl(browser, "mutation($n: String!) { createSquad(input: {name: $n}) { id } }", "n",
				remember("squad name", "Squad" + unique)).path("createSquad").path("id").asString();
		JsonNode session = graphQl(browser,
				"mutation($s: String!, $n: String) { createSession(input: {squadId: $s, name: $n}) { id questions { id } } }",
				"s", squadId, "n", remember("session name", "Retro" + unique)).path("createSession");
		String sessionId = session.path("id").asString();
		String questionId = session.path("questions").path(0).path("id").asString();
		graphQl(browser, "mutation($s: String!, $q: String!, $c: String) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 0, trend: WORSENING, comment: $c}) { id } }",
				"s", sessionId, "q", questionId, "c", remember("comment", "Comment" + unique + " the build is slow"));
		graphQl(browser, "mutation($s: String!, $q: String, $b: String!) { addNote(input: {sessionId: $s, questionId: $q, body: $b}) { id } }",
				"s", sessionId, "q", questionId, "b", remember("note", "Note" + unique + " ask ops about it"));
		graphQl(browser, "mutation($s: String!, $t: String!) { addAction(input: {sessionId: $s, title: $t}) { id } }",
				"s", sessionId, "t", remember("action", "Action" + unique + " speed up the build"));
		remember("access token", graphQl(browser, "mutation { createAccessToken(input: {name: \"ci\"}) { secret } }")
			.path("createAccessToken").path("secret").asString());

		// the webhook takes the test message, then refuses the report: a failed delivery, to be retried
		String hook = remember("webhook address", "https://receiver.example/hooks/" + unique + "Secret");
		remember("signing secret", graphQl(browser,
				"mutation($s: String!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: $t}) { signingSecret } }",
				"s", squadId, "t", hook).path("addNotificationChannel").path("signingSecret").asString());
		receiver.answer("/receiver.example/hooks/" + unique, 500);
		graphQl(browser, "mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> logged().stream().anyMatch(line -> line.contains("of session " + sessionId) && line.contains("failed (attempt 1)")));

		assertThat(status(mvc.perform(post("/password-reset").with(csrf()).param("email", email)))).isEqualTo(302);
		String resetLink = await().atMost(Duration.ofSeconds(10)).until(() -> resetLinkMailedTo(email), java.util.Objects::nonNull);
		remember("password reset link", resetLink);
		String newPassword = remember("new password", "New" + unique + " placid narwhal");
		assertThat(status(mvc.perform(post(resetLink).with(csrf()).param("password", newPassword).param("passwordConfirm", newPassword))))
			.isEqualTo(302);
		assertThat(signIn(email, newPassword).getResponse().getRedirectedUrl()).doesNotContain("error");

		List<String> lines = logged();
		assertThat(lines).as("the journey was logged at all").anyMatch(line -> line.contains("through sign-up"))
			.anyMatch(line -> line.contains("chose a new password"));
		personal.forEach((what, value) -> assertThat(lines).as("lines with the " + what)
			.noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))));
	}

	@Test
	void withoutAMetricsTokenTheScrapeEndpointIsNotThere() throws Exception {
		assertThat(status(mvc.perform(get("/actuator/prometheus")))).isEqualTo(404);
		assertThat(status(mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer ")))).isEqualTo(404);
		assertThat(status(mvc.perform(get("/actuator/health")))).isEqualTo(200);
	}

	private String remember(String what, String value) {
		personal.put(what, value);
		return value;
	}

	/** The link in the password reset mail to this address (it also got a welcome mail), once it arrived. */
	private static String resetLinkMailedTo(String email) {
		for (var message : mail.getReceivedMessagesForDomain(email)) {
			Matcher link = RESET_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
			if (link.find()) {
				return link.group(1);
			}
		}
		return null;
	}

	private MvcResult signIn(String email, String password) throws Exception {
		return mvc.perform(post("/signin").with(csrf()).param("email", email).param("password", password)).andReturn();
	}

	private JsonNode graphQl(MockHttpSession browser, String document, Object... variables) throws Exception {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		MvcResult result = mvc.perform(post("/graphql").session(browser)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("query", document, "variables", values)))).andReturn();
		JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
		assertThat(body.path("errors").isMissingNode()).as(body.toString()).isTrue();
		return body.path("data");
	}

	/** Every captured event of the application as a log reader could see it: message, arguments, MDC, exceptions. */
	private List<String> logged() {
		List<String> lines = new ArrayList<>();
		synchronized (logs) {
			for (ILoggingEvent event : List.copyOf(logs.list)) {
				if (event.getLoggerName().startsWith("com.icegreen.")) {
					continue; // the test's own mail server, in this JVM, logs the addresses it receives for
				}
				StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
				if (event.getArgumentArray() != null) {
					for (Object argument : event.getArgumentArray()) {
						line.append(' ').append(argument);
					}
				}
				line.append(' ').append(event.getMDCPropertyMap()).append(' ').append(event.getKeyValuePairs());
				for (IThrowableProxy error = event.getThrowableProxy(); error != null; error = error.getCause()) {
					line.append(' ').append(error.getClassName()).append(": ").append(error.getMessage());
					for (StackTraceElementProxy frame : error.getStackTraceElementProxyArray()) {
						line.append(' ').append(frame.getSTEAsString());
					}
				}
				lines.add(line.toString());
			}
		}
		return lines;
	}

	private static int status(org.springframework.test.web.servlet.ResultActions result) {
		return result.andReturn().getResponse().getStatus();
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
	}

}
