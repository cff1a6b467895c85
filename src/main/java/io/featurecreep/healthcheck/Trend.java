package io.featurecreep.healthcheck;

/** Where a voter feels an indicator is heading. */
public enum Trend {

	IMPROVING, STABLE, WORSENING

}
