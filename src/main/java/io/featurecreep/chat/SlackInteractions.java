package io.featurecreep.chat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.featurecreep.chat.ChatVoting.Ballot;
import io.featurecreep.chat.ChatVoting.Refusal;
import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.notifications.ChatApps;
import io.featurecreep.notifications.ChatApps.ChatCallFailed;
import io.featurecreep.notifications.ChatApps.SlackApp;
import io.featurecreep.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's interactions: the Vote button of a session's message, and the {@code /healthcheck} slash command, open a
 * form with the questions open to vote ({@link SlackBallotView}); the form's submission casts the votes as the linked
 * person. Every request is checked
 * against the signing secret of a connected Slack app first, on its raw bytes; a request none of them signed (or one
 * older than five minutes) gets 401 and is not read. A chat user who is not linked gets, privately, a one-time link
 * to link their account; one who is not a member, a private explanation. Nothing is posted to the channel about who
 * voted.
 */
@RestController
class SlackInteractions {

	static final String PATH = "/integrations/slack/interactions";

	private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

	private final ChatApps apps;

	private final ChatVoting voting;

	private final ChatLinks links;

	private final SessionLookup sessions;

	private final SlackBallotView views;

	private final JsonMapper json;

	private final Clock clock;

	SlackInteractions(ChatApps apps, ChatVoting voting, ChatLinks links, SessionLookup sessions,
			SlackBallotView views, JsonMapper json, Clock clock) {
		this.apps = apps;
		this.voting = voting;
		this.links = links;
		this.sessions = sessions;
		this.views = views;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Object> interact(HttpServletRequest request,
			@RequestHeader(name = "X-Slack-Request-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Slack-Signature", required = false) String signature) {
		byte[] body = RawBodies.of(request);
		List<SlackApp> signedBy = apps.slackApps()
			.stream()
			.filter(app -> SlackSignature.valid(app.signingSecret(), timestamp, body, signature, clock.instant()))
			.toList();
		if (signedBy.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Map<String, String> form = form(body);
		if (form.containsKey("command")) {
			return slashCommand(form, signedBy);
		}
		JsonNode payload = payload(form.get("payload"));
		if (payload == null) {
			return ResponseEntity.badRequest().build();
		}
		ChatUser user = new ChatUser(ChatPlatform.SLACK, payload.path("team").path("id").asString(""),
				payload.path("user").path("id").asString(""));
		if (user.workspaceId().isEmpty() || user.userId().isEmpty()) {
			return ResponseEntity.badRequest().build();
		}
		return switch (payload.path("type").asString("")) {
			case "block_actions" -> voteButton(payload, user, signedBy);
			case "view_submission" -> ballotSubmitted(payload, user, signedBy);
			default -> ResponseEntity.ok().build();
		};
	}

	/**
	 * The {@code /healthcheck} slash command: the form of the running session of the squad whose channel it was typed
	 * in (or of the only squad the signing app is connected to), or, only to the one who typed it, why not. Slack
	 * shows a slash command's direct answer to its sender alone ({@code response_type: ephemeral}).
	 */
	private ResponseEntity<Object> slashCommand(Map<String, String> form, List<SlackApp> signedBy) {
		ChatUser user = new ChatUser(ChatPlatform.SLACK, form.getOrDefault("team_id", ""),
				form.getOrDefault("user_id", ""));
		if (user.workspaceId().isEmpty() || user.userId().isEmpty()) {
			return ResponseEntity.badRequest().build();
		}
		String slackChannel = form.getOrDefault("channel_id", "");
		Optional<SlackApp> app = signedBy.stream()
			.filter(candidate -> candidate.slackChannel().equals(slackChannel))
			.findFirst()
			.or(() -> signedBy.size() == 1 ? Optional.of(signedBy.get(0)) : Optional.empty());
		if (app.isEmpty()) {
			return ephemeral(views.text("chat.slack.notConnected", Locale.ENGLISH));
		}
		Locale language = voting.languageOf(app.get().squadId());
		Optional<HealthSession> running = sessions.running(app.get().squadId());
		if (running.isEmpty()) {
			return ephemeral(views.text("chat.slack.noSession", language));
		}
		try {
			Ballot ballot = voting.ballot(user, running.get().id());
			apps.openSlackView(app.get().connectionId(), form.getOrDefault("trigger_id", ""),
					views.ballot(ballot, app.get().connectionId(), language));
		}
		catch (Refusal refusal) {
			return ephemeral(refusalText(refusal, user, language));
		}
		catch (ChatCallFailed failed) {
			log.warn("Could not open the ballot of session {} in Slack app {}: {}", running.get().id(), app.get(),
					failed.getMessage());
			return ephemeral(views.text("chat.slack.formFailed", language));
		}
		return ResponseEntity.ok().build();
	}

	private static ResponseEntity<Object> ephemeral(String text) {
		return ResponseEntity.ok(Map.of("response_type", "ephemeral", "text", SlackBallotView.escape(text)));
	}

	/** The Vote button: the form, or privately why not. Slack wants the answer within 3 s, and nothing in it. */
	private ResponseEntity<Object> voteButton(JsonNode payload, ChatUser user, List<SlackApp> signedBy) {
		JsonNode action = payload.path("actions").path(0);
		if (!ChatApps.SLACK_VOTE_ACTION.equals(action.path("action_id").asString(""))) {
			return ResponseEntity.ok().build();
		}
		String sessionId = action.path("value").asString("");
		String slackChannel = payload.path("channel").path("id")
			.asString(payload.path("container").path("channel_id").asString(""));
		SlackApp app = appFor(signedBy, sessionId, slackChannel);
		Locale language = voting.languageOf(app.squadId());
		try {
			Ballot ballot = voting.ballot(user, sessionId);
			apps.openSlackView(app.connectionId(), payload.path("trigger_id").asString(""),
					views.ballot(ballot, app.connectionId(), language));
		}
		catch (Refusal refusal) {
			tellPrivately(app, slackChannel, user, refusalText(refusal, user, language));
		}
		catch (ChatCallFailed failed) {
			log.warn("Could not open the ballot of session {} in Slack app {}: {}", sessionId, app, failed.getMessage());
		}
		return ResponseEntity.ok().build();
	}

	/** The form sent: each answered question voted through the voting service, or the form's errors. */
	private ResponseEntity<Object> ballotSubmitted(JsonNode payload, ChatUser user, List<SlackApp> signedBy) {
		JsonNode view = payload.path("view");
		if (!SlackBallotView.CALLBACK.equals(view.path("callback_id").asString(""))) {
			return ResponseEntity.ok().build();
		}
		String[] metadata = view.path("private_metadata").asString("").split(" ", 2);
		String sessionId = metadata[0];
		Optional<SlackApp> app = signedBy.stream()
			.filter(candidate -> metadata.length == 2 && candidate.connectionId().equals(metadata[1]))
			.findFirst();
		if (app.isEmpty()) {
			return ResponseEntity.ok().build();
		}
		Locale language = voting.languageOf(app.get().squadId());
		SlackBallotView.Answers answers = SlackBallotView.answers(view.path("state").path("values"));
		if (answers.firstBlock() == null) {
			return ResponseEntity.ok().build();
		}
		if (!answers.incomplete().isEmpty() || answers.votes().isEmpty()) {
			String block = answers.incomplete().isEmpty() ? answers.firstBlock() : answers.incomplete().get(0);
			return errors(block, views.text("chat.refused.noColour", language));
		}
		try {
			voting.cast(user, sessionId, answers.votes());
		}
		catch (Refusal refusal) {
			return errors(answers.firstBlock(), refusalText(refusal, user, language));
		}
		catch (DomainException refused) {
			return errors(answers.firstBlock(),
					views.text("chat.refused.failed", language, views.inWords(refused, language)));
		}
		return ResponseEntity.ok(Map.of("response_action", "update", "view", views.thanks(language)));
	}

	private ResponseEntity<Object> errors(String block, String text) {
		return ResponseEntity.ok(Map.of("response_action", "errors", "errors", Map.of(block, text)));
	}

	/**
	 * The app to answer through: the one connected to the squad whose session was pressed, else the one posting in
	 * that channel, else any that signed (to explain).
	 */
	private SlackApp appFor(List<SlackApp> signedBy, String sessionId, String slackChannel) {
		for (SlackApp app : signedBy) {
			if (sessions.running(app.squadId()).map(HealthSession::id).filter(sessionId::equals).isPresent()) {
				return app;
			}
		}
		return signedBy.stream()
			.filter(app -> app.slackChannel().equals(slackChannel))
			.findFirst()
			.orElse(signedBy.get(0));
	}

	private String refusalText(Refusal refusal, ChatUser user, Locale language) {
		if (!refusal.notLinked()) {
			return views.text(refusal.messageKey(), language);
		}
		if (!links.linksPossible()) {
			return views.text("chat.refused.noPublicUrl", language);
		}
		return views.text("chat.refused.notLinked", language, links.newLink(user));
	}

	private void tellPrivately(SlackApp app, String slackChannel, ChatUser user, String text) {
		try {
			apps.postSlackEphemeral(app.connectionId(), slackChannel, user.userId(), text);
		}
		catch (ChatCallFailed failed) {
			log.warn("Could not answer privately in Slack app {}: {}", app, failed.getMessage());
		}
	}

	/** An interaction's {@code payload} field: JSON, or null when missing or malformed. */
	private JsonNode payload(String payload) {
		if (payload == null) {
			return null;
		}
		try {
			return json.readTree(payload);
		}
		catch (JacksonException malformed) {
			return null;
		}
	}

	/**
	 * Slack sends form-encoded bodies: interactions as {@code payload=<json>}, slash commands as fields
	 * ({@code command}, {@code team_id}, {@code user_id}, {@code channel_id}, {@code trigger_id}, …). A field that
	 * cannot be decoded is left out.
	 */
	private static Map<String, String> form(byte[] body) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			try {
				fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException malformed) {
				// a broken escape: not a field Slack sent
			}
		}
		return fields;
	}

}
