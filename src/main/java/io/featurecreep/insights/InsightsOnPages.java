package io.featurecreep.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionPageContributor;
import io.featurecreep.healthcheck.SessionPagePart;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadPageContributor;
import io.featurecreep.squads.SquadPagePart;

/**
 * Puts notes and actions where a squad needs them: a running session first reviews the open actions of earlier
 * ones, then collects notes and new actions; its results keep them; the squad page lists the open alerts and the
 * actions still open and, for owners, whether the squad shows in the organisation matrix; the workspace links to the matrix for
 * those who may see it.
 */
@Component
class InsightsOnPages implements SessionPageContributor, SquadPageContributor {

	private final DiscussionViews views;

	private final Insights insights;

	private final Alerts alerts;

	private final AlertViews alertViews;

	InsightsOnPages(DiscussionViews views, Insights insights, Alerts alerts, AlertViews alertViews) {
		this.views = views;
		this.insights = insights;
		this.alerts = alerts;
		this.alertViews = alertViews;
	}

	@Override
	public List<SessionPagePart> sessionPage(String viewerId, HealthSession session) {
		List<SessionPagePart> parts = new ArrayList<>();
		if (session.active()) {
			List<DiscussionViews.ActionView> review = views.toReview(viewerId, session);
			if (!review.isEmpty()) {
				parts.add(new SessionPagePart(true, "insights/discussion", "review",
						Map.of("view", new DiscussionPages.ReviewPart(session.id(), review))));
			}
		}
		parts.add(new SessionPagePart(false, "insights/discussion", "panel",
				Map.of("view", views.discussion(viewerId, session))));
		return parts;
	}

	/** The organisation matrix, for those who may see it: admins, and everyone where admins opened it. */
	@Override
	public List<SquadPagePart> workspace(String viewerId) {
		Insights.MatrixAccess access = insights.matrixAccess(viewerId);
		return access.admin() || access.membersSee()
				? List.of(new SquadPagePart(0, "insights/discussion", "matrix-link", Map.of()))
				: List.of();
	}

	@Override
	public List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer) {
		List<SquadPagePart> parts = new ArrayList<>();
		List<Alert> open = alerts.ofSquad(squad.id()).stream().filter(alert -> !alert.dismissed()).toList();
		parts.add(new SquadPagePart(12, "insights/alerts", "squad-alerts", Map.of("view",
				new AlertViews.SquadAlertsPart(squad.id(), viewer.isOwner(),
						alertViews.views(open, LocaleContextHolder.getLocale())))));
		parts.add(new SquadPagePart(15, "insights/discussion", "squad-actions-card",
				Map.of("view", new DiscussionPages.SquadActionsPart(squad.id(), views.openActions(viewerId, squad.id())))));
		if (viewer.isOwner()) {
			parts.add(new SquadPagePart(40, "insights/discussion", "matrix-setting",
					Map.of("squadId", squad.id(), "shown", !insights.optedOut(squad.id()))));
		}
		return parts;
	}

}
