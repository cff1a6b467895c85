package io.featurecreep.library;

/** Which part of the library a search covers; nobody ever sees another organisation's questions. */
public enum LibraryScope {

	/** The shared library and the questions squads of one's own organisation added. */
	ALL,

	/** The default indicators and the rest of the Spotify deck: the same for everyone. */
	SHARED,

	/** The questions squads of one's own organisation added. */
	ORGANISATION

}
