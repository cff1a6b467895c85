package io.featurecreep.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The application's tables as the database describes them (JDBC metadata of the connection's schema), named in
 * lower case and listed parents before children (so rows can be inserted in file order and deleted in reverse),
 * ties broken by name: the same list, in the same order, on H2 and PostgreSQL. Flyway's history is not data: a
 * backup records its version in the manifest instead.
 */
record Schema(String database, List<Table> tables) {

	static final String FLYWAY_HISTORY = "flyway_schema_history";

	/** A column: its name in the file (lower case), its name in this database, its type. */
	record Column(String name, String sqlName, ColumnType type, int sqlType, boolean identity) {
	}

	/** A table: its name in the file, its name in this database, its columns in order, its primary key. */
	record Table(String name, String sqlName, List<Column> columns, List<Column> key) {

		Map<String, Column> columnsByName() {
			Map<String, Column> byName = new LinkedHashMap<>();
			columns.forEach(column -> byName.put(column.name(), column));
			return byName;
		}

	}

	boolean isPostgres() {
		return database.toLowerCase(Locale.ROOT).contains("postgres");
	}

	boolean isH2() {
		return database.equalsIgnoreCase("H2");
	}

	Map<String, Table> byName() {
		return tables.stream().collect(Collectors.toMap(Table::name, table -> table, (a, b) -> a, LinkedHashMap::new));
	}

	static Schema read(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String catalog = connection.getCatalog();
		String schema = connection.getSchema();
		Map<String, String> sqlNames = new TreeMap<>();
		try (ResultSet rows = meta.getTables(catalog, schema, "%", null)) {
			while (rows.next()) {
				String type = rows.getString("TABLE_TYPE");
				String name = rows.getString("TABLE_NAME");
				// metadata arguments are LIKE patterns ('_' matches any character): keep exact matches only
				if (schema.equals(rows.getString("TABLE_SCHEM")) && ("TABLE".equals(type) || "BASE TABLE".equals(type))
						&& !name.equalsIgnoreCase(FLYWAY_HISTORY)) {
					sqlNames.put(name.toLowerCase(Locale.ROOT), name);
				}
			}
		}
		Map<String, Table> tables = new HashMap<>();
		Map<String, Set<String>> parents = new HashMap<>();
		for (Map.Entry<String, String> entry : sqlNames.entrySet()) {
			tables.put(entry.getKey(), table(meta, catalog, schema, entry.getKey(), entry.getValue()));
			Set<String> referenced = new TreeSet<>();
			try (ResultSet keys = meta.getImportedKeys(catalog, schema, entry.getValue())) {
				while (keys.next()) {
					String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!parent.equals(entry.getKey()) && sqlNames.containsKey(parent)) {
						referenced.add(parent);
					}
				}
			}
			parents.put(entry.getKey(), referenced);
		}
		return new Schema(meta.getDatabaseProductName(), parentsFirst(tables, parents));
	}

	private static Table table(DatabaseMetaData meta, String catalog, String schema, String name, String sqlName)
			throws SQLException {
		TreeMap<Integer, Column> columns = new TreeMap<>();
		try (ResultSet rows = meta.getColumns(catalog, schema, sqlName, "%")) {
			while (rows.next()) {
				if (!sqlName.equals(rows.getString("TABLE_NAME")) || !schema.equals(rows.getString("TABLE_SCHEM"))) {
					continue;
				}
				String column = rows.getString("COLUMN_NAME");
				int sqlType = rows.getInt("DATA_TYPE");
				String typeName = rows.getString("TYPE_NAME");
				ColumnType type = ColumnType.of(sqlType, typeName)
					.orElseThrow(() -> new IllegalStateException("Column " + name + "." + column.toLowerCase(Locale.ROOT)
							+ " has type " + typeName + ", which backups cannot carry yet"));
				columns.put(rows.getInt("ORDINAL_POSITION"), new Column(column.toLowerCase(Locale.ROOT), column, type,
						sqlType, "YES".equals(rows.getString("IS_AUTOINCREMENT"))));
			}
		}
		Map<String, Column> byName = new HashMap<>();
		columns.values().forEach(column -> byName.put(column.sqlName(), column));
		TreeMap<Integer, Column> key = new TreeMap<>();
		try (ResultSet rows = meta.getPrimaryKeys(catalog, schema, sqlName)) {
			while (rows.next()) {
				key.put(rows.getInt("KEY_SEQ"), byName.get(rows.getString("COLUMN_NAME")));
			}
		}
		List<Column> ordered = List.copyOf(columns.values());
		return new Table(name, sqlName, ordered, key.isEmpty() ? ordered : List.copyOf(key.values()));
	}

	/** Kahn's algorithm, always taking the first ready table by name, so the order is the same everywhere. */
	private static List<Table> parentsFirst(Map<String, Table> tables, Map<String, Set<String>> parents) {
		Map<String, Set<String>> waitingFor = new HashMap<>();
		parents.forEach((table, referenced) -> waitingFor.put(table, new TreeSet<>(referenced)));
		PriorityQueue<String> ready = new PriorityQueue<>();
		waitingFor.forEach((table, referenced) -> {
			if (referenced.isEmpty()) {
				ready.add(table);
			}
		});
		List<Table> ordered = new ArrayList<>();
		while (!ready.isEmpty()) {
			String table = ready.poll();
			ordered.add(tables.get(table));
			waitingFor.forEach((child, referenced) -> {
				if (referenced.remove(table) && referenced.isEmpty()) {
					ready.add(child);
				}
			});
		}
		if (ordered.size() != tables.size()) {
			throw new IllegalStateException("The tables' foreign keys form a cycle: a backup cannot order their rows");
		}
		return ordered;
	}

}
