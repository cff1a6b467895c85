/**
 * Squads and who belongs to them: creating a squad, members and owners, invite links, and the squad page, which the
 * other modules fill with their own parts (sessions, questions, channels).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "shared" })
package io.featurecreep.squads;
