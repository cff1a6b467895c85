/**
 * Voting from chat: the interactions Slack and Discord send when members use a connected application (verified by
 * their signatures before anything else), the link between a chat user and a person, and the votes cast through
 * the health check's own checks.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "healthcheck", "identity", "notifications", "shared", "squads" })
package io.featurecreep.chat;
