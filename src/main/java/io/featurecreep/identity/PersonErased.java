package io.featurecreep.identity;

/**
 * An admin erased a person: their personal data is gone, and what other modules keep of them should go too
 * (memberships). Published inside the erasing transaction, so a listener that runs synchronously erases with it or
 * not at all. What they voted and wrote stays, shown as a former member's.
 */
public record PersonErased(String personId) {
}
