package io.featurecreep.healthcheck;

/**
 * When others' votes become visible. ON_REVEAL keeps them hidden until a question is revealed or the session
 * ends, so nobody anchors on others' votes. IMMEDIATE is the original's behaviour, which its client needs.
 */
public enum ResultVisibility {

	IMMEDIATE, ON_REVEAL

}
