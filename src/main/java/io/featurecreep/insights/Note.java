package io.featurecreep.insights;

import java.time.Instant;

/** Something said about a session or one of its questions. */
record Note(String id, String sessionId, String questionId, String authorId, String body, Instant createdAt) {
}
