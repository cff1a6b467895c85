package io.featurecreep.backup;

import java.util.List;

/**
 * The first entry of a backup, {@value #ENTRY}: what made the file and what it holds, read before anything is
 * imported. {@code database} and {@code createdAt} say where and when it was made; everything else, and every table
 * entry, is the same for the same data on H2 and PostgreSQL.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion the layout of the file; an importer refuses a newer one than it knows
 * @param appVersion the application version that wrote it
 * @param schemaVersion the Flyway version of the database it came from
 * @param createdAt when, in UTC, ISO-8601
 * @param database the database product it came from (H2, PostgreSQL)
 * @param anonymityKeyFingerprint {@code AnonymityKey.fingerprint()} of the installation it came from
 * @param tables each table's entry, in the order the entries follow (parents before children)
 */
record Manifest(String format, int formatVersion, String appVersion, String schemaVersion, String createdAt,
		String database, String anonymityKeyFingerprint, List<TableEntry> tables) {

	static final String FORMAT = "feature-creep-backup";

	static final int FORMAT_VERSION = 1;

	static final String ENTRY = "manifest.json";

	/** A table: its entry in the zip, its columns in order (name and type), its number of rows. */
	record TableEntry(String name, String entry, List<ColumnEntry> columns, long rows) {

		static String entryName(String table) {
			return "tables/" + table + ".json";
		}

	}

	record ColumnEntry(String name, String type) {
	}

}
