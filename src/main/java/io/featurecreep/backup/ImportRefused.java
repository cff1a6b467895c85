package io.featurecreep.backup;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.shared.ErrorCode;

/**
 * An import that did not happen: the file or the target database is not fit for it. The message says why and what
 * to do, and the target is as it was before (the import runs in one transaction, or had not begun). Its words are a
 * key of the backup bundle: English for the API and the command line, the reader's language on the admin page.
 */
class ImportRefused extends DomainException {

	/** Numbers among the arguments go in as text, so that a row count reads the same in every language. */
	ImportRefused(String messageKey, Object... arguments) {
		super(ErrorCode.BAD_USER_INPUT, EnglishTexts.of(messageKey, arguments), messageKey, arguments);
	}

	/** Where in the file a value was refused: the three first arguments of the texts about one value. */
	record Cell(long row, String table, String column) {

		Object[] with(Object... more) {
			Object[] all = new Object[3 + more.length];
			all[0] = String.valueOf(row);
			all[1] = table;
			all[2] = column;
			System.arraycopy(more, 0, all, 3, more.length);
			return all;
		}

	}

}
