package io.featurecreep.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import io.featurecreep.backup.Manifest.ColumnEntry;
import io.featurecreep.backup.Manifest.TableEntry;
import io.featurecreep.backup.Schema.Column;
import io.featurecreep.backup.Schema.Table;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole installation as a backup (see {@link Manifest}), row by row as the database returns them, so an
 * installation of any size passes through in little memory. Everything is read in one read-only transaction that
 * sees a single snapshot (PostgreSQL's REPEATABLE READ, H2's SNAPSHOT), so the file is consistent even while the
 * application keeps working. Rows come in primary key order, text compared by code point (PostgreSQL's "C"
 * collation; H2 compares Java strings, which agrees for everything outside the rare supplementary characters), so
 * equal data gives equal entries on either database.
 */
@Component
class InstallationExport {

	/** H2's number for SNAPSHOT isolation, which JDBC has no constant for. */
	private static final int H2_SNAPSHOT = 6;

	private static final int FETCH_SIZE = 500;

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final InstallationFacts facts;

	private final Clock clock;

	InstallationExport(DataSource dataSource, InstallationFacts facts, ObjectProvider<Clock> clock) {
		this.dataSource = dataSource;
		this.facts = facts;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Writes the backup to {@code out} (left open) and returns its manifest. */
	Manifest writeTo(OutputStream out) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			try {
				// before the first statement: PostgreSQL takes the snapshot then, and refuses changes afterwards
				boolean h2 = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
				connection.setAutoCommit(false);
				connection.setTransactionIsolation(h2 ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ);
				connection.setReadOnly(true);
				Schema schema = Schema.read(connection);
				Manifest manifest = write(connection, schema, out);
				connection.commit();
				return manifest;
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setTransactionIsolation(isolation);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not read the database: " + ex.getMessage(), ex);
		}
	}

	private Manifest write(Connection connection, Schema schema, OutputStream out) throws SQLException, IOException {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<TableEntry> entries = new ArrayList<>();
		for (Table table : schema.tables()) {
			// counted inside the snapshot, so the counts agree with the rows that follow
			entries.add(new TableEntry(table.name(), TableEntry.entryName(table.name()),
					table.columns().stream().map(column -> new ColumnEntry(column.name(), column.type().label())).toList(),
					count(connection, table)));
		}
		Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, facts.appVersion(),
				facts.schemaVersion(), now.toString(), schema.database(), facts.anonymityKeyFingerprint(), entries);
		ZipOutputStream zip = new ZipOutputStream(StreamUtils.nonClosing(out));
		zip.putNextEntry(entry(Manifest.ENTRY, now));
		JSON.writerWithDefaultPrettyPrinter().writeValue(StreamUtils.nonClosing(zip), manifest);
		zip.closeEntry();
		for (int i = 0; i < schema.tables().size(); i++) {
			Table table = schema.tables().get(i);
			zip.putNextEntry(entry(entries.get(i).entry(), now));
			writeRows(connection, schema, table, StreamUtils.nonClosing(zip));
			zip.closeEntry();
		}
		zip.finish();
		return manifest;
	}

	private static long count(Connection connection, Table table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from " + quote(table.sqlName()))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** {"table": ..., "columns": [...], "rows": [{column: value, ...}, ...]} */
	private static void writeRows(Connection connection, Schema schema, Table table, OutputStream out)
			throws SQLException {
		String order = table.key()
			.stream()
			.map(column -> quote(column.sqlName())
					+ (schema.isPostgres() && column.type() == ColumnType.TEXT ? " collate \"C\"" : ""))
			.collect(Collectors.joining(", "));
		String columns = table.columns().stream().map(column -> quote(column.sqlName())).collect(Collectors.joining(", "));
		try (JsonGenerator json = JSON.createGenerator(out);
				PreparedStatement statement = connection
					.prepareStatement("select " + columns + " from " + quote(table.sqlName()) + " order by " + order)) {
			statement.setFetchSize(FETCH_SIZE);
			json.writeStartObject();
			json.writeStringProperty("table", table.name());
			json.writeName("columns");
			json.writeStartArray();
			for (Column column : table.columns()) {
				json.writeStartObject();
				json.writeStringProperty("name", column.name());
				json.writeStringProperty("type", column.type().label());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeName("rows");
			json.writeStartArray();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					json.writeStartObject();
					for (int i = 0; i < table.columns().size(); i++) {
						Column column = table.columns().get(i);
						json.writeName(column.name());
						column.type().write(rows, i + 1, json);
					}
					json.writeEndObject();
				}
			}
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	private static ZipEntry entry(String name, Instant at) {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(at.toEpochMilli());
		return entry;
	}

	static String quote(String sqlName) {
		return '"' + sqlName.replace("\"", "\"\"") + '"';
	}

}
