package io.featurecreep.shared;

import java.util.List;

/**
 * The message bundles of the pages, e-mails and channel reports, in the order they are searched. {@code messages}
 * holds the texts several modules share; each module with pages keeps its own in {@code i18n/<module>.properties}
 * (basename {@code i18n.<module>}), so that the texts of a page sit together and modules are translated without
 * touching each other's files. Every bundle has an English base file and {@code _de}, {@code _fr}, {@code _es} and
 * {@code _nl} translations.
 */
public final class MessageBundles {

	public static final List<String> BASENAMES = List.of("messages", "i18n.identity", "i18n.squads",
			"i18n.healthcheck", "i18n.insights", "i18n.notifications", "i18n.library", "i18n.backup", "i18n.deck", "i18n.chat");

	private MessageBundles() {
	}

}
