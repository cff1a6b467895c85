package io.featurecreep.insights;

import java.security.Principal;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.SquadAccess;

/**
 * The step in which a squad owner dismisses an alert with a note (a form with its CSRF token, like every form here);
 * the squad page lists the open ones ({@link InsightsOnPages}), the history marks them ({@link InsightsPages}).
 */
@Controller
class AlertPages {

	private final Alerts alerts;

	private final AlertViews views;

	private final SquadAccess squads;

	private final MessageSource messages;

	AlertPages(Alerts alerts, AlertViews views, SquadAccess squads, MessageSource messages) {
		this.alerts = alerts;
		this.views = views;
		this.squads = squads;
		this.messages = messages;
	}

	@GetMapping("/squads/{squadId}/alerts/{alertId}/dismiss")
	String dismissStep(@PathVariable String squadId, @PathVariable String alertId, Principal principal, Model model) {
		Alert alert = ownAlert(Callers.id(principal), squadId, alertId);
		return dismissPage(alert, "", null, model);
	}

	@PostMapping("/squads/{squadId}/alerts/{alertId}/dismiss")
	String dismiss(@PathVariable String squadId, @PathVariable String alertId,
			@RequestParam(defaultValue = "") String note, Principal principal, Model model) {
		String callerId = Callers.id(principal);
		Alert alert = ownAlert(callerId, squadId, alertId);
		try {
			alerts.dismiss(callerId, alertId, note);
		}
		catch (DomainException refused) {
			if (refused.code() != ErrorCode.BAD_USER_INPUT) {
				throw refused;
			}
			String error = messages.getMessage("insights.alerts.noteTooLong", new Object[] { Alerts.NOTE_MAX },
					LocaleContextHolder.getLocale());
			return dismissPage(alert, note, error, model);
		}
		return "redirect:/squads/{squadId}#alerts";
	}

	private Alert ownAlert(String callerId, String squadId, String alertId) {
		Alert alert = alerts.dismissable(callerId, alertId);
		if (!alert.squadId().equals(squadId)) {
			throw DomainException.of(ErrorCode.NOT_FOUND, "insights.alerts.notFound");
		}
		return alert;
	}

	private String dismissPage(Alert alert, String note, String error, Model model) {
		model.addAttribute("squad", squads.find(alert.squadId()).orElseThrow());
		model.addAttribute("alert", views.views(List.of(alert), LocaleContextHolder.getLocale()).get(0));
		model.addAttribute("note", note);
		model.addAttribute("error", error);
		model.addAttribute("noteMax", Alerts.NOTE_MAX);
		return "insights/dismiss-alert";
	}

}
