package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.healthcheck.ResultsRecorded;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.WithReceivers;
import tools.jackson.databind.JsonNode;

/**
 * Alerts through the real stack: a planted drop is raised once when the session enters the history, shows on the
 * squad page, the history and in the channel report, in the reader's language; members read alerts, owners dismiss
 * them (GraphQL and the page's form), outsiders learn nothing; an anonymous squad's withheld results raise none; a
 * discarded session takes its alerts with it.
 */
@FeatureCreepTest
class AlertsTests extends WithReceivers {

	static final String ALERTS = "query($s: String!) { alerts(squadId: $s) { id kind sessionId title evidence average votes reference sessions count pValue dismissed dismissedBy { id } dismissNote } }";

	static final String DISMISS = "mutation($a: String!, $n: String) { dismissAlert(alertId: $a, note: $n) { id dismissed dismissedAt dismissedBy { id } dismissNote } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecordHistory recordHistory;

	Caller owner;

	Caller member;

	List<Caller> team;

	@BeforeEach
	void team() {
		owner = api.as(api.newPerson("Owner"));
		member = api.as(api.newPerson("Member"));
		team = List.of(owner, member, api.as(api.newPerson("Cy")), api.as(api.newPerson("Di")));
	}

	@Test
	void aDropIsRaisedOnceShownOnPagesAndReported() throws Exception {
		String squadId = squad("Droppers", false, team);
		String path = squadId.substring(0, 8);
		owner.execute("mutation($s: String!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: $t}) { signingSecret } }",
				"s", squadId, "t", "https://receiver.example/alerts/" + path).ok();
		for (int i = 0; i < 3; i++) {
			session(squadId, team, 2, "STABLE");
		}
		String dropped = session(squadId, team, 0, "STABLE");
		List<JsonNode> alerts = await().atMost(Duration.ofSeconds(15))
			.until(() -> alerts(member, squadId), list -> list.stream().anyMatch(a -> a.path("sessionId").asString().equals(dropped)));
		JsonNode value = alerts.stream().filter(a -> a.path("title").asString().equals("Delivering value")).findFirst().orElseThrow();
		assertThat(value.path("kind").asString()).isEqualTo("DROP");
		assertThat(value.path("evidence").asString())
			.isEqualTo("Delivering value: average 0.0 from 2.0 over the last 3 sessions, 4 votes");
		assertThat(value.path("votes").asInt()).isEqualTo(4);
		assertThat(value.path("reference").asDouble()).isEqualTo(2.0);
		assertThat(value.path("pValue").asDouble()).isLessThan(0.001);
		assertThat(value.path("dismissed").asBoolean()).isFalse();
		assertThat(alerts).allMatch(a -> a.path("sessionId").asString().equals(dropped) && a.path("kind").asString().equals("DROP"));
		int raised = alerts.size();

		// the handler may run twice (a node dies after its work): nothing new
		recordHistory.handle(new ResultsRecorded(dropped, squadId));
		recordHistory.handle(new ResultsRecorded(dropped, squadId));
		assertThat(alerts(member, squadId)).hasSize(raised);

		assertThat(page(member, "/squads/" + squadId, "en")).contains("id=\"alerts\"",
				"Delivering value: average 0.0 from 2.0 over the last 3 sessions, 4 votes");
		assertThat(page(member, "/squads/" + squadId, "de")).contains("Durchschnitt 0,0 nach 2,0 in den letzten 3 Sessions, 4 Stimmen");
		assertThat(page(member, "/squads/" + squadId + "/history", "en")).contains("class=\"alert-marker\"",
				raised + " alerts");

		// the matrix, for an organisation admin: a badge with the open alerts of the squad's latest session
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) values ('00000000-0000-0000-0000-000000000001', ?)")
			.param(owner.person().id())
			.update();
		String matrix = page(owner, "/organisation/matrix", "en");
		int row = matrix.indexOf(">Droppers<");
		assertThat(row).isPositive();
		assertThat(matrix.substring(row, matrix.indexOf("</th>", row))).contains("alert-badge", raised + " alerts");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> receiver.to("/receiver.example/alerts/" + path)
				.stream()
				.anyMatch(r -> r.body().contains(dropped) && r.body().contains("\"alerts\"")
						&& r.body().contains("Delivering value: average 0.0 from 2.0 over the last 3 sessions, 4 votes")));

		owner.execute("mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }", "s", dropped).ok();
		assertThat(alerts(member, squadId)).isEmpty();
	}

	@Test
	void membersSeeOwnersDismissOutsidersLearnNothing() throws Exception {
		String squadId = squad("Split", false, team);
		// two red, two green: split whatever the average says
		String sessionId = session(squadId, team, new int[] { 0, 0, 2, 2 }, null);
		List<JsonNode> alerts = await().atMost(Duration.ofSeconds(15))
			.until(() -> alerts(member, squadId), list -> !list.isEmpty());
		JsonNode split = alerts.get(0);
		assertThat(split.path("kind").asString()).isEqualTo("SPLIT");
		assertThat(split.path("sessionId").asString()).isEqualTo(sessionId);
		assertThat(split.path("evidence").asString()).endsWith("the squad is split, 2 red and 2 green of 4 votes");
		String alertId = split.path("id").asString();

		Caller outsider = api.as(api.newPerson("Outsider"));
		outsider.execute(ALERTS, "s", squadId).failsWith("Squad not found", "NOT_FOUND");
		outsider.execute(DISMISS, "a", alertId, "n", "mine now").failsWith("Alert not found.", "NOT_FOUND");
		member.execute(DISMISS, "a", alertId, "n", "not ours").failsWith("Only squad owners can dismiss alerts.", "FORBIDDEN");
		owner.execute(DISMISS, "a", alertId, "n", "x".repeat(501)).failsWith("A note has at most 500 characters.", "BAD_USER_INPUT");
		mvc.perform(get("/squads/{s}/alerts/{a}/dismiss", squadId, alertId).with(user(member.person().id())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{s}/alerts/{a}/dismiss", squadId, alertId).param("note", "talked")
			.with(user(owner.person().id()))).andExpect(status().isForbidden());
		assertThat(page(owner, "/squads/" + squadId + "/alerts/" + alertId + "/dismiss", "en")).contains("name=\"_csrf\"");
		mvc.perform(post("/squads/{s}/alerts/{a}/dismiss", squadId, alertId).param("note", "We talked about it <b>")
			.with(csrf())
			.with(user(owner.person().id()))).andExpect(redirectedUrl("/squads/" + squadId + "#alerts"));

		JsonNode dismissed = alerts(member, squadId).get(0);
		assertThat(dismissed.path("dismissed").asBoolean()).isTrue();
		assertThat(dismissed.path("dismissedBy").path("id").asString()).isEqualTo(owner.person().id());
		assertThat(dismissed.path("dismissNote").asString()).isEqualTo("We talked about it <b>");
		assertThat(jdbc.sql("select detail from admin_audit where action = 'ALERT_DISMISSED' and actor_id = ?")
			.param(owner.person().id())
			.query(String.class)
			.list()).singleElement().asString().startsWith("Split: ").endsWith(" \u2014 Split");
		// the first dismissal stays on record
		GraphQlResponse again = owner.execute(DISMISS, "a", alertId, "n", "again").ok();
		assertThat(again.text("dismissAlert.dismissNote")).isEqualTo("We talked about it <b>");
		assertThat(page(member, "/squads/" + squadId, "en")).contains("id=\"alerts\"").doesNotContain("alert-" + alertId);
		assertThat(page(member, "/squads/" + squadId + "/history", "en")).contains("We talked about it &lt;b&gt;")
			.doesNotContain("We talked about it <b>");
	}

	@Test
	void withheldResultsOfAnAnonymousSquadRaiseNothing() {
		String squadId = squad("Quiet", true, team);
		for (int i = 0; i < 3; i++) {
			session(squadId, team, 2, null);
		}
		// two of four vote red and all expect worse: fewer votes than the anonymous minimum, so only a count shows
		String last = session(squadId, team.subList(0, 2), 0, "WORSENING");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("select count(*) from history_session where session_id = ?").param(last).query(Integer.class).single() == 1);
		assertThat(alerts(member, squadId)).isEmpty();
		assertThat(jdbc.sql("select count(*) from squad_alert where squad_id = ?").param(squadId).query(Integer.class).single())
			.isZero();
	}

	List<JsonNode> alerts(Caller caller, String squadId) {
		List<JsonNode> list = new ArrayList<>();
		caller.execute(ALERTS, "s", squadId).ok().data("alerts").forEach(list::add);
		return list;
	}

	String squad(String name, boolean anonymous, List<Caller> members) {
		String squadId = owner.execute("mutation($n: String!, $a: Boolean) { createSquad(input: {name: $n, anonymous: $a}) { id } }",
				"n", name, "a", anonymous)
			.ok()
			.text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		members.subList(1, members.size()).forEach(m -> m.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok());
		return squadId;
	}

	String session(String squadId, List<Caller> voters, int colour, String trend) {
		int[] colours = new int[voters.size()];
		java.util.Arrays.fill(colours, colour);
		return session(squadId, voters, colours, trend);
	}

	/** A session in which each voter votes their colour on every question, ended; waits until it is in the history. */
	String session(String squadId, List<Caller> voters, int[] colours, String trend) {
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		for (int v = 0; v < voters.size(); v++) {
			int colour = colours[v];
			Caller voter = voters.get(v);
			session.data("createSession.questions").forEach(q -> voter
				.execute("mutation($s: String!, $q: String!, $a: Int!, $t: Trend) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t}) { id } }",
						"s", sessionId, "q", q.path("id").asString(), "a", colour, "t", trend)
				.ok());
		}
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("select count(*) from history_session where session_id = ?").param(sessionId)
				.query(Integer.class)
				.single() == 1);
		return sessionId;
	}

	String page(Caller caller, String path, String languages) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", languages).with(user(caller.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
