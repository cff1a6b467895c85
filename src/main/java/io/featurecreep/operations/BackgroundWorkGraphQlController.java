package io.featurecreep.operations;

import java.security.Principal;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.events.BackgroundWork;
import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;

/** GraphQL {@code outbox}: the background work's state, for organisation admins only. */
@Controller
class BackgroundWorkGraphQlController {

	private final BackgroundWork work;

	private final Accounts accounts;

	BackgroundWorkGraphQlController(BackgroundWork work, Accounts accounts) {
		this.work = work;
		this.accounts = accounts;
	}

	@QueryMapping
	BackgroundWork.Status outbox(Principal principal) {
		if (!accounts.isOrganisationAdmin(Callers.id(principal))) {
			throw DomainException.forbidden("Only organisation admins can see background work");
		}
		return work.status();
	}

}
