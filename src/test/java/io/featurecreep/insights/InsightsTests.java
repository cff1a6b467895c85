package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/**
 * A squad's history and the organisation matrix: cells follow the indicator, carry their count, withhold numbers
 * of anonymous sessions with too few votes; the matrix is for organisation admins unless they open it; squads can
 * stay out; exports say the same as the views. Runs on its own database, so its first person is the admin.
 */
@SpringBootTest(properties = "feature-creep.insights.min-votes-anonymous=3")
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsTests {

	static final String HISTORY = "query($s: String!) { squadHistory(squadId: $s) { squadName sessions { sessionId } indicators { indicatorId title cells { votes average band trend red green hidden } } } }";

	static final String MATRIX = "{ organisationMatrix { indicators { title } squads { squadId squadName sessionId cells { band votes } } } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	NotesAndActions actions;

	Caller admin;

	Caller lead;

	List<Caller> team;

	String namedSquad;

	String anonymousSquad;

	@BeforeAll
	void twoSquadsWithHistory() {
		admin = api.as(api.newPerson("Admin"));
		lead = api.as(api.newPerson("Lead"));
		team = List.of(lead, api.as(api.newPerson("Bo")), api.as(api.newPerson("Cy")));
		namedSquad = squad("Platform", false);
		anonymousSquad = squad("Mobile", true);
		// Platform: two sessions, everyone votes; "Fun" goes from red to green, trend improving
		session(namedSquad, team, 0, "IMPROVING");
		GraphQlResponse second = session(namedSquad, team, 2, "IMPROVING");
		// an action agreed in the second session for its third question ("Fun")
		actions.addAction(lead.person().id(), second.text("createSession.id"), "Play a game on Fridays",
				second.text("createSession.questions.2.id"), lead.person().id(), null, null);
		// Mobile: anonymous, only two of three vote: too few to show what they voted
		session(anonymousSquad, team.subList(0, 2), 1, null);
	}

	String squad(String name, boolean anonymous) {
		String squadId = lead.execute("mutation($n: String!, $a: Boolean) { createSquad(input: {name: $n, anonymous: $a}) { id } }",
				"n", name, "a", anonymous)
			.ok()
			.text("createSquad.id");
		String token = lead.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		team.subList(1, team.size()).forEach(m -> m.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok());
		return squadId;
	}

	GraphQlResponse session(String squadId, List<Caller> voters, int colour, String trend) {
		int[] colours = new int[voters.size()];
		java.util.Arrays.fill(colours, colour);
		return session(squadId, voters, colours, trend);
	}

	/** A session in which each voter votes their colour on every question, then ends; waits for its results. */
	GraphQlResponse session(String squadId, List<Caller> voters, int[] colours, String trend) {
		GraphQlResponse session = lead
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		for (int v = 0; v < voters.size(); v++) {
			Caller voter = voters.get(v);
			int colour = colours[v];
			session.data("createSession.questions").forEach(q -> voter
				.execute("mutation($s: String!, $q: String!, $a: Int!, $t: Trend) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t}) { id } }",
						"s", sessionId, "q", q.path("id").asString(), "a", colour, "t", trend)
				.ok());
		}
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> lead.execute(HISTORY, "s", squadId).ok().data("squadHistory.sessions").size() > 0
					&& lead.execute(HISTORY, "s", squadId)
						.ok()
						.data("squadHistory.sessions")
						.findValues("sessionId")
						.stream()
						.anyMatch(id -> id.asString().equals(sessionId)));
		return session;
	}

	@Test
	void aSquadSeesEachIndicatorAcrossItsSessionsWithCountsBandsAndTrends() {
		GraphQlResponse history = lead.execute(HISTORY, "s", namedSquad).ok();
		assertThat(history.data("squadHistory.sessions").size()).isEqualTo(2);
		JsonNode fun = history.data("squadHistory.indicators.2");
		assertThat(fun.path("title").asString()).isEqualTo("Fun");
		assertThat(fun.path("cells").path(0).path("band").asString()).isEqualTo("RED");
		assertThat(fun.path("cells").path(1).path("band").asString()).isEqualTo("GREEN");
		assertThat(fun.path("cells").path(1).path("votes").asInt()).isEqualTo(3);
		assertThat(fun.path("cells").path(1).path("green").asInt()).isEqualTo(3);
		assertThat(fun.path("cells").path(1).path("trend").asString()).isEqualTo("IMPROVING");
	}

	@Test
	void anonymousSessionsWithTooFewVotesShowOnlyTheirCount() {
		JsonNode cell = lead.execute(HISTORY, "s", anonymousSquad).ok().data("squadHistory.indicators.0.cells.0");
		assertThat(cell.path("votes").asInt()).isEqualTo(2);
		assertThat(cell.path("hidden").asBoolean()).isTrue();
		assertThat(lead.execute("query($s: String!) { squadHistory(squadId: $s) { indicators { cells { withheld } } } }", "s",
				anonymousSquad).ok().data("squadHistory.indicators.0.cells.0.withheld").asBoolean()).isTrue();
		assertThat(cell.path("average").isNull()).isTrue();
		assertThat(cell.path("band").asString()).isEqualTo("NONE");
	}

	@Test
	void outsidersSeeNoHistory() {
		api.as(api.newPerson("Outsider"))
			.execute(HISTORY, "s", namedSquad)
			.failsWith("Squad not found", "NOT_FOUND");
	}

	@Test
	void theMatrixIsForAdminsUntilTheyOpenItAndSquadsCanStayOut() {
		String matrix = "{ organisationMatrix { indicators { title } squads { squadName cells { band votes hidden } } } }";
		lead.execute(matrix).failsWith("Only organisation admins can see the organisation matrix", "FORBIDDEN");
		GraphQlResponse seen = admin.execute(matrix).ok();
		assertThat(seen.data("organisationMatrix.squads").findValues("squadName").stream().map(JsonNode::asString))
			.contains("Platform", "Mobile");
		assertThat(seen.text("organisationMatrix.indicators.0.title")).isEqualTo("Delivering value");

		lead.execute("mutation { setMembersSeeMatrix(allowed: true) }")
			.failsWith("Only organisation admins can change who sees the organisation matrix", "FORBIDDEN");
		admin.execute("mutation { setMembersSeeMatrix(allowed: true) }").ok();
		lead.execute(matrix).ok();

		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: false) { inOrganisationMatrix } }", "s", anonymousSquad)
			.ok();
		assertThat(admin.execute(matrix).ok().data("organisationMatrix.squads").findValues("squadName").stream().map(JsonNode::asString))
			.contains("Platform")
			.doesNotContain("Mobile");
		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: true) { inOrganisationMatrix } }", "s", anonymousSquad)
			.ok();
		admin.execute("mutation { setMembersSeeMatrix(allowed: false) }").ok();
	}

	@Test
	void exportsSayWhatTheViewsSay() throws Exception {
		MvcResult csv = mvc.perform(get("/squads/{id}/history.csv", namedSquad).with(user(lead.person().id()))).andReturn();
		assertThat(csv.getResponse().getStatus()).isEqualTo(200);
		assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
		assertThat(csv.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		String[] lines = csv.getResponse().getContentAsString().split("\r\n");
		assertThat(lines[0]).startsWith("indicator_id,indicator,session_id,session_name,ended_at,votes,average,band")
			.endsWith(",withheld");
		assertThat(lines).hasSize(1 + 8 * 2);
		assertThat(lines).anyMatch(line -> line.contains(",Fun,") && line.contains(",GREEN,IMPROVING,"));

		String anonymous = mvc.perform(get("/squads/{id}/history.json", anonymousSquad).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(anonymous).contains("\"withheld\":true").doesNotContain("\"hidden\"").doesNotContain("\"average\":1.0");

		assertThat(mvc.perform(get("/organisation/matrix.csv").with(user(lead.person().id()))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		String matrix = mvc.perform(get("/organisation/matrix.csv").with(user(admin.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(matrix).contains("Platform").contains("Mobile");
		assertThat(mvc.perform(get("/squads/{id}/history.csv", namedSquad).with(user(admin.person().id())))
			.andReturn()
			.getResponse()
			.getStatus()).as("the admin is not in the squad").isEqualTo(404);
	}

	@Test
	void downloadsHoldWhatTheDateFilterShows() throws Exception {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		String[] inRange = mvc.perform(get("/squads/{id}/history.csv", namedSquad).param("from", today).param("to", today)
				.with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.split("\r\n");
		assertThat(inRange).hasSize(1 + 8 * 2);
		String[] later = mvc.perform(get("/squads/{id}/history.csv", namedSquad).param("from", tomorrow)
				.with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.split("\r\n");
		assertThat(later).as("only the header").hasSize(1);
		mvc.perform(get("/squads/{id}/history.json", namedSquad).param("from", tomorrow).with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"sessions\":[]")));
		mvc.perform(get("/squads/{id}/history.csv", namedSquad).param("from", "27/11/2026").with(user(lead.person().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")));
		for (String outOfRange : new String[] { "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01" }) {
			mvc.perform(get("/squads/{id}/history.csv", namedSquad).param("to", outOfRange).with(user(lead.person().id())))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Enter a date")));
			mvc.perform(get("/squads/{id}/history.json", namedSquad).param("from", outOfRange).with(user(lead.person().id())))
				.andExpect(status().isBadRequest());
			mvc.perform(get("/squads/{id}/history", namedSquad).param("from", outOfRange).param("to", outOfRange)
				.with(user(lead.person().id()))).andExpect(content().string(containsString("Enter a date")));
		}
		mvc.perform(get("/squads/{id}/history.csv", namedSquad).param("from", "0001-01-01")
			.param("to", "9999-12-31")
			.with(user(lead.person().id()))).andExpect(status().isOk());
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", today).with(user(lead.person().id())))
			.andExpect(content().string(containsString("/squads/" + namedSquad + "/history.csv?from=" + today + "\"")))
			.andExpect(content().string(containsString("/squads/" + namedSquad + "/history.json?from=" + today + "\"")));
	}

	@Test
	void ownersAndAdminsDecideWhoIsInAndWhoSeesTheMatrixOnThePages() throws Exception {
		String squadPage = mvc.perform(get("/squads/{id}", anonymousSquad).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(squadPage).contains("id=\"matrix-setting\"").contains("name=\"shown\" value=\"true\" checked");
		assertThat(mvc.perform(get("/squads/{id}", anonymousSquad).with(user(team.get(1).person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).as("members who do not own the squad").doesNotContain("id=\"matrix-setting\"");

		// an unticked box sends nothing: out of the matrix
		mvc.perform(post("/squads/{id}/matrix", anonymousSquad).with(user(lead.person().id())).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + anonymousSquad + "?matrixSaved#matrix-setting"));
		mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andExpect(content().string(containsString("Platform")))
			.andExpect(content().string(not(containsString("Mobile"))));
		mvc.perform(post("/squads/{id}/matrix", anonymousSquad).param("shown", "true").with(user(team.get(1).person().id())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{id}/matrix", anonymousSquad).param("shown", "true").with(user(lead.person().id())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andExpect(content().string(containsString("Mobile")))
			.andExpect(content().string(containsString("id=\"matrix-access\"")));

		mvc.perform(get("/organisation/matrix").with(user(lead.person().id()))).andExpect(status().isForbidden());
		mvc.perform(get("/workspace").with(user(admin.person().id())))
			.andExpect(content().string(containsString("id=\"matrix-link\"")));
		mvc.perform(get("/workspace").with(user(lead.person().id())))
			.andExpect(content().string(not(containsString("id=\"matrix-link\""))));
		mvc.perform(post("/organisation/matrix/members").param("allowed", "true").with(user(lead.person().id())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/organisation/matrix/members").param("allowed", "true").with(user(admin.person().id())).with(csrf()))
			.andExpect(redirectedUrl("/organisation/matrix?saved"));
		mvc.perform(get("/organisation/matrix").with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"matrix-access\""))));
		mvc.perform(get("/workspace").with(user(lead.person().id())))
			.andExpect(content().string(containsString("id=\"matrix-link\"")));
		mvc.perform(post("/organisation/matrix/members").with(user(admin.person().id())).with(csrf()))
			.andExpect(redirectedUrl("/organisation/matrix?saved"));
		mvc.perform(get("/organisation/matrix").with(user(lead.person().id()))).andExpect(status().isForbidden());
	}

	@Test
	void namesPeopleTypedAreTextOnThePagesNeverMarkup() throws Exception {
		String squadId = squad("<img src=x onerror=alert(1)>", false);
		session(squadId, team, 1, "STABLE");
		String matrix = mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(matrix).contains("&lt;img src=x onerror=alert(1)&gt;, Delivering value: n=3").doesNotContain("<img src=x");
		String history = mvc.perform(get("/squads/{id}/history", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("heat band-yellow").doesNotContain("<img src=x");
		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: false) { id } }", "s", squadId).ok();
	}

	@Test
	void theHistoryPageShowsEachCellWithItsCountAndDetailsToMembersOnly() throws Exception {
		String page = mvc.perform(get("/squads/{id}/history", namedSquad).with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("History and trends")
			.contains("heat band-green")
			.contains("n=3")
			.contains("↗")
			.contains("Fun, ")
			.contains("Red 0, yellow 0, green 3. Average 2.00")
			.contains("tabindex=\"0\"")
			.contains("data-chart=")
			.contains("Play a game on Fridays")
			.contains("average 2.00 when agreed; no later session yet")
			.contains("/squads/" + namedSquad + "/history.csv")
			.containsPattern("/webjars/chart.js/[0-9.]*/?dist/chart.umd.min.js");
		assertThat(mvc.perform(get("/squads/{id}/history", anonymousSquad).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("n=2").contains("Withheld: fewer than 3 anonymous votes").doesNotContain("Average 1.00");
		mvc.perform(get("/squads/{id}/history", namedSquad).with(user(admin.person().id())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/squads/{id}", namedSquad).with(user(lead.person().id())))
			.andExpect(content().string(containsString("/squads/" + namedSquad + "/history")));
	}

	@Test
	void theHistoryPageFiltersByDateAndSaysWhatIsWrongWithADate() throws Exception {
		String future = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", future).with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No ended sessions in this range yet.")))
			.andExpect(content().string(not(containsString("n=3"))));
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", today).param("to", today).with(user(lead.person().id())))
			.andExpect(content().string(containsString("n=3")));
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", "yesterday").with(user(lead.person().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"from-error\"")))
			.andExpect(content().string(containsString("Enter a date as YYYY-MM-DD")));
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", today).param("to", "2020-01-01")
				.with(user(lead.person().id())))
			.andExpect(content().string(containsString("id=\"to-error\"")))
			.andExpect(content().string(containsString("The end date must not be before the start date")));
	}

	@Test
	void theMatrixPageIsForAdmins() throws Exception {
		mvc.perform(get("/organisation/matrix").with(user(lead.person().id()))).andExpect(status().isForbidden());
		mvc.perform(get("/workspace").with(user(lead.person().id())))
			.andExpect(content().string(not(containsString("/organisation/matrix"))));
		mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Organisation matrix")))
			.andExpect(content().string(containsString("Platform")))
			.andExpect(content().string(containsString("Mobile")))
			.andExpect(content().string(containsString("n=3")))
			.andExpect(content().string(containsString("Withheld: fewer than 3 anonymous votes")))
			.andExpect(content().string(containsString("/organisation/matrix.json")));
		mvc.perform(get("/workspace").with(user(admin.person().id())))
			.andExpect(content().string(containsString("/organisation/matrix")));
	}

	// ----- numbers that agree

	@Test
	void twoYellowsAndAGreenHaveOneColourOnEverySurfaceAndTheHistorySaysWhy() throws Exception {
		String squadId = squad("Release train", false);
		String sessionId = session(squadId, team, new int[] { 1, 1, 2 }, null).text("createSession.id");

		JsonNode release = lead.execute(HISTORY, "s", squadId).ok().data("squadHistory.indicators.1");
		assertThat(release.path("title").asString()).isEqualTo("Easy to release");
		assertThat(release.path("cells").path(0).path("average").asDouble()).isCloseTo(1.33, within(0.01));
		assertThat(release.path("cells").path(0).path("band").asString()).isEqualTo("YELLOW");
		assertThat(matrixRow(admin.execute(MATRIX).ok(), squadId).path("cells").findValues("band").stream().map(JsonNode::asString))
			.containsOnly("YELLOW");

		String csv = mvc.perform(get("/squads/{id}/history.csv", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().filter(line -> line.contains(",Easy to release,"))).singleElement()
			.asString()
			.contains(",1.3333333333333333,YELLOW,");
		assertThat(mvc.perform(get("/squads/{id}/history.json", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"band\":\"YELLOW\"").doesNotContain("\"band\":\"GREEN\"");

		String history = mvc.perform(get("/squads/{id}/history", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(history).contains("heat band-yellow").doesNotContain("heat band-green");
		assertThat(history).contains("id=\"band-rule\"").contains("red below 0.5, yellow from 0.5 to 1.5, green above 1.5");
		String results = mvc.perform(get("/sessions/{id}/results", sessionId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String overview = results.substring(results.indexOf("aria-label=\"Overview\""), results.indexOf("</section>"));
		assertThat(overview).contains("class=\"dot c-yellow\"").doesNotContain("dot c-green");
		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: false) { id } }", "s", squadId).ok();
	}

	@Test
	void aSessionEndedWithoutVotesIsMarkedInTheHistoryAndNeverStandsForTheSquadInTheMatrix() throws Exception {
		String squadId = squad("Quiet", true);
		String voted = session(squadId, team, 2, "STABLE").text("createSession.id");
		String empty = session(squadId, List.of(), 0, null).text("createSession.id");

		JsonNode row = matrixRow(admin.execute(MATRIX).ok(), squadId);
		assertThat(row.path("sessionId").asString()).isEqualTo(voted);
		assertThat(row.path("cells").findValues("votes").stream().map(JsonNode::asInt)).containsOnly(3);
		String matrixPage = mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(matrixPage).contains("Quiet, Delivering value: n=3").doesNotContain("Quiet, Delivering value: n=0");

		GraphQlResponse history = lead.execute("query($s: String!) { squadHistory(squadId: $s) { sessions { sessionId empty } } }",
				"s", squadId).ok();
		assertThat(history.data("squadHistory.sessions").findValues("empty").stream().map(JsonNode::asBoolean))
			.containsExactly(false, true);
		assertThat(history.text("squadHistory.sessions.1.sessionId")).isEqualTo(empty);
		String page = mvc.perform(get("/squads/{id}/history", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<span class=\"badge\">No votes</span>")
			.contains(": no votes.")
			.doesNotContain("Withheld: fewer than 3 anonymous votes");
		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: false) { id } }", "s", squadId).ok();
	}

	@Test
	void downloadsAreNamedAfterTheSquadAndTheirDates() throws Exception {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String squadId = squad("Équipe / α \"Blue\"", false);
		session(squadId, team, 1, null);
		MvcResult csv = mvc.perform(get("/squads/{id}/history.csv", squadId).param("from", "2026-01-01")
			.param("to", today)
			.with(user(lead.person().id()))).andReturn();
		String expected = "Équipe-α-Blue-history-2026-01-01-to-" + today + ".csv";
		assertThat(csv.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"Equipe-Blue-history-2026-01-01-to-" + today + ".csv\"; filename*=UTF-8''"
					+ org.springframework.web.util.UriUtils.encode(expected, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(org.springframework.http.ContentDisposition.parse(csv.getResponse().getHeader("Content-Disposition"))
			.getFilename()).isEqualTo(expected);
		assertThat(mvc.perform(get("/squads/{id}/history.json", squadId).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition")).contains("-history-" + today + "-to-" + today + ".json");
		assertThat(mvc.perform(get("/organisation/matrix.csv").with(user(admin.person().id())))
			.andReturn()
			.getResponse()
			.getHeader("Content-Disposition")).contains("filename=\"organisation-matrix-" + today + ".csv\"");
		String[] lines = csv.getResponse().getContentAsString().split("\r\n");
		assertThat(lines[1]).contains(",Delivering value,").contains(",,"); // a session without a name
		lead.execute("mutation($s: String!) { setSquadInMatrix(squadId: $s, shown: false) { id } }", "s", squadId).ok();
	}

	@Test
	void thePagesShowTimesForTheReadersZoneAndSayUtcUntilTheScriptDoes() throws Exception {
		String page = mvc.perform(get("/squads/{id}/history", namedSquad).with(user(lead.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("<time class=\"block small\" data-local datetime=\"[0-9-]+T[0-9:.]+Z\">[^<]+ UTC</time>");
		assertThat(mvc.perform(get("/organisation/matrix").with(user(admin.person().id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).containsPattern("<time data-local datetime=\"[0-9-]+T[0-9:.]+Z\">[^<]+ UTC</time>");
	}

	// ----- in the reader's language

	@Test
	void theHistoryPageSpeaksTheReadersLanguageTheDecksIndicatorsToo() throws Exception {
		String page = mvc.perform(get("/squads/{id}/history", namedSquad).with(user(lead.person().id()))
				.header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1>Verlauf und Trends</h1>")
			.contains("<th scope=\"row\">Spaß</th>")
			.contains("<h3>Spaß</h3>")
			.contains("Rot 0, gelb 0, grün 3. Durchschnitt 2,00 (0 rot bis 2 grün).")
			.contains("Insgesamt: wird besser.")
			.contains("Anonyme Sessions mit weniger als 3 Stimmen zeigen nur n.")
			.contains("data-average=\"Durchschnitt\"")
			.contains("1 Maßnahme vereinbart")
			.contains("Play a game on Fridays")
			.contains(">Offen</span>")
			.contains("Durchschnitt 2,00 bei der Vereinbarung; noch keine spätere Session")
			.doesNotContain("History and trends")
			.doesNotContain(">Fun<");
		assertThat(mvc.perform(get("/squads/{id}/history", anonymousSquad).with(user(lead.person().id()))
				.header("Accept-Language", "de"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("n=2. Zurückgehalten: weniger als 3 anonyme Stimmen.");
		mvc.perform(get("/squads/{id}/history", namedSquad).param("from", "gestern").with(user(lead.person().id()))
				.header("Accept-Language", "de"))
			.andExpect(content().string(containsString("Gib ein Datum als JJJJ-MM-TT ein")));
	}

	@Test
	void theMatrixPageSpeaksTheReadersLanguage() throws Exception {
		String page = mvc.perform(get("/organisation/matrix").with(user(admin.person().id())).header("Accept-Language", "de"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1>Organisationsmatrix</h1>")
			.contains("<th scope=\"col\">Mehrwert liefern</th>")
			.contains("Platform, Mehrwert liefern: n=3.")
			.contains("Zurückgehalten: weniger als 3 anonyme Stimmen.")
			.contains("Wer diese Matrix sieht")
			.doesNotContain("Delivering value");
	}

	@Test
	void overTheApiTheDecksTitlesFollowTheRequestsLanguageAndNothingElse() {
		GraphQlResponse history = lead.acceptingLanguage("fr").execute(HISTORY, "s", namedSquad).ok();
		assertThat(history.text("squadHistory.indicators.2.title")).isEqualTo("Plaisir");
		assertThat(history.text("squadHistory.indicators.2.cells.1.band")).isEqualTo("GREEN");
		assertThat(admin.acceptingLanguage("fr").execute(MATRIX).ok().text("organisationMatrix.indicators.0.title"))
			.isEqualTo("Apporter de la valeur");
		assertThat(lead.execute(HISTORY, "s", namedSquad).ok().text("squadHistory.indicators.2.title")).isEqualTo("Fun");
		lead.acceptingLanguage("fr").execute(MATRIX).failsWith("Only organisation admins can see the organisation matrix", "FORBIDDEN");
	}

	static JsonNode matrixRow(GraphQlResponse matrix, String squadId) {
		for (JsonNode row : matrix.data("organisationMatrix.squads")) {
			if (row.path("squadId").asString().equals(squadId)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + squadId + " in " + matrix.data("organisationMatrix"));
	}

	@Test
	void csvDefusesFormulasAndQuotesSeparators() {
		assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell(-1)).isEqualTo("-1");
		assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(Csv.cell(null)).isEmpty();
	}

}
