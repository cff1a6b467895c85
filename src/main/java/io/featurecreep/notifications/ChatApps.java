package io.featurecreep.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.featurecreep.notifications.ChannelSender.DeliveryFailed;

/**
 * What the chat module may ask of the squads' chat app channels: which apps are connected (to check that a request
 * comes from one of them) and the few calls an interaction needs (open a form, answer one user privately). Calls go
 * through the guarded client to the chat's own hosts only; bot tokens never leave this module. A failed call shows
 * in the squad's delivery log ({@link ChatCallFailures}).
 */
@Service
public class ChatApps {

	/** The action id of the Vote button on a Slack vote invitation. */
	public static final String SLACK_VOTE_ACTION = "fc_vote";

	private final ChannelStore channels;

	private final SlackApi slack;

	private final ChatCallFailures failures;

	ChatApps(ChannelStore channels, SlackApi slack, ChatCallFailures failures) {
		this.channels = channels;
		this.slack = slack;
		this.failures = failures;
	}

	/** Every connected Slack app, across squads. */
	public List<SlackApp> slackApps() {
		return channels.ofKind(ChannelKind.SLACK_APP)
			.stream()
			.map(channel -> new SlackApp(channel.id(), channel.squadId(), channel.target(), channel.signingSecret()))
			.toList();
	}

	/** The Slack app connection, if it still exists. */
	public Optional<SlackApp> slackApp(String connectionId) {
		return slackApps().stream().filter(app -> app.connectionId().equals(connectionId)).findFirst();
	}

	/** Opens a modal for the user who just interacted (Slack's views.open, within 3 s of the trigger). */
	public void openSlackView(String connectionId, String triggerId, Map<String, Object> view) throws ChatCallFailed {
		callSlack(connectionId, "views.open", Map.of("trigger_id", triggerId, "view", view));
	}

	/** A message only this user sees, in the app's channel (chat.postEphemeral). Plain text: nothing in it links. */
	public void postSlackEphemeral(String connectionId, String slackChannel, String slackUser, String text)
			throws ChatCallFailed {
		callSlack(connectionId, "chat.postEphemeral", Map.of("channel", slackChannel, "user", slackUser, "text",
				SlackSender.escape(text)));
	}

	private void callSlack(String connectionId, String method, Map<String, Object> body) throws ChatCallFailed {
		NotificationChannel channel = channels.find(connectionId)
			.filter(found -> found.kind() == ChannelKind.SLACK_APP)
			.orElseThrow(() -> new ChatCallFailed("channel removed"));
		try {
			slack.call(channel.botToken(), method, body);
		}
		catch (DeliveryFailed failed) {
			failures.record(channel, null, DeliveryStore.Purpose.INTERACTION, failed.reason());
			throw new ChatCallFailed(failed.getMessage());
		}
	}

	/**
	 * A Slack app connected to a squad: its channel there and the signing secret that proves a request came from
	 * Slack for this app.
	 */
	public record SlackApp(String connectionId, String squadId, String slackChannel, String signingSecret) {

		@Override
		public String toString() {
			return "SlackApp[" + connectionId + "]";
		}

	}

	/** A call to a chat's API that did not succeed; the message is safe to log (no token, no text). */
	public static final class ChatCallFailed extends Exception {

		ChatCallFailed(String reason) {
			super(reason);
		}

	}

}
