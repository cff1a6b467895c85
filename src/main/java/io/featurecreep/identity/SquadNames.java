package io.featurecreep.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The squads people belong to, by name, for the admins' list of people. Identity does not know squads, so the squads
 * module answers this.
 */
public interface SquadNames {

	/** Each given person's squads, by name; people without squads may be left out. */
	Map<String, List<String>> ofPeople(Collection<String> personIds);

}
