package io.featurecreep.insights;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.library.Deck;
import io.featurecreep.shared.DomainException;
import io.featurecreep.squads.Squad;

/**
 * Squad histories and the organisation matrix over GraphQL, in English but for the deck's titles, which answer in the
 * request's language ({@link Deck}).
 */
@Controller
class InsightsGraphQlController {

	private final Insights insights;

	private final Deck deck;

	InsightsGraphQlController(Insights insights, Deck deck) {
		this.insights = insights;
		this.deck = deck;
	}

	@QueryMapping
	SquadHistory squadHistory(@Argument String squadId, @Argument String from, @Argument String to, Principal principal) {
		return insights.squadHistory(Callers.id(principal), squadId, instant(from, "from"), instant(to, "to"));
	}

	@QueryMapping
	OrganisationMatrix organisationMatrix(Principal principal) {
		return insights.matrix(Callers.id(principal));
	}

	@MutationMapping
	Boolean setMembersSeeMatrix(@Argument boolean allowed, Principal principal) {
		return insights.setMembersSeeMatrix(Callers.id(principal), allowed);
	}

	@MutationMapping
	Squad setSquadInMatrix(@Argument String squadId, @Argument boolean shown, Principal principal) {
		return insights.setOptOut(Callers.id(principal), squadId, !shown);
	}

	@SchemaMapping(typeName = "IndicatorHistory")
	String title(SquadHistory.Row row, @ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return deck.title(row.indicatorId(), row.title(), language);
	}

	@SchemaMapping(typeName = "MatrixIndicator", field = "title")
	String matrixTitle(OrganisationMatrix.Indicator indicator,
			@ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return deck.title(indicator.indicatorId(), indicator.title(), language);
	}

	/** The field's first name, kept for existing clients. */
	@SchemaMapping(typeName = "HistoryCell")
	boolean hidden(Cell cell) {
		return cell.withheld();
	}

	@SchemaMapping(typeName = "Squad")
	Boolean inOrganisationMatrix(Squad squad) {
		return !insights.optedOut(squad.id());
	}

	private static Instant instant(String value, String name) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badInput("'" + name + "' must be an ISO-8601 instant, for example 2026-01-31T00:00:00Z");
		}
	}

}
