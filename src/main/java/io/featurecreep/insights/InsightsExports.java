package io.featurecreep.insights;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.featurecreep.identity.Callers;
import io.featurecreep.shared.DomainException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads of a squad's history and of the organisation matrix, as CSV (one row per indicator and session, for
 * spreadsheets) and as JSON (the same shape as the GraphQL queries). Same rules as the views: withheld numbers
 * stay withheld.
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
		SquadHistory history = history(squadId, from, to, principal);
		Csv csv = new Csv().row(List.of("indicator_id", "indicator", "session_id", "ended_at", "votes", "average", "band",
				"trend", "red", "yellow", "green", "improving", "stable", "worsening", "withheld"));
		for (SquadHistory.Row row : history.indicators()) {
			for (int i = 0; i < history.sessions().size(); i++) {
				Cell cell = row.cells().get(i);
				if (cell != null) {
					csv.row(cellRow(List.of(row.indicatorId(), row.title(), cell.sessionId(),
							history.sessions().get(i).endedAt()), cell));
				}
			}
		}
		return download("squad-history.csv", CSV, csv.toString());
	}

	@GetMapping("/squads/{squadId}/history.json")
	ResponseEntity<String> historyJson(@PathVariable String squadId, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Principal principal) {
		return download("squad-history.json", MediaType.APPLICATION_JSON,
				json.writeValueAsString(history(squadId, from, to, principal)));
	}

	/** The history within the page's date filter ({@code from} and {@code to}: YYYY-MM-DD, whole UTC days). */
	private SquadHistory history(String squadId, String from, String to, Principal principal) {
		DateRange range = DateRange.of(from, to, clock.instant());
		if (!range.valid()) {
			throw DomainException.badInput(String.join("; ", range.errors().values()));
		}
		return insights.squadHistory(Callers.id(principal), squadId, range.start(), range.end());
	}

	@GetMapping("/organisation/matrix.csv")
	ResponseEntity<String> matrixCsv(Principal principal) {
		OrganisationMatrix matrix = insights.matrix(Callers.id(principal));
		Csv csv = new Csv().row(List.of("squad_id", "squad", "session_id", "ended_at", "indicator_id", "indicator", "votes",
				"average", "band", "trend", "red", "yellow", "green", "improving", "stable", "worsening", "withheld"));
		for (OrganisationMatrix.Row row : matrix.squads()) {
			for (int i = 0; i < matrix.indicators().size(); i++) {
				Cell cell = row.cells().get(i);
				if (cell != null) {
					OrganisationMatrix.Indicator indicator = matrix.indicators().get(i);
					csv.row(cellRow(List.of(row.squadId(), row.squadName(), row.sessionId(), row.endedAt(),
							indicator.indicatorId(), indicator.title()), cell));
				}
			}
		}
		return download("organisation-matrix.csv", CSV, csv.toString());
	}

	@GetMapping("/organisation/matrix.json")
	ResponseEntity<String> matrixJson(Principal principal) {
		return download("organisation-matrix.json", MediaType.APPLICATION_JSON,
				json.writeValueAsString(insights.matrix(Callers.id(principal))));
	}

	private static List<Object> cellRow(List<Object> leading, Cell cell) {
		List<Object> values = new ArrayList<>(leading);
		values.addAll(java.util.Arrays.asList(cell.votes(), cell.average(), cell.band(), cell.trend(), cell.red(),
				cell.yellow(), cell.green(), cell.improving(), cell.stable(), cell.worsening(), cell.hidden()));
		return values;
	}

	private static ResponseEntity<String> download(String filename, MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
