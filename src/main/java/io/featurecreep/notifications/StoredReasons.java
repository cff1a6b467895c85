package io.featurecreep.notifications;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;

import io.featurecreep.shared.EnglishTexts;

/**
 * Why a delivery failed or was not sent, as the delivery log stores it: in English, the words the API reports. A page
 * shows a reason in its reader's language by recognising the English text of one of the reasons below and saying
 * that phrase, with the same arguments, in the reader's language. What it does not recognise (wording of an older
 * version) it shows as stored.
 */
final class StoredReasons {

	/** Every reason the delivery log stores: why a message did not arrive, and why one was not sent. */
	private static final List<String> KEYS = List.of("notifications.failure.emailUnavailable",
			"notifications.failure.mailRefused", "notifications.failure.unreachable",
			"notifications.failure.invalidAddress", "notifications.failure.httpStatus",
			"notifications.failure.notPublic", "notifications.failure.notHttps",
			"notifications.failure.channelRemoved", "notifications.failure.discordRefused",
			"delivery.cancelled.discarded", "delivery.cancelled.over", "delivery.cancelled.allVoted",
			"delivery.cancelled.overBeforeInvite", "notifications.failure.chatApi");

	private StoredReasons() {
	}

	/** The stored reason as a phrase to say in any language, or as it is if it is none of the known ones. */
	static Object recognise(String stored) {
		if (stored == null) {
			return null;
		}
		for (String key : KEYS) {
			// without arguments, the English text is its pattern as written
			String pattern = EnglishTexts.of(key);
			if (pattern.equals(stored)) {
				return new Phrase(key);
			}
			if (pattern.contains("{")) {
				MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
				ParsePosition position = new ParsePosition(0);
				Object[] arguments = format.parse(stored, position);
				if (arguments != null && position.getIndex() == stored.length()
						&& format.format(arguments).equals(stored)) {
					return new Phrase(key, arguments);
				}
			}
		}
		return stored;
	}

}
