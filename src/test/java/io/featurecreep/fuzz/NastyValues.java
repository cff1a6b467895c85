package io.featurecreep.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The values a fuzzer puts where the application expects a name, a number or an id: the ones that broke other
 * web applications (huge texts, control characters, right-to-left overrides, numbers at the edges of their types,
 * markup and template syntax), next to ordinary ones, so that requests also get past the first check.
 * Everything is drawn from the caller's {@link Random}, so a seed replays the same values.
 */
final class NastyValues {

	/** 100 kB: the GraphQL endpoint's body limit, so half of these are refused whole and half reach the resolvers. */
	static final int HUGE = 100_000;

	private static final List<String> TEXTS = List.of("", " ", "   ", "null", "undefined", "0", "-1", "true", "NaN",
			"Infinity", "a", "Squad", "Fuzzy Team", "Delivering value",
			// unicode: emoji (surrogate pairs, joiners), right-to-left, combining marks, odd case mappings
			"😀", "👨‍👩‍👧‍👦 family", "🏳️‍🌈", "مرحبا بالعالم", "שלום", "Z̴̡̛a̷l̶g̷o̶ ̸t̷e̴x̸t̵", "e\u0301\u0301\u0301",
			"\u200B\uFEFF\u200D", "ﬁ İ ß Ω ǅ", "\uD83D", "\uDE00 lone low surrogate", "日本語のテキスト", "\u00A0\u2007\u3000",
			// control characters
			"\u0000", "a\u0000b", "\u0007bell", "line\r\nbreak", "\r\n\r\n<html>", "\t", "\u001B[31mred\u001B[0m", "\u007F",
			"\u0085", "\u2028\u2029", "\u202Egnp.exe", "name\u202Eevil", "\b\f\u000B", "a\rLocation: /x",
			"x\r\nSet-Cookie: a=b",
			// markup and template syntax that must stay text
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${7*7}", "#{7*7}", "*{name}",
			"__${T(java.lang.Runtime).getRuntime()}__::.x", "[[${7*7}]]", "<!--", "]]>", "&amp;&lt;&#0;",
			// SQL, paths, URLs, formats
			"' OR 1=1 --", "'; drop table squad; --", "%", "_", "\\", "\\u0000", "../../etc/passwd", "/", "//evil.example",
			"http://evil.example", "javascript:alert(1)", "%2e%2e%2f", "%00", "?a=b#c", ";jsessionid=1", "%s%s%s%n",
			"{0}", "$1", "(a+)+$", "[", "*", "~", "title:foo AND bar~2 ^3 /re.*/ *wild", "a@b", "a@b.c", "x@",
			"@example.test", "a@b.c\r\nBcc: x@y", "https://192.0.2.1/hook", "https://localhost/x", "https://[::1]/",
			"http://169.254.169.254/latest", "file:///etc/passwd", "mailto:a@b",
			// dates and numbers as text
			"2026-12-31", "2026-02-30", "9999-12-31", "0000-01-01", "-1-01-01", "2026-13-01T25:61:61Z",
			"+999999999-12-31", "2026-12-31T10:00:00Z", "2999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "P1D", "1e9",
			"2147483648", "-2147483649", "1e308", "-0", "0x10", "1_000", "1.5", "00001");

	private NastyValues() {
	}

	/** Any kind of text: mostly ordinary or nasty short values, sometimes long or huge. */
	static String text(Random random) {
		int pick = random.nextInt(100);
		if (pick < 55) {
			return TEXTS.get(random.nextInt(TEXTS.size()));
		}
		if (pick < 80) {
			return randomChars(random, 1 + random.nextInt(40));
		}
		if (pick < 90) {
			return TEXTS.get(random.nextInt(TEXTS.size())) + randomChars(random, random.nextInt(10))
					+ TEXTS.get(random.nextInt(TEXTS.size()));
		}
		if (pick < 97) {
			return longText(random, 150 + random.nextInt(400));
		}
		// rare: most requests carry several values, and each huge one costs as much as a hundred requests
		return random.nextInt(3) == 0 ? huge(random) : longText(random, 1000 + random.nextInt(20_000));
	}

	/** Just past the usual limits (200, 1,000, 10,000 characters) and a few thousand in between. */
	static String longText(Random random, int length) {
		String unit = switch (random.nextInt(5)) {
			case 0 -> "x";
			case 1 -> "é";
			case 2 -> "😀";
			case 3 -> "word ";
			default -> "\u0000";
		};
		return unit.repeat(Math.max(1, length / unit.length()));
	}

	/** About the GraphQL body limit, in one, two or three bytes a character once encoded. */
	static String huge(Random random) {
		int length = HUGE / 2 + random.nextInt(HUGE);
		return switch (random.nextInt(4)) {
			case 0 -> "x".repeat(length);
			case 1 -> "€".repeat(length / 3);
			case 2 -> randomChars(random, length / 4);
			default -> "word ".repeat(length / 5);
		};
	}

	/** Characters from everywhere: ASCII, controls, Latin, right-to-left, combining marks, emoji, private use. */
	static String randomChars(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int codePoint = switch (random.nextInt(10)) {
				case 0 -> random.nextInt(0x20);
				case 1 -> 0x80 + random.nextInt(0x80);
				case 2 -> 0x300 + random.nextInt(0x70);
				case 3 -> 0x590 + random.nextInt(0x200);
				case 4 -> 0x1F300 + random.nextInt(0x300);
				case 5 -> 0x2000 + random.nextInt(0x70);
				case 6 -> 0xE000 + random.nextInt(0x100);
				default -> 0x20 + random.nextInt(0x5F);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	/** An id that looks real but names nothing, or something that is no id at all. */
	static String madeUpId(Random random) {
		return switch (random.nextInt(8)) {
			case 0, 1, 2 -> UUID.randomUUID().toString();
			case 3 -> "00000000-0000-0000-0000-000000000000";
			case 4 -> UUID.randomUUID().toString().toUpperCase() + " ";
			case 5 -> Integer.toString(random.nextInt(1000));
			default -> text(random);
		};
	}

	/** Whole numbers: ordinary small ones, and the edges of int, long and beyond. */
	static Object integer(Random random, int low, int high) {
		if (random.nextInt(100) < 60) {
			return low + random.nextInt(Math.max(1, high - low + 1));
		}
		return edgeNumber(random);
	}

	static Object edgeNumber(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> 0;
			case 1 -> -1;
			case 2 -> Integer.MAX_VALUE;
			case 3 -> 2147483648L;
			case 4 -> Integer.MIN_VALUE;
			case 5 -> -2147483649L;
			case 6 -> Long.MAX_VALUE;
			case 7 -> new BigInteger("99999999999999999999999999999");
			case 8 -> 1e308;
			case 9 -> -1e308;
			case 10 -> -0.0;
			case 11 -> 1.5;
			case 12 -> 4.9e-324;
			case 13 -> new BigDecimal("1e400");
			case 14 -> 65536;
			default -> 86_400 * 366;
		};
	}

	/** A date as pages and the API take it (yyyy-MM-dd or an instant), or something close to one. */
	static String date(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> "2026-12-31";
			case 1 -> java.time.LocalDate.of(2026, 1, 1).plusDays(random.nextInt(400) - 200).toString();
			case 2 -> java.time.Instant.parse("2027-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000)).toString();
			default -> text(random);
		};
	}

	static <T> T oneOf(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
