package io.featurecreep.insights;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Callers;
import io.featurecreep.identity.People;
import io.featurecreep.identity.Person;
import io.featurecreep.library.Deck;

/** A squad's alerts over GraphQL, their words in the request's language ({@link Deck#GRAPHQL_LANGUAGE}). */
@Controller
class AlertGraphQlController {

	private final Alerts alerts;

	private final People people;

	AlertGraphQlController(Alerts alerts, People people) {
		this.alerts = alerts;
		this.people = people;
	}

	@QueryMapping(name = "alerts")
	List<Alert> alerts(@Argument String squadId, Principal principal) {
		return alerts.ofSquad(Callers.id(principal), squadId);
	}

	@MutationMapping
	Alert dismissAlert(@Argument String alertId, @Argument String note, Principal principal) {
		return alerts.dismiss(Callers.id(principal), alertId, note);
	}

	@SchemaMapping(typeName = "Alert", field = "title")
	String title(Alert alert, @ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return alerts.title(alert, language(language));
	}

	@SchemaMapping(typeName = "Alert")
	String evidence(Alert alert, @ContextValue(name = Deck.GRAPHQL_LANGUAGE, required = false) Locale language) {
		return alerts.evidence(alert, language(language));
	}

	@SchemaMapping(typeName = "Alert")
	String sessionEndedAt(Alert alert) {
		return alert.sessionEndedAt().toString();
	}

	@SchemaMapping(typeName = "Alert")
	String raisedAt(Alert alert) {
		return alert.raisedAt().toString();
	}

	@SchemaMapping(typeName = "Alert")
	boolean dismissed(Alert alert) {
		return alert.dismissed();
	}

	@SchemaMapping(typeName = "Alert")
	String dismissedAt(Alert alert) {
		return alert.dismissedAt() == null ? null : alert.dismissedAt().toString();
	}

	@SchemaMapping(typeName = "Alert")
	int green(Alert alert) {
		return alert.kind() == AlertRules.Kind.SPLIT ? alert.other() : 0;
	}

	@SchemaMapping(typeName = "Alert")
	Double pValue(Alert alert) {
		return alert.p();
	}

	@SchemaMapping(typeName = "Alert")
	Person dismissedBy(Alert alert) {
		return alert.dismissedBy() == null ? null : people.findById(alert.dismissedBy()).orElse(null);
	}

	private static Locale language(Locale requested) {
		return requested == null ? Locale.ENGLISH : requested;
	}

}
