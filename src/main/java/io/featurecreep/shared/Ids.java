package io.featurecreep.shared;

import java.util.UUID;

/** Identifiers of new records: random UUID strings, as the original API hands out. */
public final class Ids {

	private Ids() {
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

}
