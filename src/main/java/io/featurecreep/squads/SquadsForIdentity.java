package io.featurecreep.squads;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.SquadInvites;
import io.featurecreep.identity.SquadNames;

/**
 * What identity asks about squads without depending on them: whether a squad invite may bring a new person in (the
 * sign-up policy), and which squads people belong to (the admins' list of people).
 */
@Component
class SquadsForIdentity implements SquadInvites, SquadNames {

	private static final int BATCH = 1000;

	private final SquadStore store;

	private final Clock clock;

	SquadsForIdentity(SquadStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Override
	public boolean isValid(String token) {
		return store.findInvite(token).filter(invite -> invite.isValidAt(clock.instant())).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, List<String>> ofPeople(Collection<String> personIds) {
		// in batches: databases limit the parameters of one statement, and organisations can be large
		List<String> ids = List.copyOf(personIds);
		Map<String, List<String>> names = new HashMap<>();
		for (int from = 0; from < ids.size(); from += BATCH) {
			names.putAll(store.squadNamesOf(ids.subList(from, Math.min(from + BATCH, ids.size()))));
		}
		return names;
	}

}
