package io.featurecreep.events;

import java.security.Principal;
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

	OutboxGraphQlController(OutboxStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@QueryMapping
	OutboxStatus outbox(Principal principal) {
		if (!accounts.isOrganisationAdmin(Callers.id(principal))) {
			throw DomainException.forbidden("Only organisation admins can see background work");
		}
		return new OutboxStatus(store.countByStatus("PENDING"), store.countByStatus("RELAYED"),
				store.countByStatus("DONE"), store.countByStatus("DEAD"), store.dead(50));
	}

	record OutboxStatus(int pending, int relayed, int done, int dead, List<DeadWork> deadWork) {
	}

}
