package io.featurecreep.squads;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Inputs;

/** Who is in a squad over GraphQL: invites (made, previewed, revoked, used), members added and removed, roles. */
@Controller
class SquadMembershipGraphQlController {

	private final SquadAccess access;

	private final SquadManagement management;

	private final SquadStore store;

	private final Clock clock;

	SquadMembershipGraphQlController(SquadAccess access, SquadManagement management, SquadStore store, Clock clock) {
		this.access = access;
		this.management = management;
		this.store = store;
		this.clock = clock;
	}

	@QueryMapping
	InvitePreview invite(@Argument String token, Principal principal) {
		String callerId = Callers.id(principal);
		Invite invite = store.findInvite(token).orElseThrow(() -> DomainException.notFound("Invite not found"));
		Squad squad = store.find(invite.squadId()).orElseThrow();
		return new InvitePreview(squad.id(), squad.name(), invite.expiresAt().toString(),
				invite.isValidAt(clock.instant()), access.isMember(squad.id(), callerId));
	}

	@SchemaMapping(typeName = "Squad")
	List<InviteView> invites(Squad squad, Principal principal) {
		access.requireOwner(squad.id(), Callers.id(principal), DomainException.notFound("Squad not found"),
				"squad.ownersOnly.seeInvites");
		return store.invites(squad.id()).stream().map(this::view).toList();
	}

	@MutationMapping
	Squad addMemberToSquad(@Argument MemberInput input, Principal principal) {
		MemberInput given = Inputs.required(input);
		return management.addMember(Callers.id(principal), given.squadId(), given.personId());
	}

	@MutationMapping
	Squad removeMemberFromSquad(@Argument MemberInput input, Principal principal) {
		MemberInput given = Inputs.required(input);
		return management.removeMember(Callers.id(principal), given.squadId(), given.personId());
	}

	@MutationMapping
	InviteView createInvite(@Argument CreateInviteInput input, Principal principal) {
		Integer minutes = input.validForMinutes();
		Duration validFor = minutes == null ? Duration.ofDays(7) : Duration.ofMinutes(minutes);
		return view(management.createInvite(Callers.id(principal), input.squadId(), validFor));
	}

	@MutationMapping
	InviteView revokeInvite(@Argument String token, Principal principal) {
		return view(management.revokeInvite(Callers.id(principal), token));
	}

	@MutationMapping
	Squad joinSquad(@Argument String token, Principal principal) {
		return management.join(Callers.id(principal), token);
	}

	@MutationMapping
	Squad changeMemberRole(@Argument ChangeMemberRoleInput input, Principal principal) {
		return management.changeRole(Callers.id(principal), input.squadId(), input.personId(), input.role());
	}


	private InviteView view(Invite invite) {
		return new InviteView(invite.token(), "/join/" + invite.token(), invite.squadId(),
				invite.createdAt().toString(), invite.expiresAt().toString(), invite.revokedAt() != null,
				invite.isValidAt(clock.instant()));
	}


	record InviteView(String token, String path, String squadId, String createdAt, String expiresAt,
			boolean revoked, boolean valid) {
	}

	record InvitePreview(String squadId, String squadName, String expiresAt, boolean valid,
			boolean alreadyMember) {
	}

	/** The original's {@code AddMemberType} and {@code RemoveMemberType}. */
	record MemberInput(String squadId, String personId) {
	}

	record CreateInviteInput(String squadId, Integer validForMinutes) {
	}

	record ChangeMemberRoleInput(String squadId, String personId, SquadRole role) {
	}

}
