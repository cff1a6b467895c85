package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.featurecreep.healthcheck.SessionMode;
import io.featurecreep.healthcheck.SessionStarted;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.WithReceivers;
import tools.jackson.databind.JsonNode;

/**
 * A vote invitation that would arrive after its session is over (the start's event handled late, or the chat down
 * until the end) is not sent: the delivery log shows it cancelled, with the reason, and the channel gets nothing.
 */
@FeatureCreepTest
class VoteInviteDeliveryTests extends WithReceivers {

	@Autowired
	GraphQlApi api;

	@Autowired
	PlanVoteInvites planVoteInvites;

	@Test
	void anInvitationToASessionOverBeforeItIsSentIsCancelledWithTheReason() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = owner.execute("mutation { createSquad(input: {name: \"Latecomers\"}) { id } }")
			.ok()
			.text("createSquad.id");
		String sessionId = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();

		// the Slack app is connected after the session ended, then the session's start is handled late
		String channel = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		receiver.answer("/slack.com/api/", 200, "{\"ok\":true,\"ts\":\"1700000000.000200\"}");
		owner.execute("""
				mutation($s: String!, $t: String!) {
				  addNotificationChannel(input: {squadId: $s, kind: SLACK_APP, target: $t,
				    botToken: "xoxb-1111-2222-late", signingSecret: "0123456789abcdef0123456789abcdef"}) { channel { id } } }""",
				"s", squadId, "t", channel).ok();
		planVoteInvites.handle(new SessionStarted(sessionId, squadId, SessionMode.LIVE, false, "Late", null,
				Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> invitation(owner, squadId) != null
				&& !"PENDING".equals(invitation(owner, squadId).path("status").asString()));
		JsonNode invitation = invitation(owner, squadId);
		assertThat(invitation.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(invitation.path("sessionId").asString()).isEqualTo(sessionId);
		assertThat(invitation.path("lastError").asString())
			.isEqualTo("Not sent: the session was over before the invitation went");
		assertThat(invitation.path("attemptLog")).isEmpty();
		assertThat(receiver.to("/slack.com/api/chat.postMessage"))
			.noneMatch(r -> r.body().contains(channel) && r.body().contains("fc_vote"));
	}

	private static JsonNode invitation(Caller owner, String squadId) {
		List<JsonNode> deliveries = new ArrayList<>();
		owner.execute("""
				query($s: String!) { squad(id: $s) { deliveries { purpose status lastError sessionId attemptLog { attempt } } } }""",
				"s", squadId).ok().data("squad.deliveries").forEach(deliveries::add);
		return deliveries.stream()
			.filter(d -> d.path("purpose").asString().equals("VOTE_INVITE"))
			.findFirst()
			.orElse(null);
	}

}
