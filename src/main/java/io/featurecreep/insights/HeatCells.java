package io.featurecreep.insights;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

import io.featurecreep.insights.InsightsPages.CellView;

/**
 * The table cells of a heat map row as HTML. Written here rather than in the template because a matrix of 500
 * squads has 4,000 cells, and Thymeleaf processing each cell's few elements cost most of the page's server
 * time; every text is escaped here as the template would. One cell: colour (band), trend arrow and count; its
 * details in words are written once, as its accessible description, which {@code js/insights.js} also shows
 * under the table on hover and focus. The words come in the reader's language ({@link CellWords}).
 */
final class HeatCells {

	private HeatCells() {
	}

	/** {@code notAsked}: what the cell of an indicator that was not asked says to screen readers. */
	static String html(List<CellView> cells, String notAsked) {
		StringBuilder html = new StringBuilder(cells.size() * 400);
		for (CellView cell : cells) {
			html.append("<td class=\"heat-cell\">");
			if (cell == null) {
				html.append("<span class=\"muted\" aria-label=\"")
					.append(escape(notAsked))
					.append("\">–</span>");
			}
			else {
				String id = escape(cell.id());
				html.append("<span class=\"heat ")
					.append(escape(cell.css()))
					.append("\" tabindex=\"0\" data-cell aria-describedby=\"")
					.append(id)
					.append("\">");
				if (!cell.arrow().isEmpty()) {
					html.append("<span class=\"arrow\" aria-hidden=\"true\">").append(escape(cell.arrow())).append("</span>");
				}
				html.append("<span>n=").append(cell.votes()).append("</span></span>");
				html.append("<span class=\"visually-hidden\" id=\"")
					.append(id)
					.append("\">")
					.append(escape(cell.details()))
					.append("</span>");
			}
			html.append("</td>");
		}
		return html.toString();
	}

	/**
	 * Escapes what is markup ({@code <>&"'}) and nothing else, as the template does: the page is UTF-8, so "Spaß" and
	 * "↗" stay as they are instead of growing into entities.
	 */
	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
