package io.featurecreep.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;

/**
 * How a column's values look in a backup, whatever database they came from: text as strings, booleans and numbers
 * as JSON's own, dates and times as ISO-8601 strings (instants in UTC), binary as base64. H2 and PostgreSQL name and
 * report the same SQL types differently (PostgreSQL's driver reports {@code timestamptz} as a plain TIMESTAMP and
 * {@code boolean} as BIT), so both the JDBC type and the type's name decide.
 */
enum ColumnType {

	TEXT, BOOLEAN, INTEGER, DECIMAL, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMP_UTC, BINARY;

	/** The name in the file. */
	String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ColumnType> fromLabel(String label) {
		for (ColumnType type : values()) {
			if (type.label().equals(label)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	/** Empty for a type a backup cannot carry faithfully: better to refuse than to lose what it holds. */
	static Optional<ColumnType> of(int jdbcType, String typeName) {
		String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
		if (jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz")
				|| name.startsWith("timestamp") && name.endsWith("with time zone")) {
			return Optional.of(TIMESTAMP_UTC);
		}
		return Optional.ofNullable(switch (jdbcType) {
			case Types.BIT, Types.BOOLEAN -> BOOLEAN;
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
			case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB, Types.NCLOB -> TEXT;
			case Types.DATE -> DATE;
			case Types.TIME -> TIME;
			case Types.TIMESTAMP -> TIMESTAMP;
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
			default -> null;
		});
	}

	/** Writes the column's value of the current row as this type's JSON value (null as null). */
	void write(ResultSet row, int index, JsonGenerator json) throws SQLException {
		Object value = switch (this) {
			case TEXT -> row.getString(index);
			case BOOLEAN -> nullIfWasNull(row, row.getBoolean(index));
			case INTEGER -> nullIfWasNull(row, row.getLong(index));
			case DOUBLE -> nullIfWasNull(row, row.getDouble(index));
			case DECIMAL -> row.getBigDecimal(index);
			case DATE -> string(row.getObject(index, LocalDate.class));
			case TIME -> string(row.getObject(index, LocalTime.class));
			case TIMESTAMP -> string(row.getObject(index, LocalDateTime.class));
			case TIMESTAMP_UTC -> {
				OffsetDateTime at = row.getObject(index, OffsetDateTime.class);
				yield at == null ? null : at.toInstant().toString();
			}
			case BINARY -> {
				byte[] bytes = row.getBytes(index);
				yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
			}
		};
		switch (value) {
			case null -> json.writeNull();
			case String text -> json.writeString(text);
			case Boolean bool -> json.writeBoolean(bool);
			case Long number -> json.writeNumber(number);
			// NaN and infinities have no JSON number: they travel as their Java names
			case Double number when number.isNaN() || number.isInfinite() -> json.writeString(number.toString());
			case Double number -> json.writeNumber(number);
			// trailing zeros depend on the database's scale, not on the value
			case BigDecimal number -> json.writeNumber(number.stripTrailingZeros().toPlainString());
			default -> throw new IllegalStateException("Unexpected value of type " + value.getClass());
		}
	}

	/**
	 * Binds the parser's current value to the statement's parameter; a value of the wrong kind is refused with where
	 * it was, never guessed at.
	 */
	void bind(JsonParser json, PreparedStatement statement, int index, int sqlType, ImportRefused.Cell where) throws SQLException {
		JsonToken token = json.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			statement.setNull(index, sqlType);
			return;
		}
		try {
			switch (this) {
				case TEXT -> statement.setString(index, string(json, token, where));
				case BOOLEAN -> {
					if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
						throw new ImportRefused("backup.refused.notABoolean", where.with());
					}
					statement.setBoolean(index, token == JsonToken.VALUE_TRUE);
				}
				case INTEGER -> {
					if (token != JsonToken.VALUE_NUMBER_INT) {
						throw new ImportRefused("backup.refused.notAWholeNumber", where.with());
					}
					statement.setLong(index, json.getLongValue());
				}
				case DOUBLE -> statement.setDouble(index, token == JsonToken.VALUE_STRING
						? Double.parseDouble(json.getString()) : number(json, token, where).doubleValue());
				case DECIMAL -> statement.setBigDecimal(index, number(json, token, where));
				case DATE -> statement.setObject(index, LocalDate.parse(string(json, token, where)));
				case TIME -> statement.setObject(index, LocalTime.parse(string(json, token, where)));
				case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(string(json, token, where)));
				case TIMESTAMP_UTC -> statement.setObject(index,
						OffsetDateTime.ofInstant(Instant.parse(string(json, token, where)), ZoneOffset.UTC));
				case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(string(json, token, where)));
			}
		}
		catch (DateTimeParseException | IllegalArgumentException | InputCoercionException ex) {
			throw new ImportRefused("backup.refused.notAValue", where.with(label()));
		}
	}

	private static String string(JsonParser json, JsonToken token, ImportRefused.Cell where) {
		if (token != JsonToken.VALUE_STRING) {
			throw new ImportRefused("backup.refused.notAString", where.with());
		}
		return json.getString();
	}

	private static BigDecimal number(JsonParser json, JsonToken token, ImportRefused.Cell where) {
		if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
			throw new ImportRefused("backup.refused.notANumber", where.with());
		}
		return json.getDecimalValue();
	}

	private static Object nullIfWasNull(ResultSet row, Object value) throws SQLException {
		return row.wasNull() ? null : value;
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

}
