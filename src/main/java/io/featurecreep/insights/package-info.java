/**
 * What votes turn into over time: the squads' results history (kept here, copied from healthcheck when a session's
 * results are recorded), a squad's history (indicators × sessions), the organisation matrix (squads × indicators),
 * with honest numbers (every aggregate with its count; none from too few anonymous votes), and exports of both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
		allowedDependencies = { "events", "healthcheck", "identity", "library", "shared", "squads" })
package io.featurecreep.insights;
