package io.featurecreep.squads;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Language;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;

/** The use cases that change squads: create, settings, invites, joining, members and roles. */
@Service
@Transactional
public class SquadManagement {

	/** How long the original {@code setSquadOpen} keeps a squad joinable. */
	static final Duration LEGACY_OPEN_WINDOW = Duration.ofMinutes(30);

	static final Duration LONGEST_INVITE = Duration.ofDays(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SquadStore store;

	private final SquadAccess access;

	private final People people;

	private final Clock clock;

	SquadManagement(SquadStore store, SquadAccess access, People people, Clock clock) {
		this.store = store;
		this.access = access;
		this.people = people;
		this.clock = clock;
	}

	/** Creates a squad with the caller as its owner and only member. */
	public Squad create(String callerId, String name, boolean anonymous) {
		Person caller = people.findById(callerId).orElseThrow();
		Squad squad = new Squad(Ids.newId(), caller.organisationId(), squadName(name), anonymous, clock.instant(), null);
		store.insert(squad);
		store.addMember(squad.id(), callerId, SquadRole.OWNER, clock.instant());
		return squad;
	}

	/**
	 * Renames a squad, switches its anonymity (applies to sessions started afterwards) or chooses the language of its
	 * channel messages (a tag of {@link Language}). What is null stays as it is.
	 */
	public Squad update(String callerId, String squadId, String name, Boolean anonymous, String reportLocale) {
		Squad squad = requireOwner(squadId, callerId, "squad.ownersOnly.changeSettings");
		String newName = name == null ? squad.name() : squadName(name);
		boolean newAnonymous = anonymous == null ? squad.anonymous() : anonymous;
		String newReportLocale = reportLocale == null ? squad.reportLocale() : reportLanguage(reportLocale);
		store.update(squadId, newName, newAnonymous, newReportLocale);
		return store.find(squadId).orElseThrow();
	}

	/** The original {@code setSquadOpen}: joinable for (at least) the next 30 minutes. */
	public Squad open(String callerId, String squadId) {
		Squad squad = access.requireOwner(squadId, callerId, DomainException.badInput("Invalid squad ID"), "squad.ownersOnly.inviteMembers");
		Instant now = clock.instant();
		Instant until = now.plus(LEGACY_OPEN_WINDOW);
		Optional<Invite> latest = store.invites(squadId)
			.stream()
			.filter(invite -> invite.opensSquad() && invite.isValidAt(now))
			.max(Comparator.comparing(Invite::expiresAt));
		if (latest.isEmpty()) {
			store.insertInvite(new Invite(newToken(), squadId, true, callerId, now, until, null));
		}
		else if (latest.get().expiresAt().isBefore(until)) {
			store.extendInvite(latest.get().token(), until);
		}
		return squad;
	}

	/** A new invite link, valid for the given time (at most 30 days). */
	public Invite createInvite(String callerId, String squadId, Duration validFor) {
		requireOwner(squadId, callerId, "squad.ownersOnly.inviteMembers");
		if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(LONGEST_INVITE) > 0) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.invites.validFor.outOfRange");
		}
		Instant now = clock.instant();
		Invite invite = new Invite(newToken(), squadId, false, callerId, now, now.plus(validFor), null);
		store.insertInvite(invite);
		return invite;
	}

	public Invite revokeInvite(String callerId, String token) {
		Invite invite = store.findInvite(token).orElseThrow(() -> DomainException.notFound("Invite not found"));
		access.requireOwner(invite.squadId(), callerId, DomainException.notFound("Invite not found"), "squad.ownersOnly.revokeInvites");
		store.revokeInvite(token, clock.instant());
		return store.findInvite(token).orElseThrow();
	}

	/** Joins the squad of a valid invite; joining twice changes nothing. */
	public Squad join(String callerId, String token) {
		Invite invite = store.findInvite(token).orElseThrow(() -> DomainException.notFound("Invite not found"));
		if (!invite.isValidAt(clock.instant())) {
			throw new DomainException(ErrorCode.FORBIDDEN, "This invite link has expired or was revoked");
		}
		store.lock(invite.squadId());
		if (store.membership(invite.squadId(), callerId).isEmpty()) {
			store.addMember(invite.squadId(), callerId, SquadRole.MEMBER, clock.instant());
		}
		return store.find(invite.squadId()).orElseThrow();
	}

	/**
	 * The original {@code addMemberToSquad}, with its checks in its order. People add themselves while the
	 * squad is open; only owners add someone else (from their organisation), and also only while it is open.
	 * A squad that is not open is hidden from people outside it, so to them it does not exist, before any
	 * other check: a different answer would tell whether an id belongs to a squad.
	 */
	public Squad addMember(String callerId, String squadId, String personId) {
		DomainException unknown = DomainException.badInput("Squad does not exist");
		Squad squad = store.find(squadId).orElseThrow(() -> unknown);
		boolean open = store.isOpen(squadId, clock.instant());
		if (!open && store.membership(squadId, callerId).isEmpty()) {
			throw unknown;
		}
		Person person = people.findById(personId).orElseThrow(() -> DomainException.badInput("Person does not exist"));
		if (!open) {
			throw new DomainException(ErrorCode.UNAUTHENTICATED, "Cannot add a person to a squad that is not open");
		}
		if (!personId.equals(callerId)) {
			boolean callerOwns = store.membership(squadId, callerId).map(Membership::isOwner).orElse(false);
			if (!callerOwns) {
				throw DomainException.forbidden("Only squad owners can add other people");
			}
			if (!person.organisationId().equals(squad.organisationId())) {
				throw DomainException.badInput("Person does not exist");
			}
		}
		store.lock(squadId);
		if (store.membership(squadId, personId).isEmpty()) {
			store.addMember(squadId, personId, SquadRole.MEMBER, clock.instant());
		}
		return squad;
	}

	/**
	 * The original {@code removeMemberFromSquad}. Anyone may leave; only owners remove others. The last owner
	 * cannot leave while others remain, so a squad is never left without someone to manage it.
	 */
	public Squad removeMember(String callerId, String squadId, String personId) {
		DomainException unknown = DomainException.badInput("Squad does not exist");
		Squad squad = store.find(squadId).orElseThrow(() -> unknown);
		Membership callerMembership = store.membership(squadId, callerId).orElseThrow(() -> unknown);
		if (!people.exists(personId)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.members.personUnknown");
		}
		if (!personId.equals(callerId) && !callerMembership.isOwner()) {
			throw DomainException.forbidden("Only squad owners can remove other members");
		}
		store.lock(squadId);
		Optional<Membership> removed = store.membership(squadId, personId);
		if (removed.isEmpty()) {
			return squad;
		}
		List<Membership> members = store.members(squadId);
		if (removed.get().isOwner() && store.countOwners(squadId) == 1 && members.size() > 1) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.members.lastOwner");
		}
		store.removeMember(squadId, personId);
		return squad;
	}

	public Squad changeRole(String callerId, String squadId, String personId, SquadRole role) {
		Squad squad = requireOwner(squadId, callerId, "squad.ownersOnly.changeRoles");
		store.lock(squadId);
		Membership target = store.membership(squadId, personId)
			.orElseThrow(() -> DomainException.notFound("That person is not a member of this squad"));
		if (target.isOwner() && role != SquadRole.OWNER && store.countOwners(squadId) == 1) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.members.oneOwner");
		}
		store.changeRole(squadId, personId, role);
		return squad;
	}

	/**
	 * A squad name checked as every name is; a missing one, the refusal a form sees most, with words the pages can
	 * show in their reader's language (the same English words as the check's).
	 */
	private static String squadName(String name) {
		if (name == null || name.isBlank()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.name.missing");
		}
		return TextLimits.required(name, "Squad name", 200);
	}

	private static String reportLanguage(String tag) {
		String language = tag.strip().toLowerCase(Locale.ROOT);
		if (Language.ofTag(language).isEmpty()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "squads.settings.reportLocale.unknown", tag);
		}
		return language;
	}

	private Squad requireOwner(String squadId, String callerId, String whatOwnersDo) {
		return access.requireOwner(squadId, callerId, DomainException.notFound("Squad not found"), whatOwnersDo);
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
