package io.featurecreep.healthcheck;

import java.security.Principal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;

/** {@code discardSession} over GraphQL: a thin mapping to {@link DiscardSession}. */
@Controller
class DiscardSessionGraphQlController {

	private final DiscardSession discard;

	private final People people;

	DiscardSessionGraphQlController(DiscardSession discard, People people) {
		this.discard = discard;
		this.people = people;
	}

	@MutationMapping
	DiscardedSessionView discardSession(@Argument String sessionId, Principal principal) {
		HealthSession discarded = discard.discard(Callers.id(principal), sessionId);
		return new DiscardedSessionView(discarded.id(), discarded.squadId(), discarded.discardedAt().toString(),
				discarded.discardedBy());
	}

	@SchemaMapping(typeName = "DiscardedSession")
	Person discardedBy(DiscardedSessionView discarded) {
		return people.findById(discarded.discardedById()).orElse(null);
	}

	record DiscardedSessionView(String sessionId, String squadId, String discardedAt, String discardedById) {
	}

}
