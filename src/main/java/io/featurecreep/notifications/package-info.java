/**
 * Telling squads what happened where they are: channels (Discord, Slack, Teams, webhooks, e-mail), session reports and
 * reminders planned from domain events, their deliveries with retries, and the delivery log owners see.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "events", "healthcheck", "identity", "insights", "library", "shared", "squads" })
package io.featurecreep.notifications;
