package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.WithReceivers;
import tools.jackson.databind.JsonNode;

/**
 * A delivery is a row of the delivery log and a work item of the one work queue (ADR 8): the queue tries it (3 times
 * here, {@link WithReceivers}), backs off and parks it; the log shows each attempt and says FAILED exactly when the
 * queue parks the work; an owner's retry queues it again; work run once more sends nothing more.
 */
@FeatureCreepTest
class DeliveryQueueTests extends WithReceivers {

	@Autowired
	GraphQlApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	Caller owner;

	String squadId;

	String path;

	@BeforeEach
	void squadWithAWebhook() {
		owner = api.as(api.newPerson("Owner"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Queued\"}) { id } }").ok().text("createSquad.id");
		path = "/receiver.example/queue/" + squadId;
		owner.execute("mutation($s: String!, $t: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: $t}) { channel { id } } }",
				"s", squadId, "t", "https://receiver.example/queue/" + squadId)
			.ok();
	}

	@Test
	void aFailingReportIsRetriedByTheQueueAndEachAttemptIsLogged() {
		receiver.answer(path, 503);
		String sessionId = endSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId) != null && report(sessionId).path("attempts").asInt() >= 1);
		receiver.answer(path, 200);
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId).path("status").asString().equals("DELIVERED"));

		JsonNode report = report(sessionId);
		List<Map<String, Object>> work = workOf(report.path("id").asString());
		assertThat(work).as("one work item of the queue for the delivery").hasSize(1);
		assertThat(work.getFirst().get("status")).isEqualTo("DONE");
		int sent = (int) receiver.to(path).stream().filter(r -> r.body().contains(sessionId)).count();
		assertThat(((Number) work.getFirst().get("attempts")).intValue()).as("the queue's attempts are the sends")
			.isEqualTo(sent);
		JsonNode log = report.path("attemptLog");
		assertThat(log.size()).isEqualTo(sent).isGreaterThanOrEqualTo(2);
		assertThat(report.path("attempts").asInt()).isEqualTo(sent);
		for (int i = 0; i < log.size(); i++) {
			assertThat(log.get(i).path("attempt").asInt()).isEqualTo(i + 1);
			assertThat(log.get(i).path("delivered").asBoolean()).isEqualTo(i == log.size() - 1);
		}
	}

	@Test
	void aParkedReportIsFailedInTheLogAndAnOwnersRetryQueuesItAgain() {
		receiver.answer(path, 500);
		String sessionId = endSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId) != null && report(sessionId).path("status").asString().equals("FAILED"));
		String deliveryId = report(sessionId).path("id").asString();
		List<Map<String, Object>> parked = workOf(deliveryId);
		assertThat(parked).hasSize(1);
		assertThat(parked.getFirst().get("status")).as("the queue parked the work").isEqualTo("DEAD");
		assertThat((String) parked.getFirst().get("last_error")).contains("The receiver answered HTTP 500");
		assertThat(report(sessionId).path("attempts").asInt()).isEqualTo(3);
		assertThat(report(sessionId).path("lastError").asString()).isEqualTo("The receiver answered HTTP 500");

		receiver.answer(path, 200);
		assertThat(owner.execute("mutation($d: String!) { retryDelivery(deliveryId: $d) { status attempts } }", "d", deliveryId)
			.ok()
			.text("retryDelivery.status")).isEqualTo("PENDING");
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId).path("status").asString().equals("DELIVERED"));
		assertThat(workOf(deliveryId)).extracting(row -> row.get("status")).containsExactlyInAnyOrder("DEAD", "DONE");
		JsonNode log = report(sessionId).path("attemptLog");
		assertThat(log.size()).as("three failed, then one from the start: %s", log).isEqualTo(4);
		assertThat(log.get(3).path("attempt").asInt()).isEqualTo(1);
		assertThat(log.get(3).path("delivered").asBoolean()).isTrue();
	}

	@Test
	void workRunAgainForADeliveryThatWentSendsNothingMore() {
		String sessionId = endSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId) != null && report(sessionId).path("status").asString().equals("DELIVERED"));
		String deliveryId = report(sessionId).path("id").asString();
		int sent = receiver.to(path).size();
		// as when a node dies after sending and before recording it, or Redis hands the job out again
		transactions.executeWithoutResult(tx -> events.publishEvent(new DeliveryDue(deliveryId)));
		await().atMost(Duration.ofSeconds(10)).until(() -> workOf(deliveryId).stream().allMatch(row -> "DONE".equals(row.get("status")))
				&& workOf(deliveryId).size() == 2);
		assertThat(receiver.to(path)).hasSize(sent);
		assertThat(report(sessionId).path("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void theReportOfASessionDiscardedWhileItWaitsIsNeverSent() {
		receiver.answer(path, 503);
		String sessionId = endSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId) != null && report(sessionId).path("attempts").asInt() >= 1);
		owner.execute("mutation($s: String!) { discardSession(sessionId: $s) { sessionId } }", "s", sessionId).ok();
		receiver.answer(path, 200);
		await().atMost(Duration.ofSeconds(15)).until(() -> report(sessionId).path("status").asString().equals("CANCELLED"));
		String deliveryId = report(sessionId).path("id").asString();
		await().atMost(Duration.ofSeconds(15)).until(() -> workOf(deliveryId).stream().noneMatch(row -> "PENDING".equals(row.get("status"))));
		assertThat(receiver.to(path).stream().filter(r -> r.body().contains(sessionId)).count())
			.as("only the attempts made before the discard")
			.isEqualTo(report(sessionId).path("attempts").asInt());
		assertThat(report(sessionId).path("status").asString()).isEqualTo("CANCELLED");
	}

	String endSession() {
		String sessionId = owner.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id } }", "s", squadId)
			.ok()
			.text("createSession.id");
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
		return sessionId;
	}

	JsonNode report(String sessionId) {
		for (JsonNode delivery : owner
			.execute("query($s: String!) { squad(id: $s) { deliveries { id purpose status attempts lastError sessionId attemptLog { attempt delivered error } } } }",
					"s", squadId)
			.ok()
			.data("squad.deliveries")) {
			if (delivery.path("purpose").asString().equals("REPORT") && delivery.path("sessionId").asString().equals(sessionId)) {
				return delivery;
			}
		}
		return null;
	}

	/** The queue's work items for a delivery. */
	List<Map<String, Object>> workOf(String deliveryId) {
		return new ArrayList<>(jdbc.sql("""
				select status, attempts, last_error from event_outbox
				where handler = 'notifications.deliver' and payload = ?""")
			.param("{\"deliveryId\":\"" + deliveryId + "\"}")
			.query()
			.listOfRows());
	}

}
