package io.featurecreep.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row of every table of the application's schema as text, for tests that look for what a database reader
 * could find (on H2 and PostgreSQL alike).
 */
public final class DatabaseDump {

	private DatabaseDump() {
	}

	/** One row: its table and its columns' values, each as text. */
	public record Row(String table, String text) {

		public boolean contains(String value) {
			return text.contains(value);
		}

	}

	public static List<Row> everyRow(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables
				where table_schema = current_schema and table_type in ('BASE TABLE', 'TABLE')
				order by table_name""").query(String.class).list();
		List<Row> rows = new ArrayList<>();
		for (String table : tables) {
			rows.addAll(jdbc.sql("select * from \"" + table + "\"").query((rs, n) -> {
				StringBuilder row = new StringBuilder();
				for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
					row.append(rs.getString(column)).append('\u0001');
				}
				return new Row(table, row.toString());
			}).list());
		}
		return rows;
	}

}
