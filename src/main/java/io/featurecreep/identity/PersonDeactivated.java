package io.featurecreep.identity;

/** An admin deactivated a person: their sign-ins, tokens and open streams end; their past votes stay. */
public record PersonDeactivated(String personId) {
}
