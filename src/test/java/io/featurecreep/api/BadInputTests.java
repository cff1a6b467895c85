package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/** Bad requests get a GraphQL error with a code and a clear message: never a stack trace, never a 500. */
@FeatureCreepTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests {

	@Autowired
	GraphQlApi api;

	Caller me;

	@BeforeEach
	void signIn() {
		me = api.as(api.newPerson("Bad"));
	}

	@Test
	void theNulCharacterIsRefusedInDocumentsAndVariablesBeforeAnythingLooksItUp() {
		Caller member = api.as(api.newPerson("Nul"));
		// PostgreSQL can neither store nor compare it: every lookup with it failed as an internal error there
		member.execute("{ squad(id: \"x\\u0000y\") { id } }")
			.failsWith("Text must not contain the NUL character (\\u0000)", "BAD_USER_INPUT");
		member.execute("query($s: String!) { squad(id: $s) { id } }", "s", "x\u0000y")
			.failsWith("Text must not contain the NUL character (\\u0000)", "BAD_USER_INPUT");
		member.execute("mutation($n: String!) { createSquad(input: {name: $n}) { id } }", "n", "a\u0000b")
			.failsWith("Text must not contain the NUL character (\\u0000)", "BAD_USER_INPUT");
	}

	@Test
	void malformedJsonIsABadRequestWithACode() {
		GraphQlResponse response = me.raw("{\"query\": \"{ ping }\"");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at io.");
	}

	@Test
	void syntaxErrorsAndUnknownFieldsAreBadInput() {
		assertThat(me.execute("{ ping ").errorCodes()).containsOnly("BAD_USER_INPUT");
		assertThat(me.execute("{ nothingHere }").errorCodes()).containsOnly("BAD_USER_INPUT");
	}

	@Test
	void wrongArgumentTypesAreBadInput() {
		GraphQlResponse response = me.execute(
				"mutation($input: answerQuestion){ answerQuestion(input: $input){ id } }", "input",
				Map.of("answer", "green", "questionId", "q", "sessionId", "s"));
		assertThat(response.errorCodes()).containsOnly("BAD_USER_INPUT");
	}

	@Test
	void omittedNullableInputIsABadInputNotACrash() {
		me.execute("mutation { createSquad { id } }").failsWith("The input argument is required", "BAD_USER_INPUT");
		me.execute("mutation { answerQuestion { id } }").failsWith("The input argument is required", "BAD_USER_INPUT");
		me.execute("{ squads(filter: {}) { id } }").failsWith("Invalid filtermode", "BAD_USER_INPUT");
	}

	@Test
	void unknownIdsGiveTheOriginalMessages() {
		me.execute("{ squad(id: \"blablabla\") { id } }").failsWith("Invalid squad ID", "BAD_USER_INPUT");
		me.execute("{ session(id: \"nope\") { id } }").failsWith("Session not found", "BAD_USER_INPUT");
		me.execute("{ question(questionId: \"q\", sessionId: \"nope\") { id } }")
			.failsWith("Invalid session ID", "BAD_USER_INPUT");
		me.execute("mutation { endSession(input: {sessionId: \"nope\"}) { id } }")
			.failsWith("Invalid session ID", "BAD_USER_INPUT");
		me.execute("mutation { setActiveQuestion(input: {sessionId: \"nope\", questionId: \"q\"}) { id } }")
			.failsWith("Invalid session ID", "BAD_USER_INPUT");
		me.execute("mutation { addMemberToSquad(input: {squadId: \"nope\", personId: \"p\"}) { id } }")
			.failsWith("Squad does not exist", "BAD_USER_INPUT");
		me.execute("mutation { createSession(input: {squadId: \"nope\"}) { id } }")
			.failsWith("Invalid squad ID", "BAD_USER_INPUT");
	}

	@Test
	void oversizedTextIsRefusedWithItsLimit() {
		me.execute("mutation($name: String!) { createSquad(input: {name: $name}) { id } }", "name", "x".repeat(201))
			.failsWith("Squad name is too long (at most 200 characters)", "BAD_USER_INPUT");
		me.execute("mutation { createSquad(input: {name: \"   \"}) { id } }")
			.failsWith("Squad name must not be empty", "BAD_USER_INPUT");
	}

	@Test
	void tooDeepQueriesAreRefusedBeforeTheyRun() {
		String deep = "{ squads { sessions { questions { answers { person { id } } } } } }";
		assertThat(me.execute(deep).errorCodes()).isEmpty();
		StringBuilder tooDeep = new StringBuilder("{ __schema { types { fields { type ");
		for (int i = 0; i < 20; i++) {
			tooDeep.append("{ ofType ");
		}
		tooDeep.append("{ name }");
		tooDeep.append(" }".repeat(20)).append(" } } } }");
		GraphQlResponse response = me.execute(tooDeep.toString());
		assertThat(response.errorCodes()).containsOnly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).containsIgnoringCase("depth");
	}

	@Test
	void tooCostlyQueriesAreRefused() {
		StringBuilder wide = new StringBuilder("{ ");
		for (int i = 0; i < 700; i++) {
			wide.append("a").append(i).append(": squads { id name open } ");
		}
		wide.append("}");
		GraphQlResponse response = me.execute(wide.toString());
		assertThat(response.errorCodes()).containsOnly("BAD_USER_INPUT");
	}

	@Test
	void oversizedRequestBodiesAreRefused() {
		GraphQlResponse response = me.execute("query($x: String) { ping }", "x", "y".repeat(200_000));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
	}

	@Test
	void requestsWithoutSignInGetTheOriginalMessage() {
		api.anonymous().execute("{ ping }").failsWith("Context creation failed: JWT is required", "UNAUTHENTICATED");
	}


	@Test
	void aSubscriptionInAPlainJsonPostIsRefusedWithWhereToSubscribe() {
		String squadId = me.execute("mutation { createSquad(input: {name: \"Streams\"}) { id } }").ok().text("createSquad.id");
		String sessionId = me.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");

		GraphQlResponse response = me.execute("subscription($s: String!) { sessionChanged(sessionId: $s) { sessionId } }",
				"s", sessionId);

		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).contains("/graphql-ws").contains("text/event-stream");
		assertThat(response.body().toString()).doesNotContain("upstreamPublisher").doesNotContain("prefetch");
	}

	@ParameterizedTest
	@ValueSource(strings = { "subscription($v: Boolean!) { sessionChanged(sessionId: \"s\") @include(if: $v) { sessionId } }",
			"subscription { sessionChanged(sessionId: \"s\") @include { sessionId } }",
			"subscription { sessionChanged(sessionId: \"s\") @include(if: false) { sessionId } }",
			"subscription { sessionChanged(sessionId: \"s\") @skip(if: \"yes\") { sessionId } }",
			"subscription { ... @include(if: true) { sessionChanged(sessionId: \"s\") { sessionId } } }",
			"subscription { ...Root } fragment Root on Subscription { sessionChanged(sessionId: \"s\") @skip(if: true) { sessionId } }",
			"subscription { ...Missing }", "subscription { ... on Nothing { sessionChanged(sessionId: \"s\") { sessionId } } }",
			"subscription { ...Root } fragment Root on Nothing { sessionChanged(sessionId: \"s\") { sessionId } }" })
	void aSubscriptionRootThatCannotBeCheckedIsAValidationError(String document, CapturedOutput output) {
		GraphQlResponse response = me.execute(document, "v", false);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.errorCodes()).isNotEmpty().containsOnly("BAD_USER_INPUT");
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void introspectionInBadFaithIsBadInput() {
		GraphQlResponse response = me.execute("{ __type(name: \"Query\") { fields { name } a: fields { name } } }");

		assertThat(response.errorMessages().get(0)).contains("not asking for introspection in good faith");
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
	}

	@Test
	void aNullIncludeDeprecatedIsBadInputNotAnError(CapturedOutput output) {
		GraphQlResponse response = me.execute(
				"query($d: Boolean) { __schema { directives { args(includeDeprecated: null) { name } } } __type(name: \"Query\") { fields(includeDeprecated: $d) { name } } }",
				"d", null);

		assertThat(response.errorCodes()).isNotEmpty().containsOnly("BAD_USER_INPUT");
		assertThat(response.errorMessages()).allMatch(message -> message.contains("includeDeprecated"));
		assertThat(output).doesNotContain("Unexpected error").doesNotContain("\tat ");
	}

}
