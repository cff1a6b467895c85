package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
 * Async sessions remind the members who have not voted, once, a chosen number of hours before the deadline: each of
 * them by e-mail, and the squad's channels with how many have not voted, never who (in named squads too). A
 * session set to remind one hour before a deadline an hour and some seconds away is reminded within seconds.
 */
@FeatureCreepTest
class ReminderTests extends WithReceivers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration LEAD = Duration.ofSeconds(15);

	static final String CREATE = """
			mutation($s: String!, $m: SessionMode, $d: String, $r: Int) {
			  createSession(input: {squadId: $s, name: "Sprint 7", mode: $m, deadline: $d, reminderHours: $r}) {
			    id reminderHours questions { id } } }""";

	static final String VOTE = "mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 1}) { id } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The owner and three members (first names no message may contain), and the squad's two channels. */
	record Squad(String id, Caller owner, List<Caller> members, String discordPath, String webhookPath) {

		List<Caller> everyone() {
			List<Caller> all = new ArrayList<>(List.of(owner));
			all.addAll(members);
			return all;
		}

	}

	Squad squad(boolean anonymous) {
		Caller owner = api.as(api.newPerson("Quentin"));
		String id = owner
			.execute("mutation($a: Boolean) { createSquad(input: {name: \"Reminded\", anonymous: $a}) { id } }", "a", anonymous)
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", id)
			.ok()
			.text("createInvite.token");
		List<Caller> members = new ArrayList<>();
		for (String name : List.of("Rosalind", "Sybil", "Tobias")) {
			Caller member = api.as(api.newPerson(name));
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
			members.add(member);
		}
		String tag = id.substring(0, 8);
		String add = "mutation($s: String!, $k: ChannelKind!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: $k, target: $t}) { channel { id } } }";
		owner.execute(add, "s", id, "k", "DISCORD", "t", "https://discord.com/api/webhooks/55/remind-" + tag).ok();
		owner.execute(add, "s", id, "k", "WEBHOOK", "t", "https://receiver.example/remind/" + tag).ok();
		return new Squad(id, owner, members, "/discord.com/api/webhooks/55/remind-" + tag, "/receiver.example/remind/" + tag);
	}

	/**
	 * An async session whose one-hour reminder is due in a few seconds: time enough for a test's votes before it, on
	 * a busy machine too.
	 */
	GraphQlResponse startRemindingSoon(Squad squad) {
		return squad.owner()
			.execute(CREATE, "s", squad.id(), "m", "ASYNC", "d",
					Instant.now().plus(Duration.ofHours(1)).plus(LEAD).toString(), "r", 1)
			.ok();
	}

	@Test
	void aNamedSquadsNonVotersAreRemindedOnceAndItsChannelsHearOnlyHowMany() throws Exception {
		Squad squad = squad(false);
		GraphQlResponse session = startRemindingSoon(squad);
		assertThat(session.data("createSession.reminderHours").asInt()).isEqualTo(1);
		String sessionId = session.text("createSession.id");
		List<String> questions = session.data("createSession.questions").findValues("id").stream().map(JsonNode::asString).toList();
		// two members answer everything, the owner only the first question, the last member nothing
		for (Caller voter : squad.members().subList(0, 2)) {
			questions.forEach(q -> voter.execute(VOTE, "s", sessionId, "q", q).ok());
		}
		squad.owner().execute(VOTE, "s", sessionId, "q", questions.get(0)).ok();

		await().atMost(Duration.ofSeconds(40)).until(() -> reminders(squad.discordPath()).size() == 1
				&& reminders(squad.webhookPath()).size() == 1 && remindersTo(squad.owner()).size() == 1);
		String discord = JSON.readTree(reminders(squad.discordPath()).get(0).body()).path("content").asString();
		assertThat(discord).isEqualTo("Reminded: 2 of 4 members have not voted yet in Sprint 7. Voting closes "
				+ ReminderTexts.deadline(deadlineOf(squad, sessionId), java.util.Locale.ENGLISH) + ".");
		JsonNode webhook = JSON.readTree(reminders(squad.webhookPath()).get(0).body());
		assertThat(webhook.path("type").asString()).isEqualTo("session.reminder");
		assertThat(webhook.path("yetToVote").asInt()).isEqualTo(2);
		assertThat(webhook.path("members").asInt()).isEqualTo(4);
		assertThat(webhook.path("sessionId").asString()).isEqualTo(sessionId);
		for (Receiver.Request message : List.of(reminders(squad.discordPath()).get(0), reminders(squad.webhookPath()).get(0))) {
			assertNamesNoOne(message.body(), squad);
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> remindersTo(squad.members().get(2)).size() == 1);
		MimeMessage mail = remindersTo(squad.owner()).get(0);
		assertThat(mail.getSubject()).startsWith("Reminder: please vote in Sprint 7 before");
		String text = ((String) mail.getContent());
		assertThat(text).startsWith("Hello Quentin Tester,").contains("Sprint 7", "Reminded")
			.doesNotContain("Rosalind", "Sybil", "Tobias");
		assertThat(remindersTo(squad.members().get(0))).as("voted on everything").isEmpty();
		assertThat(remindersTo(squad.members().get(1))).as("voted on everything").isEmpty();

		// once: nothing more, however long one waits
		Thread.sleep(2500);
		assertThat(reminders(squad.discordPath())).hasSize(1);
		assertThat(reminders(squad.webhookPath())).hasSize(1);
		for (Caller member : squad.everyone()) {
			assertThat(remindersTo(member).size()).isLessThanOrEqualTo(1);
		}
		List<JsonNode> logged = new ArrayList<>();
		squad.owner()
			.execute("query($s: String!) { squad(id: $s) { deliveries { purpose status sessionId } } }", "s", squad.id())
			.ok()
			.data("squad.deliveries")
			.forEach(d -> {
				if (d.path("purpose").asString().equals("REMINDER")) {
					logged.add(d);
				}
			});
		assertThat(logged).hasSize(2).allSatisfy(d -> {
			assertThat(d.path("status").asString()).isEqualTo("DELIVERED");
			assertThat(d.path("sessionId").asString()).isEqualTo(sessionId);
		});
	}

	@Test
	void anAnonymousSquadsChannelsHearACountAndEachNonVoterAnEmailOfTheirOwn() throws Exception {
		Squad squad = squad(true);
		GraphQlResponse session = startRemindingSoon(squad);
		String sessionId = session.text("createSession.id");
		session.data("createSession.questions")
			.findValues("id")
			.forEach(q -> squad.members().get(0).execute(VOTE, "s", sessionId, "q", q.asString()).ok());

		await().atMost(Duration.ofSeconds(40)).until(() -> reminders(squad.webhookPath()).size() == 1);
		JsonNode webhook = JSON.readTree(reminders(squad.webhookPath()).get(0).body());
		assertThat(webhook.path("yetToVote").asInt()).isEqualTo(3);
		assertNamesNoOne(webhook.toString(), squad);
		await().atMost(Duration.ofSeconds(10)).until(() -> reminders(squad.discordPath()).size() == 1);
		assertNamesNoOne(reminders(squad.discordPath()).get(0).body(), squad);
		await().atMost(Duration.ofSeconds(10)).until(() -> remindersTo(squad.members().get(2)).size() == 1
				&& remindersTo(squad.owner()).size() == 1 && remindersTo(squad.members().get(1)).size() == 1);
		assertThat(remindersTo(squad.members().get(0))).isEmpty();
	}

	/** A session that ended, was discarded, or in which everyone voted before the reminder was due gets none. */
	@Test
	void noReminderOnceTheSessionIsOverDiscardedOrFullyVoted() throws Exception {
		Squad ended = squad(false);
		Squad discarded = squad(false);
		Squad allVoted = squad(false);
		String endedId = startRemindingSoon(ended).text("createSession.id");
		String discardedId = startRemindingSoon(discarded).text("createSession.id");
		GraphQlResponse full = startRemindingSoon(allVoted);
		String fullId = full.text("createSession.id");
		ended.owner().execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", endedId).ok();
		discarded.owner().execute("mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }", "s", discardedId).ok();
		for (Caller voter : allVoted.everyone()) {
			full.data("createSession.questions").findValues("id").forEach(q -> voter.execute(VOTE, "s", fullId, "q", q.asString()).ok());
		}
		Squad control = squad(false);
		startRemindingSoon(control);

		await().atMost(Duration.ofSeconds(40)).until(() -> reminders(control.webhookPath()).size() == 1);
		Thread.sleep(1000);
		for (Squad quiet : List.of(ended, discarded, allVoted)) {
			assertThat(reminders(quiet.discordPath())).isEmpty();
			assertThat(reminders(quiet.webhookPath())).isEmpty();
			for (Caller member : quiet.everyone()) {
				assertThat(remindersTo(member)).isEmpty();
			}
		}
	}

	@Test
	void aReminderIsForAsyncSessionsBetweenTheirStartAndTheirDeadline() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Checked\"}) { id } }").ok().text("createSquad.id");
		String inTwoHours = Instant.now().plus(Duration.ofHours(2)).toString();
		owner.execute(CREATE, "s", squadId, "m", "LIVE", "r", 1)
			.failsWith("Only async sessions send reminders", "BAD_USER_INPUT");
		for (int hours : new int[] { 0, -1, 337 }) {
			owner.execute(CREATE, "s", squadId, "m", "ASYNC", "d", inTwoHours, "r", hours)
				.failsWith("A reminder comes between 1 and 336 hours before the deadline", "BAD_USER_INPUT");
		}
		owner.execute(CREATE, "s", squadId, "m", "ASYNC", "d", inTwoHours, "r", 2)
			.failsWith("A reminder 2 hours before the deadline would come before the session starts: choose a later "
					+ "deadline or a shorter time", "BAD_USER_INPUT");
		assertThat(owner.execute(CREATE, "s", squadId, "m", "ASYNC", "d", inTwoHours)
			.ok()
			.data("createSession.reminderHours")
			.isNull()).as("no reminder unless asked for").isTrue();
	}

	/** The reminder's work is recorded with the session and waits in the outbox until it is due. */
	@Test
	void aReminderWaitsInTheOutboxUntilItIsDue() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Later\"}) { id } }").ok().text("createSquad.id");
		Instant deadline = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.SECONDS);
		String sessionId = owner.execute(CREATE, "s", squadId, "m", "ASYNC", "d", deadline.toString(), "r", 24)
			.ok()
			.text("createSession.id");
		var work = jdbc.sql("""
				select status, next_attempt_at from event_outbox
				where handler = 'notifications.remind-non-voters' and payload like ?""")
			.param("%" + sessionId + "%")
			.query((rs, row) -> java.util.Map.entry(rs.getString("status"),
					rs.getObject("next_attempt_at", java.time.OffsetDateTime.class).toInstant()))
			.single();
		assertThat(work.getKey()).isEqualTo("PENDING");
		assertThat(work.getValue()).isEqualTo(deadline.minus(Duration.ofHours(24)));
	}

	@Test
	void theNewSessionPageSetsAReminderAndSaysWhyOneIsRefused() throws Exception {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Paged\"}) { id } }").ok().text("createSquad.id");
		LocalDateTime inHalfAnHour = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);

		String refused = mvc.perform(start(owner, squadId, inHalfAnHour, "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"reminder-error\"",
				"A reminder 1 hour before the deadline would come before the session starts")
			.contains("<option value=\"1\" selected=\"selected\">1 hour before voting closes</option>");

		MvcResult started = mvc.perform(start(owner, squadId, inHalfAnHour.plusHours(2), "1")).andReturn();
		String location = started.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/sessions/");
		String sessionId = location.substring("/sessions/".length());
		assertThat(owner.execute("query($s: String!) { session(id: $s) { reminderHours deadline } }", "s", sessionId)
			.ok()
			.data("session.reminderHours")
			.asInt()).isEqualTo(1);
		assertThat(mvc.perform(get("/squads/{id}", squadId).with(user(owner.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("reminder 1 hour before");
	}

	// -----

	org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder start(Caller owner, String squadId,
			LocalDateTime deadline, String reminderHours) {
		return post("/squads/{id}/sessions/new", squadId).param("op", "start")
			.param("mode", "ASYNC")
			.param("deadline", deadline.toString())
			.param("timeZone", "UTC")
			.param("reminderHours", reminderHours)
			.param("questions[0].key", "a")
			.param("questions[0].title", "Fun")
			.with(user(owner.person().id()))
			.with(csrf());
	}

	Instant deadlineOf(Squad squad, String sessionId) {
		return Instant.parse(squad.owner()
			.execute("query($s: String!) { session(id: $s) { deadline } }", "s", sessionId)
			.ok()
			.text("session.deadline"));
	}

	/** Reminders (not test messages or reports) that reached this path. */
	static List<Receiver.Request> reminders(String path) {
		return receiver.to(path).stream().filter(r -> r.body().contains("not voted yet")).toList();
	}

	static List<MimeMessage> remindersTo(Caller person) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(person.person().email())
						&& m.getSubject().startsWith("Reminder: please vote");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	static void assertNamesNoOne(String message, Squad squad) {
		for (Caller someone : squad.everyone()) {
			assertThat(message).doesNotContain(someone.person().firstName(), someone.person().id(),
					someone.person().email());
		}
	}

}
