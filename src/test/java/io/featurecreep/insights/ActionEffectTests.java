package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.insights.InsightsPages.ActionEffect;

/**
 * What an action's indicator did after the session that agreed on it, as the history page says it (in the reader's
 * words: {@code InsightsTests}).
 */
class ActionEffectTests {

	static final SquadHistory HISTORY = new SquadHistory("squad", "Squad",
			List.of(column("s1"), column("s2"), column("s3"), column("s4")), List.of());

	@Test
	void comparesTheSessionThatAgreedWithTheLatestKnownAverage() {
		ActionEffect better = ActionEffect.of(action("s1"), HISTORY, averages(0.5, 1.0, 1.5, null));
		assertThat(better.then()).isEqualTo(0.5);
		assertThat(better.now()).isEqualTo(1.5);
		assertThat(better.change()).isEqualTo(1.0);
		ActionEffect worse = ActionEffect.of(action("s2"), HISTORY, averages(0.5, 1.75, 1.0, null));
		assertThat(worse.then()).isEqualTo(1.75);
		assertThat(worse.now()).isEqualTo(1.0);
		assertThat(worse.change()).isEqualTo(-0.75);
	}

	@Test
	void saysNothingItDoesNotKnow() {
		ActionEffect latest = ActionEffect.of(action("s3"), HISTORY, averages(0.5, 1.0, 1.5, null));
		assertThat(latest.then()).isEqualTo(1.5);
		assertThat(latest.now()).as("no later session yet").isNull();
		assertThat(latest.change()).isNull();
		assertThat(ActionEffect.of(action("s4"), HISTORY, averages(0.5, 1.0, 1.5, null)).then())
			.as("withheld or not asked when agreed")
			.isNull();
		assertThat(ActionEffect.of(action("outside the range"), HISTORY, averages(0.5, 1.0, 1.5, 2.0)).then()).isNull();
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
