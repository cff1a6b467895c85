package io.featurecreep.backup;

import io.featurecreep.shared.DomainException;

/**
 * An import that did not happen: the file or the target database is not fit for it. The message says why and what
 * to do, and the target is as it was before (the import runs in one transaction, or had not begun).
 */
class ImportRefused extends DomainException {

	ImportRefused(String message) {
		super(io.featurecreep.shared.ErrorCode.BAD_USER_INPUT, message);
	}

}
