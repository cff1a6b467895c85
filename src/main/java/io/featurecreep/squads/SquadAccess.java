package io.featurecreep.squads;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.PersonVisibility;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The one place that decides who may see and change a squad. Other modules ask here before they touch
 * squad data. A squad the caller may not see is reported exactly like an unknown one, with the message
 * the caller's operation uses for unknown ids, so ids of other squads cannot be probed.
 */
@Service
@Transactional(readOnly = true)
public class SquadAccess implements PersonVisibility {

	private final SquadStore store;

	private final Clock clock;

	SquadAccess(SquadStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public Optional<Squad> find(String squadId) {
		return store.find(squadId);
	}

	/** One query: no transaction of its own (a commit more on every vote), but it joins the caller's. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Membership> membership(String squadId, String personId) {
		return store.membership(squadId, personId);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean isMember(String squadId, String personId) {
		return store.membership(squadId, personId).isPresent();
	}

	/**
	 * {@link #isMember} as a condition inside another module's SQL statement, for a write that must check membership
	 * in the same round trip (healthcheck's one-statement vote), so that what makes someone a member stays written in
	 * this module, which owns the table. {@code squadIdColumn} and {@code personIdColumn} are columns of that
	 * statement (the person's may be a named parameter, {@code :name}): both are the caller's constants, never user
	 * input.
	 */
	public static String isMemberCondition(String squadIdColumn, String personIdColumn) {
		return "exists (select 1 from squad_member where squad_member.squad_id = " + squadIdColumn
				+ " and squad_member.person_id = " + personIdColumn + ")";
	}

	/** The squad, if the person is one of its members; otherwise the given "unknown" error. */
	public Squad requireMember(String squadId, String personId, DomainException unknown) {
		Squad squad = store.find(squadId).orElseThrow(() -> unknown);
		if (store.membership(squadId, personId).isEmpty()) {
			throw unknown;
		}
		return squad;
	}

	/** The person's membership, for what only members may see of a squad that is otherwise visible (an open one). */
	public Membership requireMemberToSee(String squadId, String personId) {
		return store.membership(squadId, personId)
			.orElseThrow(() -> DomainException.forbidden("Only members of this squad can see this"));
	}

	/**
	 * The squad, if the person owns it; members who are not owners get a FORBIDDEN error, whose words are the message
	 * {@code refusalKey} ({@code squad.ownersOnly.*}: "Only squad owners can …").
	 */
	public Squad requireOwner(String squadId, String personId, DomainException unknown, String refusalKey) {
		Squad squad = requireMember(squadId, personId, unknown);
		if (!store.membership(squadId, personId).orElseThrow().isOwner()) {
			throw DomainException.of(ErrorCode.FORBIDDEN, refusalKey);
		}
		return squad;
	}

	public List<Membership> members(String squadId) {
		return store.members(squadId);
	}

	public List<Squad> squadsOf(String personId) {
		return store.findByMember(personId);
	}

	/** The invite behind a link, whatever its state; everyone who holds the token may look at it. */
	public Optional<Invite> invite(String token) {
		return store.findInvite(token);
	}

	/** A squad's invites that can still be used, newest first. Owners only. */
	public List<Invite> validInvites(String squadId, String callerId) {
		requireOwner(squadId, callerId, DomainException.notFound("Squad not found"), "squad.ownersOnly.seeInvites");
		return store.invites(squadId).stream().filter(invite -> invite.isValidAt(clock.instant())).toList();
	}

	/** Every squad of an organisation, by name. */
	public List<Squad> squadsOfOrganisation(String organisationId) {
		return store.findByOrganisation(organisationId);
	}

	/** Open = joinable through the original API by anyone who has the squad's id. */
	public boolean isOpen(String squadId) {
		return store.isOpen(squadId, clock.instant());
	}

	@Override
	public boolean canSee(String viewerId, String personId) {
		return viewerId.equals(personId) || store.shareASquad(viewerId, personId);
	}

}
