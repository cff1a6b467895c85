package io.featurecreep.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the frame around every page (its header) needs besides the page's own model, such as the signed-in person.
 * Pages get it from their modules' {@code @ModelAttribute} advice; error pages rendered from exception handlers
 * ({@link PageErrors}, {@link RequestErrors}) get no such advice, so they ask the implementations of this instead.
 */
public interface PageFrame {

	/** The model attributes of the frame for this request; none for requests that render no frame. */
	Map<String, Object> attributes(HttpServletRequest request);

}
