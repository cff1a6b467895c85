package io.featurecreep.squads;

import java.util.List;
import java.util.Optional;

/**
 * Lets the modules that build on squads (sessions, notifications) add their parts to the squad's page and
 * to its line on the workspace, without squads depending on them.
 */
public interface SquadPageContributor {

	/** Parts of the squad page, as the given member sees them. */
	List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer);

	/** Parts of the workspace above the person's squads (say, a link to the organisation matrix). */
	default List<SquadPagePart> workspace(String viewerId) {
		return List.of();
	}

	/** What the squad's line on the workspace shows besides its name (say, its running session). */
	default Optional<SquadPagePart> workspaceLine(String viewerId, Squad squad) {
		return Optional.empty();
	}

}
