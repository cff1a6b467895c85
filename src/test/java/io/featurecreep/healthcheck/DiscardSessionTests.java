package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.WithReceivers;
import tools.jackson.databind.JsonNode;

/**
 * A squad owner discards a session started by mistake, running or ended, after a confirmation step: it leaves the
 * squad's history, the matrix, exports and reports, nothing more is sent about it, and the discard is on record.
 */
@FeatureCreepTest
class DiscardSessionTests extends WithReceivers {

	static final String DISCARD = "mutation($s: String!) { discardSession(sessionId: $s) { sessionId squadId discardedAt discardedBy { id } } }";

	static final String HISTORY = "query($s: String!) { squadHistory(squadId: $s) { sessions { sessionId } } }";

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	JdbcClient jdbc;

	Caller owner;

	Caller member;

	String squadId;

	@BeforeEach
	void squadWithAMember() {
		owner = api.as(api.newPerson("Owner"));
		member = api.as(api.newPerson("Member"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Mistakes happen\"}) { id } }").ok().text("createSquad.id");
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
	}

	@Test
	void anOwnerConfirmsAndDiscardsARunningSessionOnThePages() throws Exception {
		String sessionId = start();
		String squadPage = page(owner, "/squads/" + squadId);
		assertThat(squadPage).contains("/sessions/" + sessionId + "/discard");
		assertThat(page(member, "/squads/" + squadId)).doesNotContain("/discard");

		assertThat(page(owner, "/sessions/" + sessionId + "/discard")).contains("Discard this health check?",
				"ends it now, without results", "audit log", "Discard the health check");
		mvc.perform(post("/sessions/{id}/discard", sessionId).with(as(owner))).andExpect(status().isForbidden());
		assertThat(running()).isEqualTo(sessionId);

		mvc.perform(post("/sessions/{id}/discard", sessionId).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#sessions"))
			.andExpect(flash().attribute("sessionDiscarded", true));
		assertThat(running()).isNull();
		assertThat(owner.execute("query($s: String!) { squad(id: $s) { sessions { id } } }", "s", squadId)
			.ok()
			.data("squad.sessions")
			.isEmpty()).isTrue();
		var old = mvc.perform(get("/sessions/{id}", sessionId).with(as(member)))
			.andExpect(redirectedUrl("/squads/" + squadId + "#sessions"))
			.andReturn();
		assertThat(mvc.perform(get("/squads/{id}", squadId).flashAttrs(old.getFlashMap()).with(as(member)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("That health check was discarded").doesNotContain("/sessions/" + sessionId);
		// a live page still open there goes back to the squad
		mvc.perform(get("/sessions/{id}/parts/stage", sessionId).with(as(member)))
			.andExpect(header().string("HX-Redirect", "/squads/" + squadId));
		member.execute("query($s: String!) { session(id: $s) { id } }", "s", sessionId)
			.failsWith("Session not found", "BAD_USER_INPUT");
		Thread.sleep(1000);
		assertThat(jdbc.sql("select count(*) from question_result where session_id = ?").param(sessionId)
			.query(Integer.class)
			.single()).as("no results for a discarded session").isZero();
		assertThat(start()).as("the squad starts anew").isNotEqualTo(sessionId);
	}

	@Test
	void theSquadsHealthChecksSpeakTheOwnersLanguageBeforeAndAfterADiscard() throws Exception {
		String sessionId = start();
		assertThat(page(owner, "/squads/" + squadId, "de")).contains("Health Checks", "Jetzt live", "Zur Session",
				"Vergangene Sessions", "Noch keine. Die Ergebnisse erscheinen hier, sobald eine Session endet.",
				"Fragen bearbeiten")
			.doesNotContain("Join the session", ">Past sessions</h3>");
		assertThat(page(owner, "/sessions/" + sessionId + "/discard", "de")).contains("id=\"confirm-discard\"");

		mvc.perform(post("/sessions/{id}/discard", sessionId).header("Accept-Language", "de").with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#sessions"));
		assertThat(page(owner, "/squads/" + squadId, "fr")).contains("Aucun health check en cours.",
				"Lancer un health check", "Sessions passées");
		assertThat(page(member, "/workspace", "es")).contains("Iniciar un health check");
	}

	/**
	 * Three sessions; the middle one is discarded: the history, the export and the series leave it out, and the last
	 * session's change is measured against the first again.
	 */
	@Test
	void anEndedSessionLeavesHistoryExportsAndTheMeasureOfChange() throws Exception {
		String first = run(0);
		String mistake = run(2);
		String last = run(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> historySessions().size() == 3);
		assertThat(storedPreviousAverage(last)).isEqualTo(2.0);

		GraphQlResponse discarded = owner.execute(DISCARD, "s", mistake).ok();
		assertThat(discarded.text("discardSession.sessionId")).isEqualTo(mistake);
		assertThat(discarded.text("discardSession.discardedBy.id")).isEqualTo(owner.person().id());
		assertThat(discarded.text("discardSession.discardedAt")).isNotBlank();

		assertThat(historySessions()).containsExactly(first, last);
		assertThat(storedPreviousAverage(last)).as("the change of the last session, against the first").isEqualTo(0.0);
		assertThat(owner.execute("query($s: String!) { session(id: $s) { questions { results { previousAverage } } } }", "s", last)
			.ok()
			.data("session.questions.0.results.previousAverage")
			.asDouble()).isEqualTo(0.0);
		String csv = page(owner, "/squads/" + squadId + "/history.csv");
		assertThat(csv).contains(first, last).doesNotContain(mistake);
		assertThat(owner.execute("query($s: String!) { timeseries(squadId: $s, questionName: \"Delivering value\") { value } }",
				"s", squadId)
			.ok()
			.data("timeseries")
			.findValues("value")
			.stream()
			.map(JsonNode::asDouble)).containsExactly(0.0, 1.0);
		assertThat(page(owner, "/squads/" + squadId)).contains("/sessions/" + first + "/results")
			.doesNotContain("/sessions/" + mistake + "/results");
		mvc.perform(get("/sessions/{id}/results", mistake).with(as(owner)))
			.andExpect(redirectedUrl("/squads/" + squadId + "#sessions"));
		mvc.perform(get("/sessions/{id}/results", mistake).with(user(api.newPerson("Stranger").id())))
			.andExpect(status().isNotFound());
	}

	@Test
	void theMatrixShowsTheSessionBeforeADiscardedLatestOne() {
		Caller admin = api.as(api.newPerson("Admin"));
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) values ('00000000-0000-0000-0000-000000000001', ?)")
			.param(admin.person().id())
			.update();
		String kept = run(2);
		String mistake = run(0);
		await().atMost(Duration.ofSeconds(15)).until(() -> historySessions().size() == 2);
		assertThat(matrixSession(admin)).isEqualTo(mistake);

		owner.execute(DISCARD, "s", mistake).ok();
		assertThat(matrixSession(admin)).isEqualTo(kept);
	}

	/** The report of a session still waiting for a receiver that is down is never sent once the session is discarded. */
	@Test
	void aReportNotYetSentIsNeverSentAfterADiscard() {
		String path = "/receiver.example/discard/" + squadId;
		owner.execute("mutation($s: String!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: $t}) { channel { id } } }",
				"s", squadId, "t", "https://receiver.example/discard/" + squadId)
			.ok();
		receiver.answer(path, 503);
		String sessionId = run(1);
		awaitOrExplain(sessionId, () -> receiver.to(path).stream().anyMatch(request -> request.body().contains(sessionId)));
		owner.execute(DISCARD, "s", sessionId).ok();

		// the receiver stays down until the report is cancelled: a try already under way when the discard commits
		// fails as before (had it come back up, that one try could still deliver: CI once saw it)
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId) != null
				&& report(sessionId).path("status").asString().equals("CANCELLED"));
		assertThat(report(sessionId).path("lastError").asString()).isEqualTo("Not sent: the session was discarded");
		receiver.answer(path, 200);
		int tries = receiver.to(path).size();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> receiver.to(path).size() == tries);
		owner.execute("mutation($d: String!) { retryDelivery(deliveryId: $d) { status } }", "d",
				report(sessionId).path("id").asString())
			.failsWith("Only failed reports and reminders can be retried", "BAD_USER_INPUT");
	}

	@Test
	void theDiscardIsRecordedWithWhoAndWhen() {
		Caller admin = api.as(api.newPerson("Auditor"));
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) values ('00000000-0000-0000-0000-000000000001', ?)")
			.param(admin.person().id())
			.update();
		String sessionId = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s, name: \"Oops check\"}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		owner.execute(DISCARD, "s", sessionId).ok();

		assertThat(jdbc.sql("select discarded_by from health_session where id = ?").param(sessionId).query(String.class).single())
			.isEqualTo(owner.person().id());
		JsonNode entry = null;
		for (JsonNode candidate : admin.execute("{ auditLog(first: 50) { entries { action actor { id } detail at } } }")
			.ok()
			.data("auditLog.entries")) {
			if (candidate.path("action").asString().equals("SESSION_DISCARDED")
					&& candidate.path("detail").asString().startsWith("Oops check")) {
				entry = candidate;
			}
		}
		assertThat(entry).as("the audit log entry").isNotNull();
		assertThat(entry.path("actor").path("id").asString()).isEqualTo(owner.person().id());
		assertThat(entry.path("detail").asString()).isEqualTo("Oops check \u2014 Mistakes happen");
	}

	@Test
	void onlyOwnersDiscardAndOnlyOnce() throws Exception {
		String sessionId = start();
		member.execute(DISCARD, "s", sessionId).failsWith("Only squad owners can discard sessions", "FORBIDDEN");
		mvc.perform(get("/sessions/{id}/discard", sessionId).with(as(member))).andExpect(status().isForbidden());
		mvc.perform(post("/sessions/{id}/discard", sessionId).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		Caller outsider = api.as(api.newPerson("Outsider"));
		outsider.execute(DISCARD, "s", sessionId).failsWith("Session not found", "NOT_FOUND");
		mvc.perform(get("/sessions/{id}/discard", sessionId).with(as(outsider))).andExpect(status().isNotFound());
		owner.execute(DISCARD, "s", "no-such-session").failsWith("Session not found", "NOT_FOUND");
		assertThat(running()).isEqualTo(sessionId);

		owner.execute(DISCARD, "s", sessionId).ok();
		owner.execute(DISCARD, "s", sessionId).failsWith("Session not found", "NOT_FOUND");
		mvc.perform(get("/sessions/{id}/discard", sessionId).with(as(owner))).andExpect(status().isNotFound());
	}

	// -----

	String start() {
		return owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
	}

	/** A session in which owner and member vote this colour on every question, then ended. */
	String run(int colour) {
		GraphQlResponse session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		for (Caller voter : List.of(owner, member)) {
			session.data("createSession.questions")
				.forEach(q -> voter.execute(
						"mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a}) { id } }",
						"s", sessionId, "q", q.path("id").asString(), "a", colour)
					.ok());
		}
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		await().atMost(Duration.ofSeconds(15)).until(() -> historySessions().contains(sessionId));
		return sessionId;
	}

	String running() {
		JsonNode active = owner.execute("query($s: String!) { squad(id: $s) { activeSession { id } } }", "s", squadId)
			.ok()
			.data("squad.activeSession");
		return active.isNull() ? null : active.path("id").asString();
	}

	List<String> historySessions() {
		List<String> ids = new ArrayList<>();
		owner.execute(HISTORY, "s", squadId).ok().data("squadHistory.sessions").forEach(s -> ids.add(s.path("sessionId").asString()));
		return ids;
	}

	Double storedPreviousAverage(String sessionId) {
		return jdbc.sql("select previous_average from question_result where session_id = ? and position = 1")
			.param(sessionId)
			.query(Double.class)
			.single();
	}

	String matrixSession(Caller admin) {
		for (JsonNode row : admin.execute("{ organisationMatrix { squads { squadId sessionId } } }").ok().data("organisationMatrix.squads")) {
			if (row.path("squadId").asString().equals(squadId)) {
				return row.path("sessionId").asString(null);
			}
		}
		throw new AssertionError("the squad is not in the matrix");
	}

	JsonNode report(String sessionId) {
		for (JsonNode delivery : owner.execute("query($s: String!) { squad(id: $s) { deliveries { id purpose status lastError sessionId } } }",
				"s", squadId).ok().data("squad.deliveries")) {
			if (delivery.path("purpose").asString().equals("REPORT") && delivery.path("sessionId").asString().equals(sessionId)) {
				return delivery;
			}
		}
		return null;
	}

	String page(Caller caller, String path, String languages) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", languages).with(as(caller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String page(Caller caller, String path) throws Exception {
		return mvc.perform(get(path).with(as(caller))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static RequestPostProcessor as(Caller caller) {
		return user(caller.person().id());
	}

	/**
	 * Waits up to 30 s for the session's report to be tried; when it is not, says where its work stands (this wait
	 * timed out twice on 2026-12-02 under load, with no delivery attempt logged for the session).
	 */
	private void awaitOrExplain(String sessionId, java.util.concurrent.Callable<Boolean> done) {
		try {
			await().atMost(Duration.ofSeconds(30)).until(done);
		}
		catch (org.awaitility.core.ConditionTimeoutException timedOut) {
			String outbox = jdbc.sql("""
					select handler, status, attempts, locked_until, next_attempt_at, last_error
					from event_outbox where payload like ? or payload in (
					  select '{"deliveryId":"' || id || '"}' from notification_delivery where session_id = ?)""")
				.params("%" + sessionId + "%", sessionId)
				.query()
				.listOfRows()
				.toString();
			String deliveries = jdbc.sql("""
					select id, purpose, status, attempts, last_error
					from notification_delivery where session_id = ?""").param(sessionId).query().listOfRows().toString();
			throw new AssertionError("report not tried within 30 s at " + java.time.Instant.now() + "; outbox: "
					+ outbox + "; deliveries: " + deliveries, timedOut);
		}
	}

}
