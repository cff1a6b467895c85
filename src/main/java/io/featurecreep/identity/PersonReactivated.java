package io.featurecreep.identity;

/** An admin reactivated a deactivated person: they may sign in again. */
public record PersonReactivated(String personId) {
}
