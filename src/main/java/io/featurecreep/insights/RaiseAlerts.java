package io.featurecreep.insights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.Anonymity;
import io.featurecreep.healthcheck.QuestionResult;
import io.featurecreep.insights.AlertRules.Finding;
import io.featurecreep.insights.AlertRules.Votes;
import io.featurecreep.insights.ResultHistory.SessionOutcome;

/**
 * Looks at each indicator of a session just entered in the history ({@link RecordHistory}, same transaction) and
 * stores the alerts {@link AlertRules} find. It reads the history as everyone does, through the anonymity rule: a
 * withheld result (fewer votes than the anonymous minimum) raises nothing and is no evidence for a later one; and no
 * rule looks at fewer votes than that minimum, in any squad.
 */
@Component
class RaiseAlerts {

	/** Enough sessions to find {@link AlertRules#WINDOW} earlier ones that asked an indicator now and then. */
	private static final int SESSIONS_READ = 3 * AlertRules.WINDOW + 1;

	private final ResultHistory history;

	private final AlertStore alerts;

	private final AlertRules rules;

	private final Clock clock;

	RaiseAlerts(ResultHistory history, AlertStore alerts, Anonymity anonymity, Clock clock) {
		this.history = history;
		this.alerts = alerts;
		this.rules = new AlertRules(anonymity.minVotesAnonymous());
		this.clock = clock;
	}

	void of(String sessionId) {
		Optional<SessionOutcome> recorded = history.of(sessionId);
		if (recorded.isEmpty()) {
			return;
		}
		SessionOutcome session = recorded.get();
		List<SessionOutcome> sessions = history.upTo(session.squadId(), session.endedAt(), SESSIONS_READ);
		List<SessionOutcome> earlier = sessions.stream().filter(s -> !s.sessionId().equals(sessionId)).toList();
		for (QuestionResult result : session.questions()) {
			votes(result).ifPresent(current -> rules.evaluate(current, earlierVotes(result.indicatorKey(), earlier))
				.forEach(finding -> raise(session, result, finding)));
		}
	}

	private void raise(SessionOutcome session, QuestionResult result, Finding finding) {
		alerts.raise(session.squadId(), session.sessionId(), result.questionId(), finding, clock.instant());
	}

	/** The indicator's votes in the earlier sessions that asked it and show its result, oldest first. */
	private static List<Votes> earlierVotes(String indicatorKey, List<SessionOutcome> earlier) {
		List<Votes> votes = new ArrayList<>();
		for (SessionOutcome session : earlier) {
			session.questions()
				.stream()
				.filter(result -> result.indicatorKey().equals(indicatorKey))
				.findFirst()
				.flatMap(RaiseAlerts::votes)
				.ifPresent(votes::add);
		}
		return votes;
	}

	/** The colours and worsening trends of a result that shows them; none for a withheld one or without votes. */
	private static Optional<Votes> votes(QuestionResult result) {
		if (result.withheld() || result.votes() == 0 || result.red() + result.yellow() + result.green() == 0) {
			return Optional.empty();
		}
		return Optional.of(new Votes(result.red(), result.yellow(), result.green(), result.worsening()));
	}

}
