package io.featurecreep.identity;

/**
 * Whether one person may see another's profile. Identity does not know squads, so the squads module
 * answers this (people who share a squad see each other).
 */
public interface PersonVisibility {

	boolean canSee(String viewerId, String personId);

}
