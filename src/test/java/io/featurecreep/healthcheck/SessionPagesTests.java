package io.featurecreep.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.featurecreep.healthcheck.SessionLifecycle.StartOptions;
import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.identity.Person;
import io.featurecreep.squads.Invite;
import io.featurecreep.squads.SquadManagement;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/** The session pages over HTTP: who may see and steer them, votes from forms, the event stream. */
@FeatureCreepTest
class SessionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	SquadManagement squads;

	@Autowired
	SessionLifecycle lifecycle;

	@Autowired
	SessionStore store;

	@Autowired
	SessionEvents sessionEvents;

	@Autowired
	CastVote castVote;

	Person owner;

	Person member;

	Person outsider;

	String squadId;

	HealthSession session;

	String firstQuestion;

	@BeforeEach
	void liveSession() {
		owner = api.newPerson("Owner");
		member = api.newPerson("Member");
		outsider = api.newPerson("Outsider");
		squadId = squads.create(owner.id(), "Pages", true).id();
		Invite invite = squads.createInvite(owner.id(), squadId, Duration.ofDays(1));
		squads.join(member.id(), invite.token());
		session = lifecycle.start(owner.id(), squadId, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, List.of(new NewQuestion("Fun", "Yay", "Meh"), new NewQuestion("Speed", null, null))));
		firstQuestion = store.questions(session.id()).get(0).id();
	}

	@Test
	void membersSeeTheCurrentQuestion() throws Exception {
		mvc.perform(get("/sessions/{id}", session.id()).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Fun")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("0 of 2 voted")));
	}

	@Test
	void membersCanVoteOnTheLivePageWhenResultsAreVisibleAtOnce() throws Exception {
		// sessions started through the original API in a named squad show results at once; the live page still asks
		// for votes
		String namedSquad = squads.create(owner.id(), "Named", false).id();
		squads.join(member.id(), squads.createInvite(owner.id(), namedSquad, Duration.ofDays(1)).token());
		HealthSession immediate = lifecycle.start(owner.id(), namedSquad, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.IMMEDIATE, List.of(new NewQuestion("Fun", "Yay", "Meh"))));
		mvc.perform(get("/sessions/{id}", immediate.id()).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("class=\"stack vote-form\"")));
	}

	@Test
	void someoneOutsideTheSquadFindsNoSession() throws Exception {
		for (String path : List.of("/sessions/" + session.id(), "/sessions/" + session.id() + "/results",
				"/sessions/" + session.id() + "/parts/status", "/sessions/" + session.id() + "/events")) {
			mvc.perform(get(path).with(as(outsider))).andExpect(status().isNotFound());
		}
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "2")
			.with(as(outsider))
			.with(csrf())).andExpect(status().isNotFound());
		assertThat(store.countVotes(firstQuestion)).isZero();
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/sessions/{id}", session.id()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/sessions/{id}/parts/status", session.id()).header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/signin"));
	}

	@Test
	void formPostsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "2")
			.with(as(member))).andExpect(status().isForbidden());
		mvc.perform(post("/sessions/{id}/end", session.id()).with(as(owner))).andExpect(status().isForbidden());
		assertThat(store.find(session.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void aVoteFromTheFormIsKeptAndItsStageComesBack() throws Exception {
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "2")
			.param("trend", "IMPROVING")
			.param("comment", "Nice")
			.with(as(member))
			.with(csrf())).andExpect(redirectedUrl("/sessions/" + session.id()));
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "1")
			.header("HX-Request", "true")
			.with(as(owner))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Your vote is in")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"stage\"")));
		assertThat(store.countVotes(firstQuestion)).isEqualTo(2);
	}

	/**
	 * One person, two tabs: red in one, green in the other, at once. Both said "Your vote is in" with their own
	 * colour, and the tab whose vote was overwritten never learnt it. Every vote makes each screen ask for the
	 * status; a screen whose vote form shows another vote than the one kept now gets the form again with it.
	 */
	@Test
	void everyScreenOfAPersonComesToShowTheVoteTheServerKept() throws Exception {
		String firstTab = voteFromTab(0);
		String secondTab = voteFromTab(2);
		assertThat(checked(secondTab)).isEqualTo("2");

		String corrected = statusPart(shown(firstTab), member);
		assertThat(corrected).contains("id=\"status\"").contains("id=\"stage\"").contains("hx-swap-oob=\"true\"");
		assertThat(checked(corrected)).as("the kept vote, green").isEqualTo("2");
		assertThat(corrected).contains("You have voted");

		assertThat(statusPart(shown(secondTab), member)).as("the tab that shows the kept vote keeps its form")
			.doesNotContain("id=\"stage\"");
		assertThat(statusPart(firstQuestion + ":none", owner)).as("someone else's screen learns nothing of the vote")
			.doesNotContain("id=\"stage\"");
	}

	@Test
	void everyScreenOfAPersonComesToShowTheVoteTheServerKeptInAnAsyncSessionToo() throws Exception {
		lifecycle.end(owner.id(), session.id());
		HealthSession async = lifecycle.start(owner.id(), squadId, new StartOptions(null, SessionMode.ASYNC,
				java.time.Instant.now().plus(Duration.ofDays(1)), ResultVisibility.ON_REVEAL,
				List.of(new NewQuestion("Fun", null, null), new NewQuestion("Speed", null, null))));
		List<SessionQuestion> questions = store.questions(async.id());
		String firstTab = mvc.perform(post("/sessions/{id}/questions/{q}/vote", async.id(), questions.get(1).id())
			.param("colour", "0")
			.header("HX-Request", "true")
			.with(as(member))
			.with(csrf())).andReturn().getResponse().getContentAsString();
		castVote.cast(member.id(), new CastVote.Ballot(async.id(), questions.get(1).id(), 1, null, "from the phone"));

		String counts = mvc.perform(get("/sessions/{id}/parts/counts", async.id()).param("shown", shown(firstTab))
			.param("shown", questions.get(0).id() + ":none")
			.header("HX-Request", "true")
			.with(as(member))).andReturn().getResponse().getContentAsString();
		assertThat(counts).contains("id=\"q-" + questions.get(1).id() + "\"").contains("from the phone");
		assertThat(checked(counts)).isEqualTo("1");
		assertThat(counts).doesNotContain("id=\"q-" + questions.get(0).id() + "\"")
			.contains("id=\"count-" + questions.get(0).id() + "\"");
	}

	private String voteFromTab(int colour) throws Exception {
		return mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion)
			.param("colour", Integer.toString(colour))
			.header("HX-Request", "true")
			.with(as(member))
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String statusPart(String shown, Person viewer) throws Exception {
		return mvc.perform(get("/sessions/{id}/parts/status", session.id()).param("shown", shown)
			.header("HX-Request", "true")
			.with(as(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** What a vote form says it shows. */
	private static String shown(String html) {
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("name=\"shown\" value=\"([^\"]+)\"").matcher(html);
		assertThat(found.find()).as("a vote form in %s", html).isTrue();
		return found.group(1);
	}

	/** The colour checked in the vote form. */
	private static String checked(String html) {
		java.util.regex.Matcher found = java.util.regex.Pattern.compile("name=\"colour\" value=\"(\\d)\"[^>]*checked").matcher(html);
		assertThat(found.find()).as("a colour checked in %s", html).isTrue();
		return found.group(1);
	}

	@Test
	void aVoteWithoutAColourIsRefusedNextToTheColours() throws Exception {
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("trend", "STABLE")
			.header("HX-Request", "true")
			.with(as(member))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose red, yellow or green")));
		assertThat(store.countVotes(firstQuestion)).isZero();
	}

	@Test
	void othersVotesStayHiddenUntilRevealedAndTooFewAnonymousOnesStayWithheldAfter() throws Exception {
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "0")
			.param("comment", "secret worry")
			.with(as(member))
			.with(csrf()));
		String before = mvc.perform(get("/sessions/{id}", session.id()).with(as(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(before).contains("1 of 2 voted").doesNotContain("secret worry");

		mvc.perform(post("/sessions/{id}/reveal", session.id()).param("questionId", firstQuestion)
			.header("HX-Request", "true")
			.with(as(owner))
			.with(csrf())).andExpect(status().isNoContent()).andExpect(header().string("HX-Trigger", "fc-question"));
		assertThat(mvc.perform(get("/sessions/{id}", session.id()).with(as(owner)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("1 vote. Withheld: an anonymous squad shows what was voted only from 3 votes on.")
			.doesNotContain("secret worry")
			.doesNotContain("1 red");
	}

	@Test
	void aNamedSquadSeesWhoVotedWhatOnceRevealedAnAnonymousOneNever() throws Exception {
		String namedSquad = squads.create(owner.id(), "Named", false).id();
		squads.join(member.id(), squads.createInvite(owner.id(), namedSquad, Duration.ofDays(1)).token());
		HealthSession named = lifecycle.start(owner.id(), namedSquad, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, List.of(new NewQuestion("Fun", null, null))));
		String question = store.questions(named.id()).get(0).id();
		for (HealthSession each : List.of(named, session)) {
			String questionId = each == named ? question : firstQuestion;
			mvc.perform(post("/sessions/{id}/questions/{q}/vote", each.id(), questionId).param("colour", "2")
				.with(as(member))
				.with(csrf()));
			mvc.perform(post("/sessions/{id}/reveal", each.id()).param("questionId", questionId)
				.with(as(owner))
				.with(csrf()));
		}
		assertThat(mvc.perform(get("/sessions/{id}", named.id()).with(as(owner))).andReturn().getResponse().getContentAsString())
			.contains("Who voted what")
			.contains("Member Tester</span>: <span>green</span>");
		assertThat(mvc.perform(get("/sessions/{id}", session.id()).with(as(owner))).andReturn().getResponse().getContentAsString())
			.contains("Withheld")
			.doesNotContain("1 green")
			.doesNotContain("Who voted what");
	}

	@Test
	void onlyTheFacilitatorSteers() throws Exception {
		mvc.perform(post("/sessions/{id}/reveal", session.id()).param("questionId", firstQuestion)
			.with(as(member))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/sessions/{id}/end", session.id()).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(store.find(session.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void theStageStaysWhileItsQuestionStaysTheSame() throws Exception {
		mvc.perform(get("/sessions/{id}/parts/stage", session.id()).param("showing", firstQuestion + ":open")
			.header("HX-Request", "true")
			.with(as(member))).andExpect(status().isNoContent());
		mvc.perform(post("/sessions/{id}/active", session.id())
			.param("questionId", store.questions(session.id()).get(1).id())
			.with(as(owner))
			.with(csrf())).andExpect(redirectedUrl("/sessions/" + session.id()));
		mvc.perform(get("/sessions/{id}/parts/stage", session.id()).param("showing", firstQuestion + ":open")
			.header("HX-Request", "true")
			.with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Speed")));
	}

	@Test
	void outOfDateControlsChangeNothing() throws Exception {
		String second = store.questions(session.id()).get(1).id();
		mvc.perform(post("/sessions/{id}/active", session.id()).param("questionId", second)
			.param("from", second)
			.header("HX-Request", "true")
			.with(as(owner))
			.with(csrf())).andExpect(status().isNoContent());
		assertThat(store.find(session.id()).orElseThrow().activeQuestionId()).isEqualTo(firstQuestion);
		mvc.perform(post("/sessions/{id}/active", session.id()).param("questionId", second)
			.param("from", firstQuestion)
			.header("HX-Request", "true")
			.with(as(owner))
			.with(csrf())).andExpect(status().isNoContent());
		assertThat(store.find(session.id()).orElseThrow().activeQuestionId()).isEqualTo(second);
	}

	@Test
	void theEventStreamStartsWithASync() throws Exception {
		MvcResult stream = mvc.perform(get("/sessions/{id}/events", session.id()).with(as(member))
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> stream.getResponse().getContentAsString().contains("event:sync"));
	}

	/**
	 * Found by the live-session benchmark: when another thread wrote the first event while the request thread was
	 * still on its way out through the filters, both wrote the response headers at once (Tomcat failed with
	 * NullPointerExceptions in its header list, and the screen lost its stream). Written before the request
	 * returns, the first event commits the response on the request thread, before any other thread may write.
	 */
	@Test
	void theSyncIsWrittenBeforeTheStreamIsHandedOver() throws Exception {
		for (int attempt = 0; attempt < 20; attempt++) {
			MvcResult stream = mvc.perform(get("/sessions/{id}/events", session.id()).with(as(member))
				.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
			assertThat(stream.getResponse().isCommitted()).isTrue();
			assertThat(stream.getResponse().getContentAsString()).startsWith("event:sync");
		}
	}

	/** The default {@code feature-creep.sse.heartbeat}. */
	static final long HEARTBEAT = Duration.ofSeconds(15).toNanos();

	/**
	 * Found by the live-session benchmark: keep-alives went to every open stream at once, and the burst held up
	 * the votes of every live session every 15 s. A stream now gets one only once it was quiet for a whole
	 * interval, and streams opened together fall due at different times.
	 */
	@Test
	void onlyAStreamQuietForAWholeIntervalGetsAKeepAlive() throws Exception {
		MvcResult stream = openStream();
		sessionEvents.keepQuietScreensAlive(System.nanoTime()); // just opened: not quiet for long
		vote(2);
		awaitEvents(stream, "event:votes", 1);
		sessionEvents.keepQuietScreensAlive(System.nanoTime() + HEARTBEAT / 2); // half an interval after the vote
		vote(1);
		awaitEvents(stream, "event:votes", 2);
		assertThat(stream.getResponse().getContentAsString()).doesNotContain(":keep-alive");

		sessionEvents.keepQuietScreensAlive(System.nanoTime() + HEARTBEAT);
		awaitEvents(stream, ":keep-alive", 1);
	}

	@Test
	void streamsOpenedTogetherFallDueForKeepAlivesAtDifferentTimes() throws Exception {
		List<MvcResult> streams = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			streams.add(openStream());
		}
		sessionEvents.keepQuietScreensAlive(System.nanoTime() + HEARTBEAT * 3 / 4);
		vote(0); // queued after any keep-alive: once a stream shows the vote, it shows its keep-alive too
		for (MvcResult stream : streams) {
			awaitEvents(stream, "event:votes", 1);
		}
		long keptAlive = 0;
		for (MvcResult stream : streams) {
			keptAlive += stream.getResponse().getContentAsString().contains(":keep-alive") ? 1 : 0;
		}
		// each falls due between half and one interval after it opened: about half of them by three quarters
		assertThat(keptAlive).isBetween(1L, 19L);
	}

	/**
	 * Open streams are requests that never end by themselves: a node stopping with screens open waited the whole
	 * grace period of its graceful shutdown (30 s), then cut them with a warning per stream. Now it ends them first,
	 * so the browsers reconnect (to another node) at once, and refuses new ones until it is gone.
	 */
	@Test
	void aStoppingNodeEndsItsStreamsAndTakesNoNewOnes() throws Exception {
		MvcResult stream = openStream();
		try {
			sessionEvents.stop();

			stream.getAsyncResult(5_000); // the stream ended
			mvc.perform(get("/sessions/{id}/events", session.id()).with(as(member)).accept(MediaType.TEXT_EVENT_STREAM))
				.andExpect(status().isServiceUnavailable());
		}
		finally {
			sessionEvents.start();
		}
		awaitEvents(openStream(), "event:sync", 1);
	}

	private MvcResult openStream() throws Exception {
		return mvc.perform(get("/sessions/{id}/events", session.id()).with(as(member))
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
	}

	private void vote(int colour) {
		castVote.cast(member.id(), new CastVote.Ballot(session.id(), firstQuestion, colour, null, null));
	}

	private static void awaitEvents(MvcResult stream, String text, int count) {
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> stream.getResponse().getContentAsString().split(text, -1).length - 1 >= count);
	}

	@Test
	void anEndedSessionShowsItsResults() throws Exception {
		mvc.perform(post("/sessions/{id}/end", session.id()).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/sessions/" + session.id() + "/results"));
		mvc.perform(get("/sessions/{id}", session.id()).with(as(member)))
			.andExpect(redirectedUrl("/sessions/" + session.id() + "/results"));
		mvc.perform(get("/sessions/{id}/results", session.id()).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Results")));
	}

	// ----- in the reader's language

	@Test
	void theLivePageSpeaksEachReadersLanguageToParticipantsAndTheFacilitator() throws Exception {
		String participant = page("/sessions/" + session.id(), member, "de-DE,de;q=0.9");
		assertThat(participant).contains("Frage 1 von 2", "Wie läuft es?", "Wie ist die Tendenz?", ">Abstimmen</button>",
				"0 von 2 haben abgestimmt", "Anonym: Du siehst, wer abgestimmt hat, aber nie, wie.")
			.doesNotContain("How is it?", "Reveal results", "Ergebnisse aufdecken");

		String facilitator = page("/sessions/" + session.id(), owner, "de");
		assertThat(facilitator).contains("Moderation", "Ergebnisse aufdecken", "Session beenden…", "Weiter →",
				"aria-label=\"Fragen\"")
			.doesNotContain(">Facilitator</h2>", "End the session");
		assertThat(page("/sessions/" + session.id(), owner, "fr")).contains("Question 1 sur 2", "Comment ça va\u00a0?",
				"Révéler les résultats", "0 sur 2 ont voté");
		assertThat(page("/sessions/" + session.id(), member, "ja")).as("a language without texts gets English")
			.contains("Question 1 of 2", "How is it?", "0 of 2 voted");
	}

	@Test
	void aRefusedVoteIsShownInTheVotersLanguageAndTheApiKeepsItsEnglishWords() throws Exception {
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("trend", "STABLE")
			.header("HX-Request", "true")
			.header("Accept-Language", "es")
			.with(as(member))
			.with(csrf())).andExpect(content().string(org.hamcrest.Matchers.containsString("Elige rojo, amarillo o verde")));

		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "7")
			.header("HX-Request", "true")
			.header("Accept-Language", "nl")
			.with(as(member))
			.with(csrf()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Het antwoord moet een getal van 0 tot en met 2 zijn")));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> castVote.cast(member.id(), new CastVote.Ballot(session.id(), firstQuestion, 7, null, null)))
			.hasMessage("Answer must be a number 0-2");
		assertThat(store.countVotes(firstQuestion)).isZero();
	}

	@Test
	void votesAndResultsAreDescribedInTheReadersLanguage() throws Exception {
		String namedSquad = squads.create(owner.id(), "Named", false).id();
		squads.join(member.id(), squads.createInvite(owner.id(), namedSquad, Duration.ofDays(1)).token());
		HealthSession named = lifecycle.start(owner.id(), namedSquad, new StartOptions(null, SessionMode.LIVE, null,
				ResultVisibility.ON_REVEAL, List.of(new NewQuestion("Fun", null, null))));
		String question = store.questions(named.id()).get(0).id();
		castVote.cast(member.id(), new CastVote.Ballot(named.id(), question, 2, Trend.IMPROVING, "Top"));
		castVote.cast(owner.id(), new CastVote.Ballot(named.id(), question, 1, null, null));
		mvc.perform(post("/sessions/{id}/reveal", named.id()).param("questionId", question).with(as(owner)).with(csrf()));

		assertThat(page("/sessions/" + named.id(), member, "de")).contains("Deine Stimme: grün, wird besser.",
				"Wer wie abgestimmt hat", "Member Tester</span>: <span>grün, wird besser</span>", "„Top“",
				"Owner Tester</span>: <span>gelb</span>", "0× rot", "1× gelb", "1× grün", "Durchschnitt",
				"<strong>1,5</strong>", "↗ 1× besser", "aria-label=\"0× rot, 1× gelb, 1× grün\"");
		assertThat(page("/sessions/" + named.id(), member, "fr")).contains("Votre vote\u00a0: vert, en progrès.",
				"1 jaune", "<strong>1,5</strong>", "«\u00a0Top\u00a0»");
		assertThat(page("/sessions/" + named.id(), member, "en")).contains("Your vote: green, improving.",
				"<strong>1.5</strong>", "“Top”");
	}

	@Test
	void theAsyncPageSpeaksTheReadersLanguage() throws Exception {
		lifecycle.end(owner.id(), session.id());
		HealthSession async = lifecycle.start(owner.id(), squadId, new StartOptions(null, SessionMode.ASYNC,
				java.time.Instant.now().plus(Duration.ofDays(1)), ResultVisibility.ON_REVEAL,
				List.of(new NewQuestion("Fun", "Yay", "Meh"))));
		assertThat(page("/sessions/" + async.id(), owner, "de")).contains("<title>Health Check · Pages · Feature Creep</title>",
				">Offen</span>", "Abstimmen bis", "Frage 1", "0 von 2 haben abgestimmt", "Abstimmung jetzt beenden…",
				"data-done-text=\"keine\"", "Anonym: Andere sehen, dass du abgestimmt hast, aber nie, wie.")
			.doesNotContain("Vote on each question", "Close voting");
		assertThat(page("/sessions/" + async.id(), member, "es")).contains("Se puede votar hasta el", "Pregunta 1",
				"0 de 2 han votado", "Verde:");
	}

	/**
	 * The event stream says only what changed; each screen then fetches the parts it shows with its own requests, so
	 * every screen sees them in its own language, whoever caused the change and in whatever language they work.
	 */
	@Test
	void twoScreensOfOneLiveSessionEachGetTheirUpdatesInTheirOwnLanguage() throws Exception {
		MvcResult german = mvc.perform(get("/sessions/{id}/events", session.id()).with(as(member))
			.header("Accept-Language", "de")
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
		MvcResult french = mvc.perform(get("/sessions/{id}/events", session.id()).with(as(owner))
			.header("Accept-Language", "fr")
			.accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();

		Person spanish = api.newPerson("Third");
		squads.join(spanish.id(), squads.createInvite(owner.id(), squadId, Duration.ofDays(1)).token());
		mvc.perform(post("/sessions/{id}/questions/{q}/vote", session.id(), firstQuestion).param("colour", "1")
			.header("HX-Request", "true")
			.header("Accept-Language", "es")
			.with(as(spanish))
			.with(csrf())).andExpect(content().string(org.hamcrest.Matchers.containsString("Tu voto está registrado")));

		awaitEvents(german, "event:votes", 1);
		awaitEvents(french, "event:votes", 1);
		for (MvcResult stream : List.of(german, french)) {
			assertThat(stream.getResponse().getContentAsString()).as("names of changes only, in no language")
				.matches("(?s)(event:\\w+\ndata:\\w+\n\n)+");
		}
		String germanStatus = mvc.perform(get("/sessions/{id}/parts/status", session.id()).header("HX-Request", "true")
			.header("Accept-Language", "de")
			.with(as(member))).andReturn().getResponse().getContentAsString();
		String frenchStatus = mvc.perform(get("/sessions/{id}/parts/status", session.id()).header("HX-Request", "true")
			.header("Accept-Language", "fr")
			.with(as(owner))).andReturn().getResponse().getContentAsString();
		assertThat(germanStatus).contains("1 von 3 hat abgestimmt", "Member Tester (du)", "hat noch nicht abgestimmt")
			.doesNotContain("ha votado", "a voté");
		assertThat(frenchStatus).contains("1 sur 3 a voté", "Owner Tester (vous)", "n’a pas encore voté")
			.doesNotContain("ha votado", "abgestimmt");
	}

	private String page(String path, Person viewer, String languages) throws Exception {
		return mvc.perform(get(path).header("Accept-Language", languages).with(as(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static RequestPostProcessor as(Person person) {
		return user(person.id());
	}

}
