package io.featurecreep.notifications;

import static io.featurecreep.shared.SqlTimes.utc;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which sessions' reminders went out, with how many were reminded of how many: never whom. */
@Repository
class RemindersSent {

	private final JdbcClient jdbc;

	RemindersSent(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Notes that the session's reminder goes out now; false if it went out before (the note is then unchanged). */
	boolean noteSent(String sessionId, int members, int yetToVote, Instant now) {
		return jdbc.sql("""
				insert into session_reminder_sent (session_id, members, yet_to_vote, sent_at)
				select :session, :members, :yet, :now
				where not exists (select 1 from session_reminder_sent where session_id = :session)""")
			.param("session", sessionId)
			.param("members", members)
			.param("yet", yetToVote)
			.param("now", utc(now))
			.update() == 1;
	}

}
