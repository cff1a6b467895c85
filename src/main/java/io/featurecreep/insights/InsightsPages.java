package io.featurecreep.insights;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.featurecreep.healthcheck.Anonymity;
import io.featurecreep.healthcheck.QuestionResult.Band;
import io.featurecreep.identity.Callers;
import io.featurecreep.library.Deck;
import io.featurecreep.shared.PageTimes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insights pages: a squad's history (heat map of indicators × sessions, a chart per indicator with the
 * actions agreed for it) and the organisation matrix (squads × indicators, latest sessions with votes). Every
 * coloured cell says its count; its details show on hover and on keyboard focus; both pages say which average gets
 * which colour ({@link Band}). Dates of the range filter are whole UTC days; times show in the reader's zone. Every
 * word is in the reader's language, the deck's indicators too ({@link Deck}).
 */
@Controller
class InsightsPages {

	private final Insights insights;

	private final NotesAndActions notesAndActions;

	private final Anonymity anonymity;

	private final JsonMapper json;

	private final MessageSource messages;

	private final Clock clock;

	private final Deck deck;

	private final PageTimes times;

	private final Alerts alerts;

	private final AlertViews alertViews;

	InsightsPages(Insights insights, NotesAndActions notesAndActions, Anonymity anonymity, JsonMapper json,
			MessageSource messages, Clock clock, Deck deck, PageTimes times, Alerts alerts, AlertViews alertViews) {
		this.alerts = alerts;
		this.alertViews = alertViews;
		this.insights = insights;
		this.notesAndActions = notesAndActions;
		this.anonymity = anonymity;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
		this.deck = deck;
		this.times = times;
	}

	/** The banding rule's limits, for the pages that state it. */
	@ModelAttribute("redBelow")
	double redBelow() {
		return Band.RED_BELOW;
	}

	@ModelAttribute("greenAbove")
	double greenAbove() {
		return Band.GREEN_ABOVE;
	}

