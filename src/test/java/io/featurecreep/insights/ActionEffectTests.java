package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.insights.InsightsPages.ActionEffect;

/** What an action's indicator did after the session that agreed on it, as the history page says it. */
class ActionEffectTests {

	static final SquadHistory HISTORY = new SquadHistory("squad", "Squad",
			List.of(column("s1"), column("s2"), column("s3"), column("s4")), List.of());

	@Test
	void comparesTheSessionThatAgreedWithTheLatestKnownAverage() {
		assertThat(ActionEffect.of(action("s1"), HISTORY, averages(0.5, 1.0, 1.5, null)).effect())
			.isEqualTo("average 0.50 when agreed, 1.50 now (+1.00)");
		assertThat(ActionEffect.of(action("s2"), HISTORY, averages(0.5, 1.75, 1.0, null)).effect())
			.isEqualTo("average 1.75 when agreed, 1.00 now (-0.75)");
	}

	@Test
	void saysNothingItDoesNotKnow() {
		assertThat(ActionEffect.of(action("s3"), HISTORY, averages(0.5, 1.0, 1.5, null)).effect())
			.isEqualTo("average 1.50 when agreed; no later session yet");
		assertThat(ActionEffect.of(action("s4"), HISTORY, averages(0.5, 1.0, 1.5, null)).effect())
			.as("withheld or not asked when agreed")
			.isNull();
		assertThat(ActionEffect.of(action("outside the range"), HISTORY, averages(0.5, 1.0, 1.5, 2.0)).effect()).isNull();
	}

	private static List<Double> averages(Double... values) {
		return Arrays.asList(values);
	}

	private static SquadHistory.Column column(String sessionId) {
		return new SquadHistory.Column(sessionId, null, Instant.parse("2026-11-01T10:00:00Z"), false);
	}

	private static ActionItem action(String sessionId) {
		return new ActionItem("a", "squad", sessionId, "indicator", "Try", null, LocalDate.of(2026, 12, 1), Status.OPEN,
				Instant.parse("2026-11-01T10:00:00Z"));
	}

}
