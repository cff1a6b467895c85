package io.featurecreep.library;

import java.util.List;

/** A page of library questions: the ones from {@code offset} on, and whether more follow. */
public record LibraryPage(List<LibraryQuestion> questions, int offset, boolean hasMore) {

}
