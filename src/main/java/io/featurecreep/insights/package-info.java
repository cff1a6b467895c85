/**
 * What votes turn into over time: a squad's history (indicators × sessions), the organisation matrix (squads ×
 * indicators), with honest numbers (every aggregate with its count; none from too few anonymous votes), and
 * exports of both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
		allowedDependencies = { "healthcheck", "identity", "library", "shared", "squads" })
package io.featurecreep.insights;
