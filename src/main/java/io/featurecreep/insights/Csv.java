package io.featurecreep.insights;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as spreadsheets read it (RFC 4180 quoting), with users' text defused: a cell that starts like a formula
 * gets a leading apostrophe, so opening an export never runs anything.
 */
final class Csv {

	private final StringBuilder out = new StringBuilder();

	Csv row(List<?> cells) {
		out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
		return this;
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	@Override
	public String toString() {
		return out.toString();
	}

}
