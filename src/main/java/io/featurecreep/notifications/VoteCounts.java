package io.featurecreep.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.featurecreep.healthcheck.SessionChanged;
import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.healthcheck.VotingProgress;
import io.featurecreep.healthcheck.VotingProgress.Progress;
import io.featurecreep.notifications.ChannelSender.DeliveryFailed;
import io.featurecreep.notifications.VoteMessages.VoteMessage;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * Keeps the "n of m members have voted" of each vote invitation in the chats current: after a vote (from the pages,
 * the API or a chat) the invitation is edited with the new count, never with a name or a result; once the session is
 * over, it says so and loses its button. Best effort, after the commit and off the request's thread: a missed edit
 * is corrected by the next one, and a vote never waits on a chat. A failed edit shows in the delivery log
 * ({@link ChatCallFailures}).
 */
@Component
class VoteCounts implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(VoteCounts.class);

	private final VoteMessages messages;

	private final ChannelStore channels;

	private final VotingProgress voting;

	private final SquadAccess squads;

	private final VoteInvites invites;

	private final SlackAppSender slack;

	private final DiscordAppSender discord;

	private final ChatCallFailures failures;

	/**
	 * A session's invitations are edited at most once at a time and about once a second, whatever the rate of votes:
	 * each edit reads the count when it starts, so edits running side by side could land out of order and leave an old
	 * count standing; and a chat's API would refuse a burst.
	 */
	private final LatestOnly edits = new LatestOnly(Duration.ofSeconds(1), this::refreshQuietly);

	VoteCounts(VoteMessages messages, ChannelStore channels, VotingProgress voting, SquadAccess squads,
			VoteInvites invites, SlackAppSender slack, DiscordAppSender discord, ChatCallFailures failures) {
		this.messages = messages;
		this.channels = channels;
		this.voting = voting;
		this.squads = squads;
		this.invites = invites;
		this.slack = slack;
		this.discord = discord;
		this.failures = failures;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SessionChanged changed) {
		if (changed.change() == Change.VOTE_CAST || changed.change() == Change.SESSION_ENDED
				|| changed.change() == Change.ACTIVE_QUESTION_CHANGED) {
			edits.ask(changed.sessionId());
		}
	}

	private void refreshQuietly(String sessionId) {
		try {
			refresh(sessionId);
		}
		catch (RuntimeException failed) {
			// best effort: the next change edits the message again
			log.warn("Could not edit the vote invitations of session {}", sessionId, failed);
		}
	}

	/** Edits every invitation of the session to how things stand now. */
	void refresh(String sessionId) {
		List<VoteMessage> posted = messages.ofSession(sessionId);
		if (posted.isEmpty()) {
			return;
		}
		Optional<Progress> progress = voting.onCurrentQuestions(sessionId);
		for (VoteMessage message : posted) {
			channels.find(message.channelId()).ifPresent(channel -> edit(channel, message, progress));
		}
	}

	private void edit(NotificationChannel channel, VoteMessage message, Optional<Progress> progress) {
		Optional<Squad> squad = squads.find(channel.squadId());
		String squadName = squad.map(Squad::name).orElse("");
		Locale language = squad.map(Squad::reportLanguage).orElse(Locale.ENGLISH);
		Map<String, Object> content = progress
			.map(running -> slack.invitePayload(invites.of(squadName, running, language)))
			.orElseGet(() -> Map.of("text", SlackSender.escape(invites.over(squadName, language)), "blocks", List.of()));
		try {
			if (channel.kind() == ChannelKind.SLACK_APP) {
				slack.update(channel, message, content);
			}
			else if (channel.kind() == ChannelKind.DISCORD_APP) {
				discord.update(channel, message, progress
					.map(running -> discord.invitePayload(invites.of(squadName, running, language)))
					.orElseGet(() -> discord.overPayload(invites.over(squadName, language))));
			}
		}
		catch (DeliveryFailed failed) {
			log.info("Could not edit the vote invitation of session {} in {}: {}", message.sessionId(), channel,
					failed.getMessage());
			failures.record(channel, message.sessionId(), DeliveryStore.Purpose.VOTE_COUNT, failed.reason());
		}
	}

	@Override
	public void destroy() {
		edits.close();
	}

}
