package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Times on pages before the browser's script localises them: in UTC and saying so, in the reader's language. */
class PageTimesTest {

	static final Instant DECEMBER = Instant.parse("2026-12-02T14:05:00Z");

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "en | 2 Dec 2026, 14:05 UTC", "de | 2. Dez. 2026, 14:05 UTC",
			"de-AT | 2. Dez. 2026, 14:05 UTC", "fr | 2 déc. 2026, 14:05 UTC", "es | 2 dic 2026, 14:05 UTC",
			"nl | 2 dec 2026, 14:05 UTC", "ja | 2 Dec 2026, 14:05 UTC" })
	void aTimeIsWrittenTheWayTheReadersLanguageWritesIt(String language, String expected) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag(language));

		assertThat(new PageTimes().utc(DECEMBER)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "en | 1 Dec 2026", "de | 1. Dez. 2026", "fr | 1 déc. 2026",
			"es | 1 dic 2026", "nl | 1 dec 2026" })
	void aDayIsWrittenTheWayTheReadersLanguageWritesIt(String language, String expected) {
		LocaleContextHolder.setLocale(Locale.forLanguageTag(language));

		assertThat(new PageTimes().date(java.time.LocalDate.of(2026, 12, 1))).isEqualTo(expected);
	}

}
