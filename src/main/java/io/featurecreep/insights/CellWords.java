package io.featurecreep.insights;

import java.text.MessageFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

import io.featurecreep.healthcheck.QuestionResult.Band;
import io.featurecreep.healthcheck.Trend;

/**
 * The words of one page's heat map cells, in the reader's language: each cell's details and what a cell that was not
 * asked says. Made once per page, with its formats parsed once, because a matrix of 500 squads has 4,000 cells and
 * asking the message source for each one's words took longer than writing the cells (see {@link HeatCells}). Not
 * thread-safe, as {@link MessageFormat} is not: one page, one instance.
 */
final class CellWords {

	private final MessageFormat details;

	private final MessageFormat withheld;

	private final MessageFormat noVotes;

	private final MessageFormat trends;

	private final MessageFormat overall;

	private final String red;

	private final String yellow;

	private final String green;

	private final String improving;

	private final String stable;

	private final String worsening;

	private final String notAsked;

	private final int minVotes;

	private CellWords(MessageSource messages, Locale reader, int minVotes) {
		this.details = format(messages, "insights.cell.details", reader);
		this.withheld = format(messages, "insights.cell.withheld", reader);
		this.noVotes = format(messages, "insights.cell.noVotes", reader);
		this.trends = format(messages, "insights.cell.trends", reader);
		this.overall = format(messages, "insights.cell.overall", reader);
		this.red = messages.getMessage("insights.cell.band.red", null, reader);
		this.yellow = messages.getMessage("insights.cell.band.yellow", null, reader);
		this.green = messages.getMessage("insights.cell.band.green", null, reader);
		this.improving = messages.getMessage("insights.trend.improving", null, reader);
		this.stable = messages.getMessage("insights.trend.stable", null, reader);
		this.worsening = messages.getMessage("insights.trend.worsening", null, reader);
		this.notAsked = messages.getMessage("insights.cell.notAsked", null, reader);
		this.minVotes = minVotes;
	}

	static CellWords of(MessageSource messages, Locale reader, int minVotes) {
		return new CellWords(messages, reader, minVotes);
	}

	/** What a cell says in words; {@code what}: the squad or session and the indicator it is for. */
	String details(Cell cell, String what) {
		if (cell.votes() == 0) {
			return noVotes.format(new Object[] { what });
		}
		if (cell.withheld()) {
			return withheld.format(new Object[] { what, count(cell.votes()), count(minVotes) });
		}
		String votes = trends.format(new Object[] { count(cell.improving()), count(cell.stable()), count(cell.worsening()) });
		if (cell.trend() != null) {
			votes = votes + " " + overall.format(new Object[] { trend(cell.trend()) });
		}
		return details.format(new Object[] { what, count(cell.votes()), band(cell.band()), count(cell.red()),
				count(cell.yellow()), count(cell.green()), cell.average(), votes });
	}

	/**
	 * A count as digits: MessageFormat would make a new number format for each number it is given without one, which
	 * cost more than all the rest of a cell; counts of votes need no digit grouping in any of the languages.
	 */
	private static String count(Integer count) {
		return String.valueOf(count);
	}

	/** What the cell of an indicator that was not asked says to screen readers. */
	String notAsked() {
		return notAsked;
	}

	private String band(Band band) {
		return switch (band) {
			case RED -> red;
			case YELLOW -> yellow;
			case GREEN -> green;
			case NONE -> "";
		};
	}

	private String trend(Trend trend) {
		return switch (trend) {
			case IMPROVING -> improving;
			case STABLE -> stable;
			case WORSENING -> worsening;
		};
	}

	/**
	 * The text with arguments as the message source holds it (a text asked for without arguments comes back as
	 * written), parsed once for the reader's language.
	 */
	private static MessageFormat format(MessageSource messages, String key, Locale reader) {
		return new MessageFormat(messages.getMessage(key, null, reader), reader);
	}

}
