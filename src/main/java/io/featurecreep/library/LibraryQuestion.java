package io.featurecreep.library;

/**
 * An indicator in the question library: a default one (no organisation) or one a squad of an
 * organisation added. Session questions point here, so an indicator's history survives renames.
 */
public record LibraryQuestion(String id, String organisationId, String title, String descriptionGood,
		String descriptionBad, Integer defaultPosition, long usageCount) {

	public boolean isDefault() {
		return defaultPosition != null;
	}

}
