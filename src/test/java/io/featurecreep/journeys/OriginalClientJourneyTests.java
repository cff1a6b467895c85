package io.featurecreep.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.HttpGraphQl;
import io.featurecreep.support.MockIssuers;
import io.featurecreep.support.Receiver;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The journeys of the original web client (spec 7.5), replayed over HTTP with the exact operation documents it
 * sends (spec 8, with the __typename fields Apollo adds), signed in with JWTs of an OIDC issuer as the original's
 * Cognito tokens were.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OriginalClientJourneyTests {

	static final MockOAuth2Server issuer = new MockOAuth2Server();

	static final Receiver discord;

	static {
		try {
			discord = new Receiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		MockIssuers.started(issuer, "cognito");
	}

	@DynamicPropertySource
	static void externalServers(DynamicPropertyRegistry properties) {
		properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer.issuerUrl("cognito").toString());
		properties.add("feature-creep.outbound.stand-ins[discord.com]",
				discord::baseUrl);
	}

	@AfterAll
	static void stopServers() {
		issuer.shutdown();
		discord.close();
	}

	@LocalServerPort
	int port;

	HttpGraphQl signedIn(String subject) {
		String token = issuer.issueToken("cognito", subject, "5mdqrbv4hchnh0v7dhh7isf2lb", Map.of()).serialize();
		return new HttpGraphQl(port, token);
	}

	static final String PING = "query ping {\n  ping\n}\n";

	static final String GET_USER_DATA = "query GET_USER_DATA {\n  person {\n    firstName\n    lastName\n    email\n    __typename\n  }\n}\n";

	static final String GET_PERSON = "query GET_PERSON($id: String) {\n  person(id: $id) {\n    firstName\n    lastName\n    email\n    __typename\n  }\n}\n";

	static final String ADD_USER_DETAILS = "mutation addUserDetails($person: EditPersonType!) {\n  editPerson(person: $person) {\n    email\n    firstName\n    lastName\n    __typename\n  }\n}\n";

	static final String GET_OWN_SQUADS = "query GET_OWN_SQUADS($input: GetSquadInput) {\n  squads(filter: $input) {\n    name\n    id\n    members {\n      id\n      __typename\n    }\n    activeSession {\n      id\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String CREATE_SQUAD = "mutation CREATE_SQUAD($squad: CreateSquad) {\n  createSquad(input: $squad) {\n    name\n    id\n    __typename\n  }\n}\n";

	static final String GET_SQUAD = "query GET_SQUAD($id: String!) {\n  squad(id: $id) {\n    name\n    open\n    __typename\n  }\n}\n";

	static final String GET_SQUAD_FOR_SESSION = "query GET_SQUAD($id: String!) {\n  squad(id: $id) {\n    name\n    members {\n      id\n      firstName\n      lastName\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String GET_SQUAD_MEMBERS = "query GET_SQUAD_MEMBERS($id: String!) {\n  squad(id: $id) {\n    members {\n      id\n      firstName\n      lastName\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String REMOVE_MEMBER_FROM_SQUAD = "mutation REMOVE_MEMBER_FROM_SQUAD($input: RemoveMemberType) {\n  removeMemberFromSquad(input: $input) {\n    id\n    name\n    members {\n      id\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String GET_SQUAD_STATUS = "query GET_SQUAD_STATUS($id: String!) {\n  squad(id: $id) {\n    open\n    __typename\n  }\n}\n";

	static final String SET_SQUAD_OPEN = "mutation SET_SQUAD_OPEN($input: SetOpenStatusInput) {\n  setSquadOpen(input: $input) {\n    id\n    open\n    __typename\n  }\n}\n";

	static final String GET_EXISTING_TOKEN = "query GET_EXISTING_TOKEN($id: String!) {\n  squad(id: $id) {\n    notificationConfig {\n      discordWebhook\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String SET_DISCORD_TOKEN = "mutation SET_DISCORD_TOKEN($input: SetNotificationConfigInput) {\n  setNotificationConfig(input: $input) {\n    id\n    __typename\n  }\n}\n";

	static final String JOIN_SQUAD_STATUS = "query GET_SQUAD_STATUS($id: String!) {\n  squad(id: $id) {\n    name\n    open\n    __typename\n  }\n  person {\n    id\n    __typename\n  }\n}\n";

	static final String ADD_MEMBER_TO_SQUAD = "mutation ADD_MEMBER_TO_SQUAD($input: AddMemberType) {\n  addMemberToSquad(input: $input) {\n    id\n    name\n    __typename\n  }\n}\n";

	static final String CREATE_SESSION = "mutation CREATE_SESSION($input: createSessionInput!) {\n  createSession(input: $input) {\n    id\n    __typename\n  }\n}\n";

	static final String SEARCH = "query SEARCH($input: String!) {\n  search(search: $input) {\n    question\n    descriptionBad\n    descriptionGood\n    __typename\n  }\n}\n";

	static final String ADD_QUESTION = "mutation addQuestion($input: addQuestion) {\n  addQuestion(input: $input) {\n    id\n    question\n    answers {\n      answer\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String GET_SESSION = "query GET_SESSION($id: String!) {\n  session(id: $id) {\n    questions {\n      id\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String GET_ACTIVE_QUESTION = "query GET_ACTIVE_QUESTION($id: String!) {\n  session(id: $id) {\n    active\n    activeQuestion {\n      id\n      question\n      descriptionGood\n      descriptionBad\n      answers {\n        answer\n        person {\n          id\n          __typename\n        }\n        __typename\n      }\n      __typename\n    }\n    __typename\n  }\n}\n";

	static final String SET_ACTIVE_QUESTION = "mutation SET_ACTIVE_QUESTION($input: setActiveQuestionInput!) {\n  setActiveQuestion(input: $input) {\n    id\n    __typename\n  }\n}\n";

	static final String END_SESSION = "mutation END_SESSION($input: endSession) {\n  endSession(input: $input) {\n    id\n    __typename\n  }\n}\n";

	static final String ANSWER_QUESTION = "mutation ANSWER_QUESTION($input: answerQuestion) {\n  answerQuestion(input: $input) {\n    answer\n    __typename\n  }\n}\n";

	@Test
	void withoutATokenTheClientIsToldToSignIn() {
		GraphQlResponse ping = new HttpGraphQl(port, null).execute("ping", PING, Map.of());
		assertThat(ping.errorMessages()).containsExactly("Context creation failed: JWT is required");
		assertThat(ping.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@Test
	void everyJourneyOfTheOriginalClientWorks() {
		HttpGraphQl leader = signedIn(UUID.randomUUID().toString());
		HttpGraphQl invitee = signedIn(UUID.randomUUID().toString());

		// 1. first visit and onboarding
		assertThat(leader.execute("ping", PING, Map.of()).ok().text("ping")).isEqualTo("PONG!");
		GraphQlResponse empty = leader.execute("GET_USER_DATA", GET_USER_DATA, Map.of()).ok();
		assertThat(empty.text("person.firstName")).isNull();
		leader.execute("GET_PERSON", GET_PERSON, Map.of()).ok();
		GraphQlResponse onboarded = leader.execute("addUserDetails", ADD_USER_DETAILS,
				Map.of("person", Map.of("firstName", "Harry", "lastName", "Potter", "email", "preset@email.here")))
			.ok();
		assertThat(onboarded.text("editPerson.firstName")).isEqualTo("Harry");
		assertThat(onboarded.data("editPerson.__typename").asString()).isEqualTo("Person");
		invitee.execute("addUserDetails", ADD_USER_DETAILS,
				Map.of("person", Map.of("firstName", "Ron", "lastName", "Weasley", "email", "ron@wizard.net")))
			.ok();

		// 2. create a squad
		String squadId = leader.execute("CREATE_SQUAD", CREATE_SQUAD, Map.of("squad", Map.of("name", "Gryffindor")))
			.ok()
			.text("createSquad.id");
		GraphQlResponse own = leader.execute("GET_OWN_SQUADS", GET_OWN_SQUADS, Map.of()).ok();
		assertThat(own.text("squads.0.id")).isEqualTo(squadId);
		assertThat(own.data("squads.0.members").size()).isEqualTo(1);
		assertThat(own.data("squads.0.activeSession").isNull()).isTrue();
		assertThat(leader.execute("GET_SQUAD", GET_SQUAD, Map.of("id", squadId)).ok().text("squad.name"))
			.isEqualTo("Gryffindor");

		// 3. invite and join
		assertThat(leader.execute("GET_SQUAD_STATUS", GET_SQUAD_STATUS, Map.of("id", squadId)).ok().data("squad.open")
			.asBoolean()).isFalse();
		assertThat(leader.execute("SET_SQUAD_OPEN", SET_SQUAD_OPEN, Map.of("input", Map.of("squadId", squadId))).ok()
			.data("setSquadOpen.open")
			.asBoolean()).isTrue();
		GraphQlResponse joinPage = invitee.execute("GET_SQUAD_STATUS", JOIN_SQUAD_STATUS, Map.of("id", squadId)).ok();
		assertThat(joinPage.text("squad.name")).isEqualTo("Gryffindor");
		assertThat(joinPage.data("squad.open").asBoolean()).isTrue();
		String inviteeId = joinPage.text("person.id");
		assertThat(invitee.execute("ADD_MEMBER_TO_SQUAD", ADD_MEMBER_TO_SQUAD,
				Map.of("input", Map.of("personId", inviteeId, "squadId", squadId)))
			.ok()
			.text("addMemberToSquad.name")).isEqualTo("Gryffindor");
		GraphQlResponse members = leader.execute("GET_SQUAD_MEMBERS", GET_SQUAD_MEMBERS, Map.of("id", squadId)).ok();
		assertThat(members.data("squad.members").size()).isEqualTo(2);
		assertThat(members.text("squad.members.1.firstName")).isEqualTo("Ron");

		// 4. Discord
		assertThat(leader.execute("GET_EXISTING_TOKEN", GET_EXISTING_TOKEN, Map.of("id", squadId)).ok()
			.data("squad.notificationConfig.discordWebhook")
			.isNull()).isTrue();
		String webhook = "https://discord.com/api/webhooks/842715899009826836/token-1";
		leader.execute("SET_DISCORD_TOKEN", SET_DISCORD_TOKEN,
				Map.of("input", Map.of("discordWebhook", webhook, "squadId", squadId)))
			.ok();
		assertThat(discord.to("/api/webhooks/842715899009826836/token-1")).hasSize(1);
		assertThat(leader.execute("GET_EXISTING_TOKEN", GET_EXISTING_TOKEN, Map.of("id", squadId)).ok()
			.text("squad.notificationConfig.discordWebhook")).isEqualTo(webhook);

		// 5. a health check session
		String sessionId = leader.execute("CREATE_SESSION", CREATE_SESSION, Map.of("input", Map.of("squadId", squadId)))
			.ok()
			.text("createSession.id");
		assertThat(leader.execute("CREATE_SESSION", CREATE_SESSION, Map.of("input", Map.of("squadId", squadId))).ok()
			.text("createSession.id")).as("visiting the page again gives the same session").isEqualTo(sessionId);
		GraphQlResponse suggestions = leader.execute("SEARCH", SEARCH, Map.of("input", "release")).ok();
		assertThat(suggestions.text("search.0.question")).isEqualTo("Easy to release");
		leader.execute("addQuestion", ADD_QUESTION, Map.of("input", Map.of("sessionId", sessionId, "question",
				Map.of("question", "Support", "descriptionGood", "We get help when we ask", "descriptionBad",
						"We are on our own"))))
			.ok();
		assertThat(invitee.execute("GET_OWN_SQUADS", GET_OWN_SQUADS, Map.of()).ok().text("squads.0.activeSession.id"))
			.isEqualTo(sessionId);
		GraphQlResponse questions = invitee.execute("GET_SESSION", GET_SESSION, Map.of("id", sessionId)).ok();
		assertThat(questions.data("session.questions").size()).isEqualTo(9);
		invitee.execute("GET_SQUAD", GET_SQUAD_FOR_SESSION, Map.of("id", squadId)).ok();

		for (int i = 0; i < 9; i++) {
			GraphQlResponse active = invitee.execute("GET_ACTIVE_QUESTION", GET_ACTIVE_QUESTION, Map.of("id", sessionId))
				.ok();
			assertThat(active.data("session.active").asBoolean()).isTrue();
			String questionId = active.text("session.activeQuestion.id");
			assertThat(questionId).isEqualTo(questions.text("session.questions." + i + ".id"));
			for (HttpGraphQl voter : List.of(leader, invitee)) {
				voter.execute("ANSWER_QUESTION", ANSWER_QUESTION,
						Map.of("input", Map.of("answer", i % 3, "questionId", questionId, "sessionId", sessionId)))
					.ok();
			}
			GraphQlResponse answered = leader.execute("GET_ACTIVE_QUESTION", GET_ACTIVE_QUESTION, Map.of("id", sessionId))
				.ok();
			assertThat(answered.data("session.activeQuestion.answers").size()).as("distinct answerers = members")
				.isEqualTo(2);
			assertThat(answered.text("session.activeQuestion.answers.0.person.id")).isNotNull();
			if (i < 8) {
				invitee.execute("SET_ACTIVE_QUESTION", SET_ACTIVE_QUESTION, Map.of("input",
						Map.of("questionId", questions.text("session.questions." + (i + 1) + ".id"), "sessionId", sessionId)))
					.ok();
			}
		}
		for (int burst = 0; burst < 3; burst++) {
			invitee.execute("END_SESSION", END_SESSION, Map.of("input", Map.of("sessionId", sessionId))).ok();
		}
		assertThat(leader.execute("GET_ACTIVE_QUESTION", GET_ACTIVE_QUESTION, Map.of("id", sessionId)).ok()
			.data("session.active")
			.asBoolean()).isFalse();

		// leaving: the leader removes the invitee
		GraphQlResponse removed = leader.execute("REMOVE_MEMBER_FROM_SQUAD", REMOVE_MEMBER_FROM_SQUAD,
				Map.of("input", Map.of("personId", inviteeId, "squadId", squadId)))
			.ok();
		assertThat(removed.data("removeMemberFromSquad.members").size()).isEqualTo(1);
		assertThat(removed.text("removeMemberFromSquad.members.0.id")).as("real people, not all-null objects").isNotNull();
	}

}
