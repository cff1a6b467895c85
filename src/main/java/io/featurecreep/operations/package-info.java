/**
 * What operators run the service with, beside its features: the Prometheus scrape endpoint behind its bearer token,
 * and a correlation id on every request's log lines. The metrics themselves are counted where they happen, in each
 * feature module; this module depends on none of them, except for the GraphQL {@code outbox} query, which shows
 * organisation admins ({@code identity}) the background work of {@code events}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
		allowedDependencies = { "events", "identity", "shared" })
package io.featurecreep.operations;
