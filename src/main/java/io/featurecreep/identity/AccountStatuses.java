package io.featurecreep.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.AsyncCache;

import io.featurecreep.shared.Caches;

/**
 * Whether a signed-in person is still active, asked on every request. Remembered for a second: a live page fetches
 * several parts at once after each change, and one query serves them all. The node where an admin deactivates
 * someone forgets at once (after the commit); the others within {@link #REMEMBERED}, which is what lets a check on
 * every request work on any number of nodes without telling each of them.
 * <p>
 * The status is read by the first request that misses it, outside any lock: the others asking for that person
 * meanwhile wait for its answer. (A cache that loads inside its map's lock made every request that hashed to the
 * same bin wait for the database: under load JFR counted some 1,500 waits of 10 ms or more in a 110 s recording.)
 */
@Component
class AccountStatuses {

	static final Duration REMEMBERED = Duration.ofSeconds(1);

	/** An entry's time starts when its status has been read; one that failed to be read is dropped. */
	private final AsyncCache<String, Optional<PersonStatus>> statuses = Caches.keptOnTheCallersThread()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(100_000)
		.buildAsync();

	private final JdbcClient jdbc;

	AccountStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** False for a deactivated or erased person; an id that names nobody is not refused here. */
	boolean mayUse(String personId) {
		return status(personId).map(status -> status == PersonStatus.ACTIVE).orElse(true);
	}

	private Optional<PersonStatus> status(String personId) {
		CompletableFuture<Optional<PersonStatus>> known = statuses.getIfPresent(personId);
		CompletableFuture<Optional<PersonStatus>> reading = null;
		if (known == null) {
			reading = new CompletableFuture<>();
			known = statuses.asMap().putIfAbsent(personId, reading);
		}
		if (known != null) {
			try {
				return known.join();
			}
			catch (CompletionException failed) {
				// the reader's own error (the database's), as the reader got it
				throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
			}
		}
		try {
			Optional<PersonStatus> status = load(personId);
			reading.complete(status);
			return status;
		}
		catch (RuntimeException | Error failed) {
			// never left unfinished: whoever waits for it would wait for ever
			reading.completeExceptionally(failed);
			throw failed;
		}
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
		statuses.synchronous().invalidate(deactivated.personId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonReactivated reactivated) {
		statuses.synchronous().invalidate(reactivated.personId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PersonErased erased) {
		statuses.synchronous().invalidate(erased.personId());
	}

}
