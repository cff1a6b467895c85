package io.featurecreep.identity;

/**
 * Whether a squad invite link is valid, for the sign-up policy (someone arriving through one may create an
 * account). Identity does not know squads, so the squads module answers this.
 */
public interface SquadInvites {

	boolean isValid(String token);

}
