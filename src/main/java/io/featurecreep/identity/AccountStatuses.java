package io.featurecreep.identity;

import java.time.Duration;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whether a signed-in person is still active, asked on every request. Remembered for a second: a live page fetches
 * several parts at once after each change, and one query serves them all. The node where an admin deactivates
 * someone forgets at once (after the commit); the others within {@link #REMEMBERED}, which is what lets a check on
 * every request work on any number of nodes without telling each of them.
 */
@Component
class AccountStatuses {

	static final Duration REMEMBERED = Duration.ofSeconds(1);

	private final Cache<String, Optional<PersonStatus>> statuses = Caffeine.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(100_000)
		.build();

	private final JdbcClient jdbc;

	AccountStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False for a deactivated or erased person; an id that names nobody is not refused here. */
	boolean mayUse(String personId) {
		return statuses.get(personId, this::load).map(status -> status == PersonStatus.ACTIVE).orElse(true);
	}

	private Optional<PersonStatus> load(String personId) {
		return jdbc.sql("select status from person where id = ?")
			.param(personId)
			.query(String.class)
			.optional()
			.map(PersonStatus::valueOf);
	}

	/** First of the reactions to the commit, so that what they set off (streams ending) finds the status forgotten. */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonDeactivated deactivated) {
		statuses.invalidate(deactivated.personId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonReactivated reactivated) {
		statuses.invalidate(reactivated.personId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonErased erased) {
		statuses.invalidate(erased.personId());
	}

}
