package io.featurecreep.events;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.events.OutboxStore.DeadWork;
import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;

/** For operators (organisation admins): how much background work waits, and what was given up on and why. */
@Controller
class OutboxGraphQlController {

	private final OutboxStore store;

	private final Accounts accounts;

	private final Clock clock;

	OutboxGraphQlController(OutboxStore store, Accounts accounts, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.clock = clock;
	}

	@QueryMapping
	OutboxStatus outbox(Principal principal) {
		if (!accounts.isOrganisationAdmin(Callers.id(principal))) {
			throw DomainException.forbidden("Only organisation admins can see background work");
		}
		Instant now = clock.instant();
		return new OutboxStatus(store.countPending(now, true), store.countPending(now, false),
				store.countByStatus("RELAYED"), store.countByStatus("DONE"), store.countByStatus("DEAD"), store.dead(50));
	}

	record OutboxStatus(int pending, int scheduled, int relayed, int done, int dead, List<DeadWork> deadWork) {
	}

}
