package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.Receiver;
import io.featurecreep.support.WithReceivers;
import jakarta.mail.internet.MimeMessage;

/**
 * The squad page's notifications: owners add channels of every kind the API has (each tested first, a webhook's
 * secret shown once), hear why an address is refused, remove channels and retry failed deliveries from the log;
 * members see kinds and statuses, never addresses, secrets or errors. Local receivers stand in for the services.
 */
@FeatureCreepTest
class ChannelPagesTests extends WithReceivers {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	Caller owner;

	Caller member;

	String squadId;

	/** Unique to this test, so requests to the shared receiver can be told apart. */
	String tag;

	@BeforeEach
	void squadWithAMember() {
		owner = api.as(api.newPerson("Owner"));
		member = api.as(api.newPerson("Member"));
		squadId = owner.execute("mutation { createSquad(input: {name: \"Page squad\"}) { id } }").ok().text("createSquad.id");
		tag = squadId.substring(0, 8);
		String token = owner.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
	}

	@Test
	void ownersAddEveryKindOfChannelAndEachGetsATestMessageFirst() throws Exception {
		Map<String, String> targets = Map.of("DISCORD", "https://discord.com/api/webhooks/4242/tok-" + tag, "SLACK",
				"https://hooks.slack.com/services/T000/B000/" + tag + "XXXX", "TEAMS",
				"https://contoso.webhook.office.com/webhookb2/" + tag + "-abc/IncomingWebhook/x", "WEBHOOK",
				"https://receiver.example/pages/" + tag, "EMAIL", "lead-" + tag + "@example.com");
		for (String kind : List.of("DISCORD", "SLACK", "TEAMS", "WEBHOOK", "EMAIL")) {
			mvc.perform(addChannel(kind, targets.get(kind)).with(as(owner)))
				.andExpect(redirectedUrl("/squads/" + squadId + "#notifications"))
				.andExpect(flash().attributeExists("channelAdded"));
		}
		assertThat(receiver.to("/discord.com/api/webhooks/4242/tok-" + tag)).hasSize(1);
		assertThat(receiver.to("/hooks.slack.com/services/T000/B000/" + tag)).hasSize(1);
		assertThat(receiver.to("/contoso.webhook.office.com/webhookb2/" + tag)).hasSize(1);
		assertThat(receiver.to("/receiver.example/pages/" + tag)).hasSize(1);
		assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals("lead-" + tag + "@example.com")))
			.hasSize(1);

		String page = page(owner);
		assertThat(page).contains("Discord", "Slack", "Microsoft Teams", "Signed webhook", "E-mail")
			.contains("https://discord.com/api/webhooks/4242/********", "https://receiver.example/***", "l***@example.com")
			.doesNotContain("tok-" + tag, "/pages/" + tag, "lead-" + tag);
		assertThat(count(page, "data-status=\"DELIVERED\"")).as("five test messages in the log").isEqualTo(5);
	}

	@Test
	void aSignedWebhooksSecretShowsOnceAndSignsItsMessages() throws Exception {
		MvcResult added = mvc.perform(addChannel("WEBHOOK", "https://receiver.example/signed/" + tag).with(as(owner)))
			.andExpect(flash().attribute("channelAdded", "Signed webhook"))
			.andReturn();
		String secret = (String) added.getFlashMap().get("signingSecret");
		assertThat(secret).hasSizeGreaterThan(30);
		Receiver.Request test = receiver.to("/receiver.example/signed/" + tag).getLast();
		assertThat(test.header("X-FeatureCreep-Signature")).isEqualTo(
				"sha256=" + SignedWebhookSender.sign(secret, test.header("X-FeatureCreep-Timestamp") + "." + test.body()));

		assertThat(page(owner, added.getFlashMap())).contains("value=\"" + secret + "\"", "shown only this once");
		assertThat(page(owner)).as("the next visit").doesNotContain(secret);
		assertThat(page(member)).doesNotContain(secret);
	}

	/** The four inputs that all gave "Discord webhook failed validation" before, each now with its own reason. */
	@Test
	void aRefusedAddressSaysWhyAndKeepsWhatWasTyped() throws Exception {
		Map<String, String> reasons = Map.of("https://10.0.0.1/hook", "The address does not lead to the public internet",
				"http://127.0.0.1/x", "The address does not lead to the public internet",
				"https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX", "This is a Slack address: choose Slack",
				"javascript:alert(1)", "This is not a web address: it must start with https://");
		for (Map.Entry<String, String> typed : reasons.entrySet()) {
			MvcResult refused = mvc.perform(addChannel("DISCORD", typed.getKey()).with(as(owner)))
				.andExpect(redirectedUrl("/squads/" + squadId + "#notifications"))
				.andExpect(flash().attribute("channelError", typed.getValue()))
				.andReturn();
			String page = page(owner, refused.getFlashMap());
			assertThat(page).as(typed.getKey())
				.contains(typed.getValue())
				.contains("value=\"" + typed.getKey() + "\"")
				.contains("<option value=\"DISCORD\" selected=\"selected\">")
				.contains("aria-invalid=\"true\"");
		}
		assertThat(page(owner)).contains("No channels yet");
	}

	@Test
	void whatWasTypedComesBackEscaped() throws Exception {
		String typed = "\"><script>alert(1)</script>";
		MvcResult refused = mvc.perform(addChannel("WEBHOOK", typed).with(as(owner))).andReturn();
		assertThat(page(owner, refused.getFlashMap())).doesNotContain("<script>alert(1)</script>")
			.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void onlyOwnersChangeChannelsAndOnlyWithTheFormsToken() throws Exception {
		mvc.perform(addChannel("WEBHOOK", "https://receiver.example/members/" + tag).with(as(member)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{id}/channels", squadId).param("kind", "WEBHOOK")
			.param("target", "https://receiver.example/nocsrf/" + tag)
			.with(as(owner))).andExpect(status().isForbidden());
		assertThat(receiver.to("/receiver.example/members/" + tag)).isEmpty();
		assertThat(receiver.to("/receiver.example/nocsrf/" + tag)).isEmpty();

		mvc.perform(addChannel("WEBHOOK", "https://receiver.example/kept/" + tag).with(as(owner)));
		String channelId = channelIds().getFirst();
		mvc.perform(post("/squads/{s}/channels/{c}/remove", squadId, channelId).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		Caller stranger = api.as(api.newPerson("Stranger"));
		String otherSquad = stranger.execute("mutation { createSquad(input: {name: \"Other\"}) { id } }")
			.ok()
			.text("createSquad.id");
		mvc.perform(post("/squads/{s}/channels/{c}/remove", otherSquad, channelId).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(channelIds()).containsExactly(channelId);

		mvc.perform(post("/squads/{s}/channels/{c}/remove", squadId, channelId).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#notifications"))
			.andExpect(flash().attribute("channelRemoved", true));
		assertThat(channelIds()).isEmpty();
	}

	@Test
	void ownersSendATestMessageFromThePage() throws Exception {
		mvc.perform(addChannel("WEBHOOK", "https://receiver.example/again/" + tag).with(as(owner)));
		String channelId = channelIds().getFirst();
		mvc.perform(post("/squads/{s}/channels/{c}/test", squadId, channelId).with(as(owner)).with(csrf()))
			.andExpect(flash().attribute("testSent", true));
		receiver.answer("/receiver.example/again/" + tag, 502);
		mvc.perform(post("/squads/{s}/channels/{c}/test", squadId, channelId).with(as(owner)).with(csrf()))
			.andExpect(flash().attribute("testFailed", "The receiver answered HTTP 502"));
		assertThat(receiver.to("/receiver.example/again/" + tag)).hasSize(3);
		mvc.perform(post("/squads/{s}/channels/{c}/test", squadId, channelId).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	/**
	 * A report that failed every attempt shows in the log with its attempts and error to owners, who retry it there;
	 * a member sees that it failed, and to which kind of channel, and nothing else.
	 */
	@Test
	void theDeliveryLogShowsHowSendingWentAndOwnersRetryWhatFailed() throws Exception {
		mvc.perform(addChannel("WEBHOOK", "https://receiver.example/log/" + tag).with(as(owner)));
		mvc.perform(addChannel("DISCORD", "https://discord.com/api/webhooks/77/log-" + tag).with(as(owner)));
		receiver.answer("/receiver.example/log/" + tag, 500);
		runSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> page(owner).contains("data-status=\"FAILED\""));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> count(page(owner), "data-status=\"DELIVERED\"") == 3);

		String forOwner = page(owner);
		assertThat(forOwner).contains("Last error: The receiver answered HTTP 500", "Attempt 3: The receiver answered HTTP 500",
				"https://receiver.example/***", ">Retry<", "3 attempts");
		assertThat(count(forOwner, ">Retry<")).as("only the failed report").isEqualTo(1);

		String forMember = page(member);
		assertThat(forMember).contains("data-status=\"FAILED\"", "Signed webhook", "Report", "Failed")
			.doesNotContain("receiver.example", "discord.com/api/webhooks", "HTTP 500", ">Retry<", "log-" + tag);

		String failedId = between(forOwner, "data-delivery=\"", "\" data-status=\"FAILED\"");
		mvc.perform(post("/squads/{s}/deliveries/{d}/retry", squadId, failedId).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{s}/deliveries/{d}/retry", squadId, failedId).with(as(owner)))
			.andExpect(status().isForbidden());
		receiver.answer("/receiver.example/log/" + tag, 200);
		mvc.perform(post("/squads/{s}/deliveries/{d}/retry", squadId, failedId).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#deliveries"))
			.andExpect(flash().attribute("retried", true));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> page(owner).contains("data-delivery=\"" + failedId + "\" data-status=\"DELIVERED\""));

		mvc.perform(post("/squads/{s}/deliveries/{d}/retry", squadId, failedId).with(as(owner)).with(csrf()))
			.andExpect(flash().attribute("deliveryError", "Only failed reports and reminders can be retried"));
	}

	/**
	 * Owners read why a channel was refused, why a test message did not arrive and why a delivery failed in their own
	 * language, though the log keeps the API's English words; a member sees statuses in theirs.
	 */
	@Test
	void theChannelPartSpeaksTheReadersLanguage() throws Exception {
		receiver.answer("/receiver.example/german/" + tag, 404);
		MvcResult refused = mvc.perform(addChannel("WEBHOOK", "https://receiver.example/german/" + tag).with(as(owner))
			.header("Accept-Language", "de"))
			.andExpect(flash().attribute("channelError",
					"Die Testnachricht ließ sich nicht senden: Der Empfänger hat mit HTTP 404 geantwortet"))
			.andReturn();
		assertThat(page(owner, refused.getFlashMap(), "de"))
			.contains("Die Testnachricht ließ sich nicht senden: Der Empfänger hat mit HTTP 404 geantwortet");

		receiver.answer("/receiver.example/german/" + tag, 200);
		mvc.perform(addChannel("WEBHOOK", "https://receiver.example/german/" + tag).with(as(owner)));
		receiver.answer("/receiver.example/german/" + tag, 503);
		String channelId = channelIds().getFirst();
		mvc.perform(post("/squads/{s}/channels/{c}/test", squadId, channelId).with(as(owner)).with(csrf())
			.header("Accept-Language", "fr"))
			.andExpect(flash().attribute("testFailed", "Le destinataire a répondu HTTP 503"));
		runSession();
		await().atMost(Duration.ofSeconds(15)).until(() -> count(page(owner), "data-status=\"FAILED\"") == 2);

		assertThat(page(owner, new FlashMap(), "de")).contains("Der Empfänger hat mit HTTP 503 geantwortet")
			.doesNotContain("The receiver answered");
		assertThat(page(owner, new FlashMap(), "nl")).contains("De ontvanger antwoordde met HTTP 503");
		assertThat(page(owner)).contains("The receiver answered HTTP 503");
		assertThat(owner.execute("query($s: String!) { squad(id: $s) { deliveries { lastError } } }", "s", squadId)
			.ok()
			.data("squad.deliveries")
			.findValuesAsString("lastError")).as("the API's words").contains("The receiver answered HTTP 503")
			.doesNotContain("Der Empfänger hat mit HTTP 503 geantwortet");
		// members see no delivery log (not "503" alone: a time on the page may hold those digits)
		assertThat(page(member, new FlashMap(), "es")).doesNotContain("HTTP 503").doesNotContain("El destinatario");
	}

	/** The reasons the delivery log stores in English are said again in the reader's language, arguments and all. */
	@Test
	void storedReasonsAreRecognisedWithTheirArguments() {
		assertThat(StoredReasons.recognise("The receiver answered HTTP 500")).isInstanceOfSatisfying(Phrase.class, phrase -> {
			assertThat(phrase.key()).isEqualTo("notifications.failure.httpStatus");
			assertThat(phrase.arguments()).containsExactly("500");
		});
		assertThat(messages.getMessage((Phrase) StoredReasons.recognise("Could not reach the receiver (ConnectException)"),
				java.util.Locale.GERMAN)).isEqualTo("Der Empfänger war nicht erreichbar (ConnectException)");
		assertThat(messages.getMessage((Phrase) StoredReasons.recognise("The channel was removed"), java.util.Locale.FRENCH))
			.isEqualTo("Le canal a été supprimé");
		assertThat(StoredReasons.recognise("Something nobody wrote down")).isEqualTo("Something nobody wrote down");
		assertThat(StoredReasons.recognise("Could not reach the receiver")).isEqualTo("Could not reach the receiver");
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	// -----

	org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder addChannel(String kind, String target) {
		return post("/squads/{id}/channels", squadId).param("kind", kind).param("target", target).with(csrf());
	}

	String page(Caller caller) throws Exception {
		return page(caller, new FlashMap());
	}

	/**
	 * The squad page as it shows right after a redirect that carried these flash attributes, its white space made
	 * single spaces.
	 */
	String page(Caller caller, FlashMap flash) throws Exception {
		return page(caller, flash, null);
	}

	/** The squad page as above, asked for in this language (none: the browser says nothing). */
	String page(Caller caller, FlashMap flash, String language) throws Exception {
		var request = get("/squads/{id}", squadId).with(as(caller));
		if (language != null) {
			request = request.header("Accept-Language", language);
		}
		if (!flash.isEmpty()) {
			request = request.flashAttrs(flash);
		}
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll("\\s+", " ");
	}

	List<String> channelIds() {
		List<String> ids = new java.util.ArrayList<>();
		owner.execute("query($s: String!) { squad(id: $s) { notificationChannels { id } } }", "s", squadId)
			.ok()
			.data("squad.notificationChannels")
			.forEach(channel -> ids.add(channel.path("id").asString()));
		return ids;
	}

	void runSession() {
		var session = owner
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = session.text("createSession.id");
		owner.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2}) { id } }",
				"s", sessionId, "q", session.data("createSession.questions").get(0).path("id").asString())
			.ok();
		owner.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
	}

	static RequestPostProcessor as(Caller caller) {
		return user(caller.person().id());
	}

	static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	static String between(String text, String before, String after) {
		int end = text.indexOf(after);
		return text.substring(text.lastIndexOf(before, end) + before.length(), end);
	}

	static String to(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
