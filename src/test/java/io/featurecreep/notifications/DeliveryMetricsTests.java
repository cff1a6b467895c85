package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.Scrape;
import io.featurecreep.support.WithReceivers;

/**
 * Sending to channels is counted by kind, purpose and outcome, as a scraper of /actuator/prometheus sees it, and
 * never with the squad, channel or address. The receivers are shared with other tests, so each test compares with
 * a scrape taken just before.
 */
@FeatureCreepTest
class DeliveryMetricsTests extends WithReceivers {

	static final String ADD = "mutation($s: String!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: $t}) { channel { id } } }";

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc mvc;

	@Test
	void testMessagesCountAsDeliveredOrFailed() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = squad(owner);
		String path = "/receiver.example/metrics-test/" + squadId;
		Scrape before = Scrape.of(mvc);

		String channelId = owner.execute(ADD, "s", squadId, "t", "https://receiver.example/metrics-test/" + squadId)
			.ok()
			.text("addNotificationChannel.channel.id");
		receiver.answer(path, 500);
		String status = owner.execute("mutation($c: String!) { sendTestMessage(channelId: $c) { status } }", "c", channelId)
			.ok()
			.text("sendTestMessage.status");

		assertThat(status).isEqualTo("FAILED");
		Scrape after = Scrape.of(mvc);
		assertThat(increase(before, after, "test", "delivered")).isEqualTo(1);
		assertThat(increase(before, after, "test", "failed")).isEqualTo(1);
		assertThat(after.text()).doesNotContain(squadId, channelId, "metrics-test");
	}

	@Test
	void aReportToADownReceiverCountsEachRetryAndThenTheFailure() {
		Caller owner = api.as(api.newPerson("Owner"));
		String squadId = squad(owner);
		owner.execute(ADD, "s", squadId, "t", "https://receiver.example/metrics-down/" + squadId).ok();
		receiver.answer("/receiver.example/metrics-down/" + squadId, 503);
		Scrape before = Scrape.of(mvc);

		String sessionId = owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();

		// three attempts here (WithReceivers): two retried, the third given up
		await().atMost(Duration.ofSeconds(20)).until(() -> increase(before, Scrape.of(mvc), "report", "failed") >= 1);
		assertThat(increase(before, Scrape.of(mvc), "report", "retrying")).isGreaterThanOrEqualTo(2);
	}

	private String squad(Caller owner) {
		return owner.execute("mutation { createSquad(input: {name: \"Metered\"}) { id } }").ok().text("createSquad.id");
	}

	private static double increase(Scrape before, Scrape after, String purpose, String status) {
		String[] labels = { "kind", "webhook", "purpose", purpose, "status", status };
		return after.value("feature_creep_deliveries_total", labels) - before.value("feature_creep_deliveries_total", labels);
	}

}
