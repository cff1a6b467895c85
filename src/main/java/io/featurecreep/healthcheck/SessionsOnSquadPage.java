package io.featurecreep.healthcheck;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.featurecreep.library.Deck;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadPageContributor;
import io.featurecreep.squads.SquadPagePart;

/**
 * The health checks of a squad on its page and workspace line: the running one, past ones, the questions (the deck's
 * in the viewer's language).
 */
@Component
class SessionsOnSquadPage implements SquadPageContributor {

	private final SessionViews views;

	private final SquadTemplates templates;

	private final Deck deck;

	SessionsOnSquadPage(SessionViews views, SquadTemplates templates, Deck deck) {
		this.views = views;
		this.templates = templates;
		this.deck = deck;
	}

	@Override
	public List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer) {
		Map<String, Object> sessions = new HashMap<>();
		sessions.put("squadId", squad.id());
		sessions.put("owner", viewer.isOwner());
		sessions.put("running", views.running(squad.id()).orElse(null));
		sessions.put("past", views.pastSessions(squad.id()));
		Map<String, Object> questions = new HashMap<>();
		questions.put("squadId", squad.id());
		questions.put("owner", viewer.isOwner());
		questions.put("template", templates.templateOf(squad.id())
			.stream()
			.map(entry -> deck.shown(entry, LocaleContextHolder.getLocale()))
			.toList());
		return List.of(new SquadPagePart(10, "healthcheck/squad-parts", "sessions", sessions),
				new SquadPagePart(20, "healthcheck/squad-parts", "questions", questions));
	}

	@Override
	public Optional<SquadPagePart> workspaceLine(String viewerId, Squad squad) {
		Map<String, Object> values = new HashMap<>();
		values.put("squadId", squad.id());
		values.put("squadName", squad.name());
		values.put("running", views.running(squad.id()).orElse(null));
		return Optional.of(new SquadPagePart(10, "healthcheck/squad-parts", "workspace-line", values));
	}

}
