/**
 * Reliable reactions to domain events: a transactional outbox, workers that run durable handlers until they
 * succeed (retried with backoff, parked as dead after too many failures), and the transports that carry
 * events between nodes: the database itself by default, Redis Streams when Redis is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events",
		allowedDependencies = { "shared" })
package io.featurecreep.events;
