package io.featurecreep.library;

/**
 * A library entry was added or used once more. Published inside the transaction that changed it; the search
 * index follows once that commits. Carries only the id, so any node can pass it on and each reads the entry
 * from the database itself.
 */
public record LibraryQuestionChanged(String id) {

}
