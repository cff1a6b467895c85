/**
 * Voting from chats (Slack, Discord): the interaction endpoints the chats call (each request's signature checked on
 * its raw bytes before anything else), chat users linked once to people through a one-time link they open signed in,
 * and votes cast as those people through the health check's own voting service. Posting to the chats stays with
 * {@code notifications} ({@link io.featurecreep.notifications.ChatApps}).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "healthcheck", "identity", "notifications", "shared", "squads" })
package io.featurecreep.chat;
