package io.featurecreep.squads;

/** Owners manage the squad (settings, invites, members); members take part. */
public enum SquadRole {

	OWNER, MEMBER

}
