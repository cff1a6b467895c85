package io.featurecreep.backup;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import io.featurecreep.backup.Manifest.ColumnEntry;
import io.featurecreep.backup.Manifest.TableEntry;
import io.featurecreep.backup.Schema.Column;
import io.featurecreep.backup.Schema.Table;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a backup into an installation that holds nothing yet, in one transaction: either all of it arrives, or the
 * database is left as it was. Refused, before anything changes, when the file is from a newer format or schema
 * version, was made under another anonymity key, or the database already holds data; refused, with everything
 * rolled back, when the file turns out incomplete or damaged on the way. Afterwards identity columns continue after
 * the highest imported value.
 */
@Component
class InstallationImport {

	private static final int BATCH = 500;

	/**
	 * What the migrations put into every new database, and so what an import replaces rather than refuses: the one
	 * organisation (V1) and the shared indicators (V2, V10; only migrations make shared library entries, those of
	 * squads belong to their organisation). A migration that seeds another table must add it here.
	 */
	private static final Map<String, String> SEEDED = Map.of("organisation", "1 = 1", "library_question",
			"organisation_id is null");

	/** The rows that an admin's own first account consists of, when the import comes from the admin page. */
	private static final Map<String, String> OWN_ACCOUNT = Map.of("person", "id = ?", "local_account", "person_id = ?",
			"external_identity", "person_id = ?", "organisation_admin", "person_id = ?");

	private final DataSource dataSource;

	private final InstallationFacts facts;

	InstallationImport(DataSource dataSource, InstallationFacts facts) {
		this.dataSource = dataSource;
		this.facts = facts;
	}

	/**
	 * Who may be in the target already and is replaced by the import: nobody (the command line), or the admin who
	 * imports from the admin page, with the account they signed up with on the new installation.
	 */
	record Occupant(String personId) {

		static Occupant nobody() {
			return new Occupant(null);
		}

	}

	/** What arrived: the file's manifest and the number of rows. */
	record Imported(Manifest manifest, long rows) {
	}

	Imported importFrom(InputStream in, Occupant occupant) throws IOException {
		try {
			ZipInputStream zip = new ZipInputStream(StreamUtils.nonClosing(in));
			ZipEntry first = zip.getNextEntry();
			if (first == null || !Manifest.ENTRY.equals(first.getName())) {
				throw new ImportRefused("backup.refused.notAZip", Manifest.ENTRY);
			}
			Manifest manifest = readManifest(zip);
			checkVersions(manifest);
			checkAnonymityKey(manifest);
			return intoDatabase(manifest, zip, occupant);
		}
		catch (ZipException | EOFException ex) {
			throw new ImportRefused("backup.refused.damaged", String.valueOf(ex.getMessage()));
		}
		catch (JacksonException ex) {
			// also what a zip cut short looks like from inside an entry
			throw new ImportRefused("backup.refused.notJson", String.valueOf(ex.getOriginalMessage()));
		}
	}

	private static Manifest readManifest(ZipInputStream zip) {
		Manifest manifest = InstallationExport.JSON.readValue(StreamUtils.nonClosing(zip), Manifest.class);
		if (!Manifest.FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.schemaVersion() == null) {
			throw new ImportRefused("backup.refused.notAManifest");
		}
		return manifest;
	}

