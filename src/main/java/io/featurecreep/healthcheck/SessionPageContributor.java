package io.featurecreep.healthcheck;

import java.util.List;

/**
 * Lets the modules that build on sessions (notes and actions) add their parts to a session's pages: the live
 * page, the async page and the results. Parts render inside the page's live-event area, so they can listen to
 * its server-sent events.
 */
public interface SessionPageContributor {

	List<SessionPagePart> sessionPage(String viewerId, HealthSession session);

}
