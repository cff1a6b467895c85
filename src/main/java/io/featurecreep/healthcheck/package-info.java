/**
 * The health check itself: sessions (live and async), questions, votes, the anonymity rules that decide what anyone
 * may see of them, the live pages and their event streams, and the results recorded when a session ends.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "events", "identity", "library", "shared", "squads" })
package io.featurecreep.healthcheck;
