package io.featurecreep.squads;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.featurecreep.identity.PersonErased;

/**
 * An erased person leaves every squad, in the transaction that erases them: their memberships go with their
 * personal data, or neither does. A squad whose only owner they were gets its longest-standing member as owner, so
 * no squad is left without someone to manage it.
 */
@Component
class ErasedPeopleLeaveSquads {

	private final SquadStore store;

	ErasedPeopleLeaveSquads(SquadStore store) {
		this.store = store;
	}

	@EventListener
	void on(PersonErased erased) {
		String personId = erased.personId();
		for (Squad squad : store.findByMember(personId)) {
			store.lock(squad.id());
			boolean wasOwner = store.membership(squad.id(), personId).map(Membership::isOwner).orElse(false);
			store.removeMember(squad.id(), personId);
			if (wasOwner && store.countOwners(squad.id()) == 0) {
				List<Membership> remaining = store.members(squad.id());
				if (!remaining.isEmpty()) {
					store.changeRole(squad.id(), remaining.get(0).personId(), SquadRole.OWNER);
				}
			}
		}
	}

}
