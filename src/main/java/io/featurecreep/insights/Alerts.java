package io.featurecreep.insights;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.identity.OrganisationRecord;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;

/**
 * A squad's alerts for those who may see its results (its members), dismissed by its owners, as other squad settings
 * are changed; and a session's alerts in words for its reports.
 */
@Service
@Transactional(readOnly = true)
public class Alerts {

	/** The longest note a dismissal keeps. */
	static final int NOTE_MAX = 500;

	private final AlertStore store;

	private final SquadAccess squads;

	private final AlertWords words;

	private final OrganisationRecord record;

	private final Clock clock;

	Alerts(AlertStore store, SquadAccess squads, AlertWords words, OrganisationRecord record, Clock clock) {
		this.record = record;
		this.store = store;
		this.squads = squads;
		this.words = words;
		this.clock = clock;
	}

	/** The alerts a session raised, each as its evidence in words, in the given language (for channel reports). */
	public List<String> evidence(String sessionId, Locale language) {
		return store.ofSession(sessionId).stream().map(alert -> words.evidence(alert, language)).toList();
	}

	/** The squad's alerts, newest session first; members only (to others the squad does not exist). */
	List<Alert> ofSquad(String callerId, String squadId) {
		squads.requireMember(squadId, callerId, DomainException.of(ErrorCode.NOT_FOUND, "insights.squad.notFound"));
		return store.ofSquad(squadId);
	}

	/** The squad's alerts for a page that has checked the viewer's membership already. */
	List<Alert> ofSquad(String squadId) {
		return store.ofSquad(squadId);
	}

	String title(Alert alert, Locale language) {
		return words.title(alert, language);
	}

	String evidence(Alert alert, Locale language) {
		return words.evidence(alert, language);
	}

	String kindName(Alert alert, Locale language) {
		return words.kind(alert, language);
	}

	Map<String, Integer> openBySession(Collection<String> sessionIds) {
		return store.openBySession(sessionIds);
	}

	/** The alert, if the caller owns its squad (the step before dismissing it). */
	Alert dismissable(String callerId, String alertId) {
		Alert alert = store.find(alertId).orElseThrow(Alerts::notFound);
		squads.requireOwner(alert.squadId(), callerId, notFound(), "insights.alerts.ownersOnly");
		return alert;
	}

	/**
	 * Dismisses an alert with an optional note; owners of its squad only. Dismissing one that is dismissed already
	 * changes nothing: the first dismissal stays on record. Each dismissal also goes into the organisation's audit
	 * log, as a discarded session does.
	 */
	@Transactional
	Alert dismiss(String callerId, String alertId, String note) {
		dismissable(callerId, alertId);
		String trimmed = note == null || note.isBlank() ? null : note.strip();
		if (trimmed != null && trimmed.length() > NOTE_MAX) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "insights.alerts.noteTooLong", NOTE_MAX);
		}
		if (store.dismiss(alertId, callerId, trimmed, clock.instant())) {
			Alert alert = store.find(alertId).orElseThrow();
			String squadName = squads.find(alert.squadId()).map(Squad::name).orElse("");
			record.alertDismissed(callerId, words.kind(alert, Locale.ENGLISH) + ": " + alert.title() + " \u2014 "
					+ squadName);
		}
		return store.find(alertId).orElseThrow();
	}

	private static DomainException notFound() {
		return DomainException.of(ErrorCode.NOT_FOUND, "insights.alerts.notFound");
	}

}