	@GetMapping("/squads/{squadId}/history")
	String history(@PathVariable String squadId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Principal principal, Model model) {
		String callerId = Callers.id(principal);
		Locale reader = LocaleContextHolder.getLocale();
		CellWords words = CellWords.of(messages, reader, anonymity.minVotesAnonymous());
		DateRange range = DateRange.of(from, to, clock.instant());
		SquadHistory history = insights.squadHistory(callerId, squadId, range.start(), range.end());
		List<ActionItem> actions = notesAndActions.actions(callerId, squadId, null);
		List<HistoryRow> rows = new ArrayList<>();
		for (int r = 0; r < history.indicators().size(); r++) {
			SquadHistory.Row row = history.indicators().get(r);
			String title = deck.title(row.indicatorId(), row.title(), reader);
			List<CellView> cells = new ArrayList<>();
			List<Double> averages = new ArrayList<>();
			List<Integer> votes = new ArrayList<>();
			for (int c = 0; c < history.sessions().size(); c++) {
				Cell cell = row.cells().get(c);
				SquadHistory.Column column = history.sessions().get(c);
				cells.add(view(cell, "h-" + r + "-" + c, title + ", " + label(column), words));
				averages.add(cell == null || cell.withheld() ? null : cell.average());
				votes.add(cell == null ? null : cell.votes());
			}
			List<ActionItem> rowActions = actions.stream()
				.filter(action -> row.indicatorId().equals(action.indicatorId()))
				.toList();
			List<Integer> markers = new ArrayList<>();
			for (SquadHistory.Column column : history.sessions()) {
				markers.add((int) rowActions.stream().filter(a -> column.sessionId().equals(a.sessionId())).count());
			}
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("title", title);
			// labels for readers without the script's own, which put the times into the reader's zone
			chart.put("labels", history.sessions().stream().map(this::label).toList());
			chart.put("names", history.sessions().stream().map(SquadHistory.Column::name).toList());
			chart.put("ended", history.sessions().stream().map(column -> String.valueOf(column.endedAt())).toList());
			chart.put("averages", averages);
			chart.put("votes", votes);
			chart.put("actions", markers);
			chart.put("actionTexts", markers.stream()
				.map(count -> count == 0 ? ""
						: messages.getMessage("insights.charts.actionsAgreed", new Object[] { count }, reader))
				.toList());
			List<ActionEffect> effects = rowActions.stream().map(action -> ActionEffect.of(action, history, averages)).toList();
			rows.add(new HistoryRow(row.indicatorId(), title, HeatCells.html(cells, words.notAsked()),
					json.writeValueAsString(chart), effects));
		}
		Map<String, String> errors = new LinkedHashMap<>();
		range.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, reader)));
		model.addAttribute("history", history);
		model.addAttribute("columns", history.sessions());
		model.addAttribute("rows", rows);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("errors", errors);
		model.addAttribute("downloads", Downloads.of(squadId, range));
		// markers: each session's alerts, dismissed ones too (the history keeps what was said)
		model.addAttribute("alerts", alertViews.bySession(alerts.ofSquad(squadId),
				history.sessions().stream().map(SquadHistory.Column::sessionId).collect(java.util.stream.Collectors.toSet()),
				reader));
		return "insights/history";
	}

	/** Owners keep their squad out of the organisation matrix, or bring it back (an unticked box sends nothing). */
	@PostMapping("/squads/{squadId}/matrix")
	String showInMatrix(@PathVariable String squadId, @RequestParam(defaultValue = "false") boolean shown,
			Principal principal) {
		insights.setOptOut(Callers.id(principal), squadId, !shown);
		return "redirect:/squads/{squadId}?matrixSaved#matrix-setting";
	}

	@PostMapping("/organisation/matrix/members")
	String membersSeeMatrix(@RequestParam(defaultValue = "false") boolean allowed, Principal principal) {
		insights.setMembersSeeMatrix(Callers.id(principal), allowed);
		return "redirect:/organisation/matrix?saved";
	}

	@GetMapping("/organisation/matrix")
	String matrix(Principal principal, Model model) {
		OrganisationMatrix matrix = insights.matrix(Callers.id(principal));
		model.addAttribute("access", insights.matrixAccess(Callers.id(principal)));
		Locale reader = LocaleContextHolder.getLocale();
		CellWords words = CellWords.of(messages, reader, anonymity.minVotesAnonymous());
		List<OrganisationMatrix.Indicator> indicators = matrix.indicators()
			.stream()
			.map(indicator -> new OrganisationMatrix.Indicator(indicator.indicatorId(),
					deck.title(indicator.indicatorId(), indicator.title(), reader)))
			.toList();
		List<MatrixRow> rows = new ArrayList<>();
		Map<String, Integer> openAlerts = alerts.openBySession(
				matrix.squads().stream().map(OrganisationMatrix.Row::sessionId).filter(java.util.Objects::nonNull).toList());
		for (int r = 0; r < matrix.squads().size(); r++) {
			OrganisationMatrix.Row row = matrix.squads().get(r);
			List<CellView> cells = new ArrayList<>();
			for (int c = 0; c < indicators.size(); c++) {
				cells.add(view(row.cells().get(c), "m-" + r + "-" + c, row.squadName() + ", " + indicators.get(c).title(),
						words));
			}
			rows.add(new MatrixRow(row.squadName(), row.sessionName(), row.endedAt(), HeatCells.html(cells, words.notAsked()),
					row.sessionId() == null ? 0 : openAlerts.getOrDefault(row.sessionId(), 0)));
		}
		model.addAttribute("indicators", indicators);
		model.addAttribute("rows", rows);
		return "insights/matrix";
	}

	private static CellView view(Cell cell, String id, String what, CellWords words) {
		if (cell == null) {
			return null;
		}
		String arrow = cell.trend() == null ? "" : switch (cell.trend()) {
			case IMPROVING -> "↗";
			case STABLE -> "→";
			case WORSENING -> "↘";
		};
		return new CellView(id, cell.withheld() ? "withheld" : "band-" + cell.band().name().toLowerCase(Locale.ROOT), arrow,
				cell.votes(), cell.withheld(), words.details(cell, what));
	}

	/** A session as the chart and the cells' details name it: its name, if any, and when it ended (in UTC). */
	private String label(SquadHistory.Column column) {
		String day = times.utc(column.endedAt());
		return column.name() == null || column.name().isBlank() ? day : column.name() + " (" + day + ")";
	}

	/** One cell as the pages show it: its colour class, trend arrow, count, and details in words. */
	record CellView(String id, String css, String arrow, int votes, boolean withheld, String details) {
	}

	/** {@code cells}: the row's table cells as HTML, escaped ({@link HeatCells}). */
	record HistoryRow(String indicatorId, String title, String cells, String chart, List<ActionEffect> actions) {
	}

	/**
	 * An action next to what its indicator did since: the average of the session that agreed on it ({@code then})
	 * against the latest one shown after it ({@code now}). Either is null when not known: {@code then} when the
	 * average was withheld or the session is outside the range, {@code now} when no later session shows one yet.
	 */
	record ActionEffect(ActionItem action, Double then, Double now) {

		static ActionEffect of(ActionItem action, SquadHistory history, List<Double> averages) {
			int agreed = -1;
			for (int c = 0; c < history.sessions().size(); c++) {
				if (history.sessions().get(c).sessionId().equals(action.sessionId())) {
					agreed = c;
				}
			}
			if (agreed < 0 || averages.get(agreed) == null) {
				return new ActionEffect(action, null, null);
			}
			Double then = averages.get(agreed);
			for (int c = averages.size() - 1; c > agreed; c--) {
				Double now = averages.get(c);
				if (now != null) {
					return new ActionEffect(action, then, now);
				}
			}
			return new ActionEffect(action, then, null);
		}

		/** How far the average moved since the action was agreed; null when not known. */
		public Double change() {
			return then == null || now == null ? null : now - then;
		}

	}

	/** The history's downloads, holding what the page shows: the same date filter, if it is valid. */
	record Downloads(String csv, String json) {

		static Downloads of(String squadId, DateRange range) {
			UriComponentsBuilder query = UriComponentsBuilder.newInstance();
			if (range.valid() && !range.from().isBlank()) {
				query.queryParam("from", range.from().strip());
			}
			if (range.valid() && !range.to().isBlank()) {
				query.queryParam("to", range.to().strip());
			}
			String parameters = query.encode().build().toUriString();
			return new Downloads("/squads/" + squadId + "/history.csv" + parameters,
					"/squads/" + squadId + "/history.json" + parameters);
		}

	}

	/**
	 * A squad with its latest session that has votes ({@code endedAt} null: none yet); {@code cells}: the row's
	 * table cells as HTML, escaped ({@link HeatCells}); {@code alerts}: how many alerts of that session are open.
	 */
	record MatrixRow(String squadName, String sessionName, Instant endedAt, String cells, int alerts) {
	}

}
