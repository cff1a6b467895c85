package io.featurecreep.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.shared.Ids;

/**
 * Makes failed calls of chat interactions (a voting form not opened, a private answer not sent, a vote count not
 * edited) visible to the squad's owners in the delivery log, with the reason (a chat's error code or an HTTP status,
 * never a token or a text). A flood of failures cannot fill the log: one line per channel, purpose and reason per
 * hour, checked in memory first (so a flood costs no queries) and in the database (so two nodes log it once, give or
 * take a race).
 */
@Component
class ChatCallFailures {

	static final Duration QUIET = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(ChatCallFailures.class);

	private final DeliveryStore deliveries;

	private final Clock clock;

	private final Cache<String, Boolean> recentlyLogged = Caffeine.newBuilder()
		.expireAfterWrite(QUIET)
		.maximumSize(10_000)
		.build();

	ChatCallFailures(DeliveryStore deliveries, Clock clock) {
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/** Logs the failure unless the same one was logged for the channel within the hour; never throws. */
	void record(NotificationChannel channel, String sessionId, Purpose purpose, Phrase reason) {
		String error = reason.toString();
		if (recentlyLogged.asMap().putIfAbsent(channel.id() + " " + purpose + " " + error, Boolean.TRUE) != null) {
			return;
		}
		Instant now = clock.instant();
		try {
			deliveries.logChatCallFailure(Ids.newId(), channel.squadId(), channel.id(), sessionId, purpose, error, now,
					now.minus(QUIET));
		}
		catch (DataAccessException notLogged) {
			// the interaction's answer matters more than its log line
			log.warn("Could not log a failed chat call of {}: {}", channel, notLogged.getMessage());
		}
	}

}