	private void checkVersions(Manifest manifest) {
		if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
			throw new ImportRefused("backup.refused.newerFormat", String.valueOf(manifest.formatVersion()),
					String.valueOf(manifest.appVersion()), facts.appVersion(), String.valueOf(Manifest.FORMAT_VERSION));
		}
		if (manifest.formatVersion() < 1) {
			throw new ImportRefused("backup.refused.invalidFormat", String.valueOf(manifest.formatVersion()));
		}
		MigrationVersion theirs;
		try {
			theirs = MigrationVersion.fromVersion(manifest.schemaVersion());
		}
		catch (RuntimeException ex) {
			throw new ImportRefused("backup.refused.invalidSchema", manifest.schemaVersion());
		}
		String ours = facts.schemaVersion();
		int comparison = theirs.compareTo(MigrationVersion.fromVersion(ours));
		if (comparison > 0) {
			throw new ImportRefused("backup.refused.newerSchema", manifest.schemaVersion(),
					String.valueOf(manifest.appVersion()), ours, facts.appVersion());
		}
		if (comparison < 0) {
			throw new ImportRefused("backup.refused.olderSchema", manifest.schemaVersion(),
					String.valueOf(manifest.appVersion()), ours);
		}
	}

	private void checkAnonymityKey(Manifest manifest) {
		String ours = facts.anonymityKeyFingerprint();
		if (!ours.equals(manifest.anonymityKeyFingerprint())) {
			throw new ImportRefused("backup.refused.otherKey", shortened(manifest.anonymityKeyFingerprint()), shortened(ours));
		}
	}

	private static String shortened(String fingerprint) {
		if (fingerprint == null) {
			return "none";
		}
		return fingerprint.length() > 24 ? fingerprint.substring(0, 24) + "…" : fingerprint;
	}

	private Imported intoDatabase(Manifest manifest, ZipInputStream zip, Occupant occupant) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				Schema schema = Schema.read(connection);
				checkTables(manifest, schema);
				// others who change the organisation (first sign-ups, admin changes) wait until the import is done
				execute(connection, "select id from organisation for update");
				checkEmpty(connection, schema, occupant);
				for (Table table : schema.tables().reversed()) {
					execute(connection, "delete from " + InstallationExport.quote(table.sqlName()));
				}
				Map<String, Table> tables = schema.byName();
				long rows = 0;
				for (TableEntry entry : manifest.tables()) {
					ZipEntry next = zip.getNextEntry();
					if (next == null || !entry.entry().equals(next.getName())) {
						throw next == null ? new ImportRefused("backup.refused.endTooSoon", entry.entry())
							: new ImportRefused("backup.refused.otherEntry", entry.entry(), next.getName());
					}
					rows += insert(connection, tables.get(entry.name()), entry, zip);
				}
				ZipEntry extra = zip.getNextEntry();
				if (extra != null) {
					throw new ImportRefused("backup.refused.unlistedEntry", extra.getName());
				}
				// H2 commits at any DDL, so there the identity columns move on only after the rows are committed
				if (!schema.isH2()) {
					restartIdentities(connection, schema);
				}
				connection.commit();
				if (schema.isH2()) {
					restartIdentities(connection, schema);
				}
				return new Imported(manifest, rows);
			}
			catch (RuntimeException | IOException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new ImportRefused("backup.refused.database", String.valueOf(ex.getMessage()));
		}
	}

	/** Same tables, same columns, same types: what one schema version always has. */
	private static void checkTables(Manifest manifest, Schema schema) {
		Map<String, Table> ours = schema.byName();
		List<String> theirs = manifest.tables().stream().map(TableEntry::name).toList();
		if (!new java.util.TreeSet<>(theirs).equals(new java.util.TreeSet<>(ours.keySet()))) {
			throw new ImportRefused("backup.refused.otherTables", new java.util.TreeSet<>(theirs).toString(),
					new java.util.TreeSet<>(ours.keySet()).toString());
		}
		for (TableEntry entry : manifest.tables()) {
			List<ColumnEntry> columns = ours.get(entry.name())
				.columns()
				.stream()
				.map(column -> new ColumnEntry(column.name(), column.type().label()))
				.toList();
			if (!columns.equals(entry.columns())) {
				throw new ImportRefused("backup.refused.otherColumns", entry.name());
			}
			if (!Objects.equals(entry.entry(), TableEntry.entryName(entry.name())) || entry.rows() < 0) {
				throw new ImportRefused("backup.refused.damagedManifest", entry.name());
			}
		}
	}

	private static void checkEmpty(Connection connection, Schema schema, Occupant occupant) throws SQLException {
		List<String> occupied = new ArrayList<>();
		for (Table table : schema.tables()) {
			List<String> replaceable = new ArrayList<>();
			List<Object> parameters = new ArrayList<>();
			if (SEEDED.containsKey(table.name())) {
				replaceable.add(SEEDED.get(table.name()));
			}
			if (occupant.personId() != null && OWN_ACCOUNT.containsKey(table.name())) {
				replaceable.add(OWN_ACCOUNT.get(table.name()));
				parameters.add(occupant.personId());
			}
			String sql = "select count(*) from " + InstallationExport.quote(table.sqlName())
					+ (replaceable.isEmpty() ? "" : " where not (" + String.join(" or ", replaceable) + ")");
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.size(); i++) {
					statement.setObject(i + 1, parameters.get(i));
				}
				try (ResultSet count = statement.executeQuery()) {
					count.next();
					if (count.getLong(1) > 0) {
						occupied.add(table.name() + " (" + count.getLong(1) + ")");
					}
				}
			}
		}
		if (!occupied.isEmpty()) {
			throw occupant.personId() == null ? new ImportRefused("backup.refused.notEmpty", String.join(", ", occupied))
					: new ImportRefused("backup.refused.notNew", String.join(", ", occupied));
		}
	}

	/** Streams one table's rows into batched inserts; returns their number, checked against the manifest. */
	private static long insert(Connection connection, Table table, TableEntry entry, ZipInputStream zip)
			throws SQLException {
		List<Column> columns = table.columns();
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			indexes.put(columns.get(i).name(), i);
		}
		String sql = "insert into " + InstallationExport.quote(table.sqlName()) + " ("
				+ columns.stream().map(column -> InstallationExport.quote(column.sqlName())).collect(Collectors.joining(", "))
				+ ") values (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
		long rows = 0;
		try (JsonParser json = InstallationExport.JSON.createParser(StreamUtils.nonClosing(zip));
				PreparedStatement statement = connection.prepareStatement(sql)) {
			expect(json.nextToken() == JsonToken.START_OBJECT, entry);
			while (json.nextToken() == JsonToken.PROPERTY_NAME) {
				String property = json.currentName();
				JsonToken value = json.nextToken();
				if (!"rows".equals(property)) {
					if ("table".equals(property)) {
						expect(value == JsonToken.VALUE_STRING && entry.name().equals(json.getString()), entry);
					}
					json.skipChildren();
					continue;
				}
				expect(value == JsonToken.START_ARRAY, entry);
				while (json.nextToken() == JsonToken.START_OBJECT) {
					rows++;
					bindRow(json, statement, table, indexes, rows);
					statement.addBatch();
					if (rows % BATCH == 0) {
						executeBatch(statement, table);
					}
				}
				expect(json.currentToken() == JsonToken.END_ARRAY, entry);
			}
			expect(json.currentToken() == JsonToken.END_OBJECT && json.nextToken() == null, entry);
			executeBatch(statement, table);
		}
		if (rows != entry.rows()) {
			throw new ImportRefused("backup.refused.rowCount", String.valueOf(entry.rows()), entry.name(),
					String.valueOf(rows));
		}
		return rows;
	}

	private static void bindRow(JsonParser json, PreparedStatement statement, Table table, Map<String, Integer> indexes,
			long row) throws SQLException {
		boolean[] given = new boolean[indexes.size()];
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			ImportRefused.Cell where = new ImportRefused.Cell(row, table.name(), name);
			Integer index = indexes.get(name);
			if (index == null) {
				throw new ImportRefused("backup.refused.unknownColumn", where.with());
			}
			JsonToken value = json.nextToken();
			if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
				throw new ImportRefused("backup.refused.notSingleValue", where.with());
			}
			Column column = table.columns().get(index);
			column.type().bind(json, statement, index + 1, column.sqlType(), where);
			given[index] = true;
		}
		for (int i = 0; i < given.length; i++) {
			if (!given[i]) {
				throw new ImportRefused("backup.refused.missingColumn",
						new ImportRefused.Cell(row, table.name(), table.columns().get(i).name()).with());
			}
		}
	}

	private static void executeBatch(PreparedStatement statement, Table table) {
		try {
			statement.executeBatch();
		}
		catch (SQLException ex) {
			SQLException cause = ex.getNextException() != null ? ex.getNextException() : ex;
			throw new ImportRefused("backup.refused.rows", table.name(), String.valueOf(cause.getMessage()));
		}
	}

	private static void expect(boolean condition, TableEntry entry) {
		if (!condition) {
			throw new ImportRefused("backup.refused.notATable", entry.entry());
		}
	}

	private static void restartIdentities(Connection connection, Schema schema) throws SQLException {
		for (Table table : schema.tables()) {
			for (Column column : table.columns()) {
				if (!column.identity()) {
					continue;
				}
				long next;
				try (Statement statement = connection.createStatement();
						ResultSet max = statement.executeQuery("select coalesce(max(" + InstallationExport.quote(column.sqlName())
								+ "), 0) + 1 from " + InstallationExport.quote(table.sqlName()))) {
					max.next();
					next = max.getLong(1);
				}
				execute(connection, "alter table " + InstallationExport.quote(table.sqlName()) + " alter column "
						+ InstallationExport.quote(column.sqlName()) + " restart with " + next);
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
