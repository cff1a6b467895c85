package io.featurecreep.squads;

import java.time.Instant;
import java.util.Locale;

/**
 * A team that runs health checks. Anonymous squads store votes so that nobody can tell who voted what.
 * {@code reportLocale} is the language its owners chose for the reports, reminders and test messages sent to its
 * channels (a tag of {@link io.featurecreep.shared.Language}); null until they choose, which means English.
 */
public record Squad(String id, String organisationId, String name, boolean anonymous, Instant createdAt,
		String reportLocale) {

	/** The language of the squad's channel messages: English until its owners choose another. */
	public Locale reportLanguage() {
		return reportLocale == null ? Locale.ENGLISH : Locale.forLanguageTag(reportLocale);
	}

}
