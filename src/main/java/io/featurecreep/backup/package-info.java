/**
 * Backup, restore and moving an installation to another database: the whole installation as one portable,
 * versioned file (a zip of JSON: a manifest, then one entry per table), written and read as a stream, the same
 * whether it came from H2 or PostgreSQL. Runs from the command line ({@code java -jar feature-creep.jar export
 * FILE} / {@code import FILE}) and from the admin pages.
 *
 * <p>The one module that writes every table: an import copies rows, not domain objects, and only into an
 * installation that holds nothing yet, so no other module's rules can be bypassed on data that already exists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup",
		allowedDependencies = { "healthcheck", "identity", "library", "shared" })
package io.featurecreep.backup;
