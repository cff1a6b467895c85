package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Receiver;
import io.featurecreep.support.WithReceivers;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After a session ends, each of the squad's channels gets its report exactly once, retried while the receiver
 * is down; owners see the delivery log and may retry what failed. Local receivers stand in for the services.
 */
@FeatureCreepTest
class ReportDeliveryTests extends WithReceivers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String ADD = "mutation($s: String!, $k: ChannelKind!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: $k, target: $t}) { channel { id kind target } signingSecret } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	OutboundHttp outbound;

	Caller owner;

	String squadId;

	String path;

	@BeforeEach
	void squad() {
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Reporters <!channel>\"}) { id } }").ok().text("createSquad.id");
		path = squadId.substring(0, 8);
	}

	GraphQlResponse add(String kind, String target) {
		return owner.execute(ADD, "s", squadId, "k", kind, "t", target);
	}

	String runSession(int colour) {
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		session.data("createSession.questions").forEach(q -> owner
			.execute("mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }",
					"s", sessionId, "q", q.path("id").asString(), "a", colour)
			.ok());
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		return sessionId;
	}

	List<JsonNode> deliveries() {
		List<JsonNode> list = new java.util.ArrayList<>();
		owner.execute("query($s: String!) { squad(id: $s) { deliveries { id purpose status attempts lastError sessionId attemptLog { attempt at delivered error } } } }",
				"s", squadId)
			.ok()
			.data("squad.deliveries")
			.forEach(list::add);
		return list;
	}

	@Test
	void everyChannelGetsEachReportOnce() throws Exception {
		String discord = "https://discord.com/api/webhooks/4242/tok-" + path;
		add("DISCORD", discord).ok();
		add("SLACK", "https://hooks.slack.com/services/T000/B000/" + path + "XXXXXXXX").ok();
		add("TEAMS", "https://contoso.webhook.office.com/webhookb2/" + path + "-abc/IncomingWebhook/x").ok();
		GraphQlResponse webhook = add("WEBHOOK", "https://receiver.example/hooks/" + path).ok();
		String secret = webhook.text("addNotificationChannel.signingSecret");
		assertThat(secret).hasSizeGreaterThan(30);
		assertThat(webhook.text("addNotificationChannel.channel.target")).isEqualTo("https://receiver.example/***");
		add("EMAIL", "lead-" + path + "@example.com").ok();

		runSession(0);
		runSession(2);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> deliveries().stream().filter(d -> d.path("purpose").asString().equals("REPORT")
					&& d.path("status").asString().equals("DELIVERED")).count() == 10);

		List<Receiver.Request> toDiscord = receiver.to("/discord.com/api/webhooks/");
		List<Receiver.Request> reports = toDiscord.stream().filter(r -> r.path().contains(path) && r.body().contains("embeds")).toList();
		assertThat(reports).hasSize(2);
		JsonNode embed = JSON.readTree(reports.get(1).body()).path("embeds").path(0);
		assertThat(embed.path("fields")).hasSize(8);
		assertThat(embed.path("fields").path(0).path("name").asString()).isEqualTo("Delivering value");
		assertThat(embed.path("fields").path(0).path("value").asString()).startsWith("\uD83D\uDD34\uD83D\uDFE2");
		assertThat(JSON.readTree(reports.get(1).body()).path("allowed_mentions").path("parse")).isEmpty();

		Receiver.Request slack = receiver.to("/hooks.slack.com/services/T000/B000/" + path).getLast();
		assertThat(slack.body()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
		assertThat(receiver.to("/contoso.webhook.office.com/webhookb2/" + path).getLast().body()).contains("AdaptiveCard");

		Receiver.Request signed = receiver.to("/receiver.example/hooks/" + path).getLast();
		String timestamp = signed.header("X-FeatureCreep-Timestamp");
		assertThat(signed.header("X-FeatureCreep-Signature"))
			.isEqualTo("sha256=" + SignedWebhookSender.sign(secret, timestamp + "." + signed.body()));
		assertThat(JSON.readTree(signed.body()).path("indicators").path(0).path("averages")).hasSize(2);

		MimeMessage[] received = mail.getReceivedMessages();
		assertThat(java.util.Arrays.stream(received).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("lead-" + path + "@example.com")
						&& m.getSubject().startsWith("Health check results");
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).count()).isEqualTo(2);
	}

	/**
	 * In an anonymous squad, an indicator with fewer votes than the threshold (3) is reported with its count only:
	 * with two voters its spread, average or trend votes would tell each what the other voted.
	 */
	@Test
	void anAnonymousSquadsReportWithholdsAllButTheCountOfAnIndicatorWithTooFewVotes() {
		String anonymousSquad = owner
			.execute("mutation { createSquad(input: {name: \"Quiet reporters\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		String invite = owner
			.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", anonymousSquad)
			.ok()
			.text("createInvite.token");
		List<Caller> members = List.of(api.as(api.newPerson("Bob")), api.as(api.newPerson("Carol")),
				api.as(api.newPerson("Dave")));
		members.forEach(m -> m.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", invite).ok());
		owner.execute(ADD, "s", anonymousSquad, "k", "WEBHOOK", "t", "https://receiver.example/anonymous/" + path).ok();

		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id question } } }", "s",
					anonymousSquad)
			.ok();
		String sessionId = session.text("createSession.id");
		assertThat(session.text("createSession.questions.0.question")).isEqualTo("Delivering value");
		assertThat(session.text("createSession.questions.1.question")).isEqualTo("Easy to release");
		String vote = "mutation($s: String!, $q: String!, $a: Int!, $t: Trend) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t}) { id } }";
		String twoVotes = session.text("createSession.questions.0.id");
		String threeVotes = session.text("createSession.questions.1.id");
		members.get(0).execute(vote, "s", sessionId, "q", twoVotes, "a", 0, "t", "IMPROVING").ok();
		members.get(1).execute(vote, "s", sessionId, "q", twoVotes, "a", 2, "t", "IMPROVING").ok();
		members.forEach(m -> m.execute(vote, "s", sessionId, "q", threeVotes, "a", 1, "t", "STABLE").ok());
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();

		await().atMost(Duration.ofSeconds(15))
			.until(() -> receiver.to("/receiver.example/anonymous/" + path)
				.stream()
				.anyMatch(r -> r.body().contains(sessionId)));
		JsonNode report = JSON.readTree(receiver.to("/receiver.example/anonymous/" + path)
			.stream()
			.filter(r -> r.body().contains(sessionId))
			.findFirst()
			.orElseThrow()
			.body());
		int column = -1;
		for (int i = 0; i < report.path("sessions").size(); i++) {
			if (report.path("sessions").path(i).path("id").asString().equals(sessionId)) {
				column = i;
			}
		}
		assertThat(column).as("the session in %s", report).isNotNegative();
		JsonNode tooFew = indicator(report, "Delivering value");
		JsonNode latest = tooFew.path("latest");
		assertThat(latest.path("votes").asInt()).isEqualTo(2);
		for (String withheld : List.of("average", "red", "yellow", "green", "improving", "stable", "worsening", "change")) {
			assertThat(latest.path(withheld).isNull() || latest.path(withheld).isMissingNode())
				.as("%s of 2 anonymous votes in %s", withheld, tooFew)
				.isTrue();
		}
		assertThat(tooFew.path("averages").path(column).isNull()).as("in %s", tooFew).isTrue();
		assertThat(latest.path("withheld").asBoolean()).as("in %s", tooFew).isTrue();

		JsonNode enough = indicator(report, "Easy to release");
		assertThat(enough.path("latest").path("votes").asInt()).isEqualTo(3);
		assertThat(enough.path("latest").path("average").asDouble()).isEqualTo(1.0);
		assertThat(enough.path("latest").path("yellow").asInt()).isEqualTo(3);
		assertThat(enough.path("latest").path("withheld").asBoolean(false)).isFalse();
		assertThat(enough.path("averages").path(column).asDouble()).isEqualTo(1.0);
	}

	/**
	 * A squad whose owners chose German hears German on every channel: test messages, reports, the legend, averages as
	 * German writes them. The signed webhook's codes and numbers stay as they are; only its text follows the language.
	 */
	@Test
	void aSquadsChannelsHearTheLanguageItsOwnersChose() throws Exception {
		owner.execute("mutation($s: String!) { updateSquad(input: {squadId: $s, reportLocale: \"de\"}) { id } }", "s", squadId)
			.ok();
		add("DISCORD", "https://discord.com/api/webhooks/4343/de-" + path).ok();
		add("WEBHOOK", "https://receiver.example/german/" + path).ok();
		add("EMAIL", "german-" + path + "@example.com").ok();
		assertThat(JSON.readTree(receiver.to("/discord.com/api/webhooks/4343/de-" + path).getFirst().body())
			.path("content")
			.asString()).startsWith("Hallo von Feature Creep! Dieser Webhook funktioniert");
		JsonNode signedTest = JSON.readTree(receiver.to("/receiver.example/german/" + path).getFirst().body());
		assertThat(signedTest.path("type").asString()).isEqualTo("test");
		assertThat(signedTest.path("text").asString()).startsWith("Hallo von Feature Creep!");

		String sessionId = runSession(1);
		await().atMost(Duration.ofSeconds(15))
			.until(() -> deliveries().stream().filter(d -> d.path("purpose").asString().equals("REPORT")
					&& d.path("status").asString().equals("DELIVERED")).count() == 3);

		JsonNode embed = JSON.readTree(receiver.to("/discord.com/api/webhooks/4343/de-" + path)
			.stream()
			.filter(r -> r.body().contains("embeds"))
			.findFirst()
			.orElseThrow()
			.body()).path("embeds").path(0);
		assertThat(embed.path("title").asString()).isEqualTo("Health Check: Reporters <!channel>");
		assertThat(embed.path("description").asString()).startsWith("Jede Zeile ist ein Indikator und jeder Kreis eine Session");
		assertThat(embed.path("fields").path(0).path("value").asString()).isEqualTo("\uD83D\uDFE0  n=1");
		assertThat(embed.path("fields").path(0).path("name").asString()).as("a default indicator, in German")
			.isEqualTo("Mehrwert liefern");

		JsonNode report = JSON.readTree(receiver.to("/receiver.example/german/" + path)
			.stream()
			.filter(r -> r.body().contains(sessionId))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(report.path("type").asString()).isEqualTo("session.results");
		JsonNode first = report.path("indicators").path(0);
		assertThat(first.path("title").asString()).as("data: the title as stored, whatever the report's language")
			.isEqualTo("Delivering value");
		assertThat(first.path("latest").path("average").asDouble()).isEqualTo(1.0);
		assertThat(first.path("averages").path(0).asDouble()).isEqualTo(1.0);
		assertThat(report.path("sessions").path(0).path("endedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

		MimeMessage reportMail = java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("german-" + path + "@example.com")
						&& m.getSubject().startsWith("Ergebnisse des Health Checks");
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(reportMail.getSubject()).isEqualTo("Ergebnisse des Health Checks: Reporters <!channel>");
		assertThat((String) reportMail.getContent()).startsWith("Ergebnisse des Health Checks von Reporters <!channel>")
			.contains("Jede Zeile: die Farbe der durchschnittlichen Stimme des Squads pro Session, die älteste zuerst.")
			.contains("Mehrwert liefern (n=1, Durchschnitt 1,00)")
			.doesNotContain("average", "Each row");
	}

	/** An anonymous squad's report says in its language that it withholds what too few votes would tell. */
	@Test
	void whatAnonymityWithholdsIsSaidInTheSquadsLanguage() throws Exception {
		String quiet = owner
			.execute("mutation { createSquad(input: {name: \"Discrets\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		owner.execute("mutation($s: String!) { updateSquad(input: {squadId: $s, reportLocale: \"fr\"}) { id } }", "s", quiet)
			.ok();
		owner.execute(ADD, "s", quiet, "k", "DISCORD", "t", "https://discord.com/api/webhooks/4444/fr-" + path).ok();
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", quiet)
			.ok();
		String sessionId = session.text("createSession.id");
		owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
				"s", sessionId, "q", session.data("createSession.questions").get(0).path("id").asString())
			.ok();
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> receiver.to("/discord.com/api/webhooks/4444/fr-" + path).stream().anyMatch(r -> r.body().contains("embeds")));
		JsonNode embed = JSON.readTree(receiver.to("/discord.com/api/webhooks/4444/fr-" + path)
			.stream()
			.filter(r -> r.body().contains("embeds"))
			.findFirst()
			.orElseThrow()
			.body()).path("embeds").path(0);
		assertThat(embed.path("title").asString()).isEqualTo("Health check\u00a0: Discrets");
		assertThat(embed.path("fields").path(0).path("value").asString()).as("one anonymous vote: its count only")
			.isEqualTo("\u26AA  n=1, masqué");
	}

	/** Numbers and times in channel messages, as each language writes them. */
	@Test
	void channelMessagesWriteNumbersAndTimesAsTheirLanguageDoes() {
		java.time.Instant time = java.time.Instant.parse("2026-12-02T14:05:00Z");
		assertThat(ChannelWords.time(time, java.util.Locale.ENGLISH)).isEqualTo("2 Dec 2026, 14:05 UTC");
		assertThat(ChannelWords.time(time, java.util.Locale.GERMAN)).isEqualTo("02.12.2026, 14:05 UTC");
		assertThat(ChannelWords.time(time, java.util.Locale.forLanguageTag("nl"))).isEqualTo("2 dec 2026, 14:05 UTC");
		assertThat(new ChannelWords(messages, java.util.Locale.ENGLISH).average(1.5)).isEqualTo("average 1.50");
		assertThat(new ChannelWords(messages, java.util.Locale.GERMAN).average(1.5)).isEqualTo("Durchschnitt 1,50");
		assertThat(new ChannelWords(messages, java.util.Locale.forLanguageTag("es")).average(0.333)).isEqualTo("media 0,33");
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	static JsonNode indicator(JsonNode report, String title) {
		for (JsonNode indicator : report.path("indicators")) {
			if (indicator.path("title").asString().equals(title)) {
				return indicator;
			}
		}
		throw new AssertionError("no indicator " + title + " in " + report);
	}

	@Test
	void aReceiverThatIsDownAndComesBackGetsTheReportOnce() {
		String target = "https://receiver.example/flaky/" + path;
		add("WEBHOOK", target).ok();
		receiver.answer("/receiver.example/flaky/" + path, 503);
		String sessionId = runSession(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries().stream().anyMatch(d -> d.path("attempts").asInt() >= 2));
		receiver.answer("/receiver.example/flaky/" + path, 200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries().stream().anyMatch(d -> d.path("status").asString().equals("DELIVERED")
					&& d.path("purpose").asString().equals("REPORT")));
		List<Receiver.Request> got = receiver.to("/receiver.example/flaky/" + path)
			.stream()
			.filter(r -> r.body().contains(sessionId))
			.toList();
		assertThat(got.size()).as("tried while down, then delivered once").isGreaterThanOrEqualTo(2);
		List<JsonNode> reports = deliveries().stream().filter(d -> d.path("purpose").asString().equals("REPORT")).toList();
		assertThat(reports).hasSize(1);
		// the delivery log shows each attempt: the failed ones with why, then the one that got through
		JsonNode log = reports.get(0).path("attemptLog");
		assertThat(log.size()).as("one logged attempt per request: %s", log).isEqualTo(got.size());
		for (int i = 0; i < log.size(); i++) {
			JsonNode attempt = log.get(i);
			assertThat(attempt.path("attempt").asInt()).isEqualTo(i + 1);
			boolean last = i == log.size() - 1;
			assertThat(attempt.path("delivered").asBoolean()).as("attempt %s", attempt).isEqualTo(last);
			assertThat(attempt.path("error").asString(null)).isEqualTo(last ? null : "The receiver answered HTTP 503");
		}
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
			.until(() -> receiver.to("/receiver.example/flaky/" + path).stream().filter(r -> r.body().contains(sessionId)).count() == got.size());
	}

	@Test
	void ownersSeeFailuresAndRetryThem() {
		add("WEBHOOK", "https://receiver.example/broken/" + path).ok();
		receiver.answer("/receiver.example/broken/" + path, 500);
		runSession(2);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries().stream().anyMatch(d -> d.path("status").asString().equals("FAILED")));
		JsonNode failed = deliveries().stream().filter(d -> d.path("status").asString().equals("FAILED")).findFirst().orElseThrow();
		assertThat(failed.path("attempts").asInt()).isEqualTo(3);
		assertThat(failed.path("lastError").asString()).isEqualTo("The receiver answered HTTP 500");

		Caller member = api.as(api.newPerson("Member"));
		member.execute("mutation($d: String!) { retryDelivery(deliveryId: $d) { status } }", "d", failed.path("id").asString())
			.failsWith("Delivery not found", "NOT_FOUND");
		receiver.answer("/receiver.example/broken/" + path, 200);
		owner.execute("mutation($d: String!) { retryDelivery(deliveryId: $d) { status } }", "d", failed.path("id").asString()).ok();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries().stream().anyMatch(d -> d.path("id").asString().equals(failed.path("id").asString())
					&& d.path("status").asString().equals("DELIVERED")));
	}

	@Test
	void aChannelIsOnlyAddedWhenItsTestMessageArrives() {
		receiver.answer("/receiver.example/never/" + path, 404);
		add("WEBHOOK", "https://receiver.example/never/" + path)
			.failsWith("Could not send a test message: The receiver answered HTTP 404", "BAD_USER_INPUT");
		add("SLACK", "https://hooks.slack.com.evil.example/services/x").failsWith(
				"This is not a valid Slack webhook URL (https://hooks.slack.com/...)", "BAD_USER_INPUT");
		add("EMAIL", "not-an-address").failsWith("This is not a valid e-mail address", "BAD_USER_INPUT");
		assertThat(owner.execute("query($s: String!) { squad(id: $s) { notificationChannels { id } } }", "s", squadId)
			.ok()
			.data("squad.notificationChannels")
			.isEmpty()).isTrue();
	}

	@Test
	void webhooksToPrivateAddressesAreRefused() {
		for (String target : List.of("https://127.0.0.1/x", "https://localhost/x", "https://169.254.169.254/latest/meta-data",
				"https://10.0.0.1/x", "https://192.168.1.1/x", "https://172.16.0.1/x", "https://[::1]/x",
				"https://[::ffff:127.0.0.1]/x", "https://[fd00::1]/x", "https://0.0.0.0/x", "https://100.64.0.1/x")) {
			assertThat(add("WEBHOOK", target).errorMessages()).as(target)
				.containsExactly("The address does not lead to the public internet");
			// the same addresses never get past the guard when connecting, where host names are checked against every
			// address they resolve to
			assertThatThrownBy(() -> outbound.postJson(java.net.URI.create(target), "{}", java.util.Map.of())).as(target)
				.isInstanceOf(OutboundHttp.OutboundRefused.class)
				.hasMessage("Refused: the address does not lead to the public internet");
		}
		for (String target : List.of("http://example.com/x", "ftp://example.com/x")) {
			assertThat(add("WEBHOOK", target).errorMessages()).as(target)
				.containsExactly("Only https addresses are accepted: the address must start with https://");
		}
		for (String target : List.of("https://user:pw@example.com/x", "https://example.com/x#frag")) {
			assertThat(add("WEBHOOK", target).errorMessages()).as(target)
				.containsExactly("This is not a valid webhook URL (https://...)");
		}
	}

	@Test
	void redirectsAreNeverFollowed() {
		receiver.answer("/receiver.example/moved/" + path, 307);
		add("WEBHOOK", "https://receiver.example/moved/" + path)
			.failsWith("Could not send a test message: The receiver answered HTTP 307", "BAD_USER_INPUT");
		assertThat(receiver.to("/redirected")).isEmpty();
	}

	@Test
	void channelsAreForOwnersOnly() {
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		Caller member = api.as(api.newPerson("Member"));
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		member.execute(ADD, "s", squadId, "k", "WEBHOOK", "t", "https://receiver.example/x")
			.failsWith("Only squad owners can change notification settings", "FORBIDDEN");
		member.execute("query($s: String!) { squad(id: $s) { deliveries { id } } }", "s", squadId)
			.failsWith("Only squad owners can change notification settings", "FORBIDDEN");
	}

}
