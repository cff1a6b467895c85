package io.featurecreep.squads;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;

/**
 * Squads over GraphQL: finding them, what a squad shows, making and setting them up. Who is in them (invites, members,
 * roles): {@link SquadMembershipGraphQlController}.
 */
@Controller
class SquadGraphQlController {

	private final SquadAccess access;

	private final SquadManagement management;

	private final People people;

	SquadGraphQlController(SquadAccess access, SquadManagement management, People people) {
		this.access = access;
		this.management = management;
		this.people = people;
	}

	/** MEMBEROF (the default) and ALL both list the squads the caller belongs to: nobody sees others' squads. */
	@QueryMapping
	List<Squad> squads(@Argument GetSquadInput filter, Principal principal) {
		String callerId = Callers.id(principal);
		if (filter != null && filter.filter() == null) {
			throw DomainException.badInput("Invalid filtermode");
		}
		return access.squadsOf(callerId);
	}

	/**
	 * A squad for its members. While a squad is open, anyone signed in may also see its name and open state,
	 * because the original join page shows them before joining; the rest stays members-only.
	 */
	@QueryMapping
	Squad squad(@Argument String id, Principal principal) {
		String callerId = Callers.id(principal);
		DomainException unknown = DomainException.badInput("Invalid squad ID");
		Squad squad = access.find(id).orElseThrow(() -> unknown);
		if (!access.isMember(id, callerId) && !access.isOpen(id)) {
			throw unknown;
		}
		return squad;
	}

	@SchemaMapping(typeName = "Squad")
	List<Person> members(Squad squad, Principal principal) {
		access.requireMemberToSee(squad.id(), Callers.id(principal));
		List<String> ids = access.members(squad.id()).stream().map(Membership::personId).toList();
		return new ArrayList<>(people.findAllById(ids).values());
	}

	@SchemaMapping(typeName = "Squad")
	List<MembershipView> memberships(Squad squad, Principal principal) {
		access.requireMemberToSee(squad.id(), Callers.id(principal));
		List<Membership> memberships = access.members(squad.id());
		Map<String, Person> persons = people.findAllById(memberships.stream().map(Membership::personId).toList());
		return memberships.stream()
			.filter(m -> persons.containsKey(m.personId()))
			.map(m -> new MembershipView(persons.get(m.personId()), m.role(), m.joinedAt().toString()))
			.toList();
	}

	/** Members only, as everything of an open squad but its name and open state. */
	@SchemaMapping(typeName = "Squad")
	String reportLocale(Squad squad, Principal principal) {
		access.requireMemberToSee(squad.id(), Callers.id(principal));
		return squad.reportLocale();
	}

	@SchemaMapping(typeName = "Squad")
	Boolean open(Squad squad) {
		return access.isOpen(squad.id());
	}

	@SchemaMapping(typeName = "Squad")
	SquadRole myRole(Squad squad, Principal principal) {
		return access.membership(squad.id(), Callers.id(principal)).map(Membership::role).orElse(null);
	}

	@MutationMapping
	Squad createSquad(@Argument CreateSquadInput input, Principal principal) {
		CreateSquadInput given = Inputs.required(input);
		// the original mutation creates named squads: its clients show who answered what
		boolean anonymous = Boolean.TRUE.equals(given.anonymous());
		return management.create(Callers.id(principal), given.name(), anonymous);
	}

	@MutationMapping
	Squad updateSquad(@Argument UpdateSquadInput input, Principal principal) {
		return management.update(Callers.id(principal), input.squadId(), input.name(), input.anonymous(),
				input.reportLocale());
	}

	@MutationMapping
	Squad setSquadOpen(@Argument SetOpenStatusInput input, Principal principal) {
		return management.open(Callers.id(principal), Inputs.required(input).squadId());
	}

	record MembershipView(Person person, SquadRole role, String joinedAt) {
	}

	/** The original's {@code GetSquadInput}: which squads (MEMBEROF or ALL, both the caller's own). */
	record GetSquadInput(String filter) {
	}

	/** The original's {@code CreateSquad}; {@code anonymous} is ours and defaults to false here. */
	record CreateSquadInput(String name, Boolean anonymous) {
	}

	/** Only what is given changes. */
	record UpdateSquadInput(String squadId, String name, Boolean anonymous, String reportLocale) {
	}

	record SetOpenStatusInput(String squadId) {
	}

}
