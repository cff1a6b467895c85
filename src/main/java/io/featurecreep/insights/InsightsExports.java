package io.featurecreep.insights;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads of a squad's history and of the organisation matrix, as CSV (one row per indicator and session, for
 * spreadsheets) and as JSON (the same shape as the GraphQL queries). Same rules as the views: withheld numbers
 * stay withheld, and both formats call them so ({@code withheld}). Files are named after what they hold: the
 * squad and the dates of the range, the organisation matrix and its day.
 */
@Controller
class InsightsExports {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Insights insights;

	private final JsonMapper json;

	private final Clock clock;

	InsightsExports(Insights insights, JsonMapper json, Clock clock) {
		this.insights = insights;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/squads/{squadId}/history.csv")
	ResponseEntity<String> historyCsv(@PathVariable String squadId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Principal principal) {
		DateRange range = range(from, to);
		SquadHistory history = history(squadId, range, principal);
		Csv csv = new Csv().row(List.of("indicator_id", "indicator", "session_id", "session_name", "ended_at", "votes",
				"average", "band", "trend", "red", "yellow", "green", "improving", "stable", "worsening", "withheld"));
		for (SquadHistory.Row row : history.indicators()) {
			for (int i = 0; i < history.sessions().size(); i++) {
				Cell cell = row.cells().get(i);
				if (cell != null) {
					SquadHistory.Column session = history.sessions().get(i);
					csv.row(cellRow(java.util.Arrays.asList(row.indicatorId(), row.title(), cell.sessionId(),
							session.name(), session.endedAt()), cell));
				}
			}
		}
		return download(historyName(history, range, "csv"), CSV, csv.toString());
	}

	@GetMapping("/squads/{squadId}/history.json")
	ResponseEntity<String> historyJson(@PathVariable String squadId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Principal principal) {
		DateRange range = range(from, to);
		SquadHistory history = history(squadId, range, principal);
		return download(historyName(history, range, "json"), MediaType.APPLICATION_JSON,
				json.writeValueAsString(history));
	}

	/** The page's date filter ({@code from} and {@code to}: YYYY-MM-DD, whole UTC days). */
	private DateRange range(String from, String to) {
		DateRange range = DateRange.of(from, to, clock.instant());
		if (!range.valid()) {
			// the first problem is enough to correct a link; its key lets the error page say it in the reader's language
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, range.errors().values().iterator().next());
		}
		return range;
	}

	private SquadHistory history(String squadId, DateRange range, Principal principal) {
		return insights.squadHistory(Callers.id(principal), squadId, range.start(), range.end());
	}

	/**
	 * "Platform-history-2026-01-01-to-2026-06-30.csv": the dates the filter asked for, else those of the first
	 * session shown and of today.
	 */
	private DownloadName historyName(SquadHistory history, DateRange range, String extension) {
		String first = !range.from().isBlank() ? range.from().strip()
				: history.sessions().isEmpty() ? null : day(history.sessions().getFirst().endedAt());
		String last = !range.to().isBlank() ? range.to().strip() : today();
		return DownloadName.of(extension, history.squadName(), "history", first, first == null ? null : "to", last);
	}

	@GetMapping("/organisation/matrix.csv")
	ResponseEntity<String> matrixCsv(Principal principal) {
		OrganisationMatrix matrix = insights.matrix(Callers.id(principal));
		Csv csv = new Csv().row(List.of("squad_id", "squad", "session_id", "session_name", "ended_at", "indicator_id",
				"indicator", "votes", "average", "band", "trend", "red", "yellow", "green", "improving", "stable", "worsening",
				"withheld"));
		for (OrganisationMatrix.Row row : matrix.squads()) {
			for (int i = 0; i < matrix.indicators().size(); i++) {
				Cell cell = row.cells().get(i);
				if (cell != null) {
					OrganisationMatrix.Indicator indicator = matrix.indicators().get(i);
					csv.row(cellRow(java.util.Arrays.asList(row.squadId(), row.squadName(), row.sessionId(),
							row.sessionName(), row.endedAt(), indicator.indicatorId(), indicator.title()), cell));
				}
			}
		}
		return download(DownloadName.of("csv", "organisation-matrix", today()), CSV, csv.toString());
	}

	@GetMapping("/organisation/matrix.json")
	ResponseEntity<String> matrixJson(Principal principal) {
		return download(DownloadName.of("json", "organisation-matrix", today()), MediaType.APPLICATION_JSON,
				json.writeValueAsString(insights.matrix(Callers.id(principal))));
	}

	private static List<Object> cellRow(List<Object> leading, Cell cell) {
		List<Object> values = new ArrayList<>(leading);
		values.addAll(java.util.Arrays.asList(cell.votes(), cell.average(), cell.band(), cell.trend(), cell.red(),
				cell.yellow(), cell.green(), cell.improving(), cell.stable(), cell.worsening(), cell.withheld()));
		return values;
	}

	private String today() {
		return day(clock.instant());
	}

	private static String day(java.time.Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
	}

	private static ResponseEntity<String> download(DownloadName name, MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, name.contentDisposition())
			.body(body);
	}

}
