/**
 * The question library: the default indicators, the Spotify deck and each organisation's own questions, with search
 * as you type (a Lucene index kept in step with the table).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "events", "identity", "shared" })
package io.featurecreep.library;
