package io.featurecreep.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.shared.PageTimes;

/** Alerts as pages show them: kind and evidence in the reader's language, and who dismissed them when. */
@Component
class AlertViews {

	private final Alerts alerts;

	private final People people;

	private final MessageSource messages;

	private final PageTimes times;

	AlertViews(Alerts alerts, People people, MessageSource messages, PageTimes times) {
		this.alerts = alerts;
		this.people = people;
		this.messages = messages;
		this.times = times;
	}

	/** The alerts as pages show them, in the reader's language. */
	List<AlertView> views(Collection<Alert> shown, Locale reader) {
		return shown.stream().map(alert -> view(alert, reader)).toList();
	}

	/** Each session's alerts, by session id, for the history's markers. */
	Map<String, List<AlertView>> bySession(List<Alert> shown, Set<String> sessionIds, Locale reader) {
		Map<String, List<AlertView>> bySession = new LinkedHashMap<>();
		for (Alert alert : shown) {
			if (sessionIds.contains(alert.sessionId())) {
				bySession.computeIfAbsent(alert.sessionId(), id -> new ArrayList<>()).add(view(alert, reader));
			}
		}
		return bySession;
	}

	private AlertView view(Alert alert, Locale reader) {
		String dismissed = null;
		if (alert.dismissed()) {
			String who = people.findById(alert.dismissedBy()).map(Person::displayName).orElse("?");
			dismissed = messages.getMessage("insights.alerts.dismissed",
					new Object[] { who, times.utc(alert.dismissedAt()) }, reader);
		}
		return new AlertView(alert.id(), alert.squadId(), alert.sessionId(), alert.sessionName(),
				alert.sessionEndedAt(), alert.kind().name(), alerts.kindName(alert, reader),
				alerts.evidence(alert, reader), alert.dismissed(), dismissed, alert.dismissNote());
	}

	/** One alert on a page: its kind and evidence in words, its session, and who dismissed it with which note. */
	record AlertView(String id, String squadId, String sessionId, String sessionName, Instant sessionEndedAt,
			String kind, String kindName, String evidence, boolean dismissed, String dismissedText, String note) {
	}

	/** The squad page's part: the open alerts, with the way to dismiss them for owners. */
	record SquadAlertsPart(String squadId, boolean owner, List<AlertView> alerts) {
	}

}
