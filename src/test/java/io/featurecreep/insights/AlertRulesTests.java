package io.featurecreep.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.featurecreep.insights.AlertRules.Finding;
import io.featurecreep.insights.AlertRules.Kind;
import io.featurecreep.insights.AlertRules.Votes;

/**
 * The statistics of alerts on generated histories, without Spring: planted drops, red streaks, splits and gloomy
 * trends are found, and on stable histories (votes drawn from one fixed distribution session after session) false
 * alerts stay under 5 % per indicator and session. The measured rates are printed; docs/alerts.md quotes them.
 */
class AlertRulesTests {

	static final int SQUADS = 1_000;

	static final int SESSIONS = 10;

	final AlertRules rules = new AlertRules(3);

	@Test
	void aPlantedDropIsFound() {
		List<Votes> earlier = List.of(new Votes(0, 2, 4, 0), new Votes(0, 3, 3, 0), new Votes(1, 1, 4, 0));
		List<Finding> findings = rules.evaluate(new Votes(3, 3, 0, 0), earlier);
		Finding drop = findings.stream().filter(f -> f.kind() == Kind.DROP).findFirst().orElseThrow();
		assertThat(drop.average()).isEqualTo(0.5);
		assertThat(drop.reference()).isCloseTo(1.56, org.assertj.core.data.Offset.offset(0.01));
		assertThat(drop.sessions()).isEqualTo(3);
		assertThat(drop.votes()).isEqualTo(6);
		assertThat(drop.p()).isLessThan(AlertRules.DROP_LEVEL);
	}

	@Test
	void aSmallOrUnevidencedFallIsNoDrop() {
		List<Votes> earlier = List.of(new Votes(0, 2, 4, 0), new Votes(0, 3, 3, 0), new Votes(1, 1, 4, 0));
		assertThat(kinds(rules.evaluate(new Votes(0, 3, 3, 0), earlier))).doesNotContain(Kind.DROP);
		// a fall, but of three votes after one earlier session: too little to tell
		assertThat(kinds(rules.evaluate(new Votes(2, 1, 0, 0), List.of(new Votes(0, 1, 2, 0))))).doesNotContain(Kind.DROP);
	}

	@Test
	void redTwiceInARowIsAStreakAndOnceIsNot() {
		assertThat(kinds(rules.evaluate(new Votes(4, 1, 0, 0), List.of(new Votes(3, 1, 0, 0))))).contains(Kind.RED_STREAK);
		assertThat(kinds(rules.evaluate(new Votes(4, 1, 0, 0), List.of(new Votes(0, 4, 0, 0))))).doesNotContain(Kind.RED_STREAK);
		assertThat(kinds(rules.evaluate(new Votes(4, 1, 0, 0), List.of()))).doesNotContain(Kind.RED_STREAK);
	}

	@Test
	void aSplitSquadIsFoundEvenWhenItsAverageLooksFine() {
		Votes split = new Votes(3, 0, 3, 0);
		assertThat(split.average()).isEqualTo(1.0);
		assertThat(kinds(rules.evaluate(split, List.of()))).containsExactly(Kind.SPLIT);
		assertThat(kinds(rules.evaluate(new Votes(1, 4, 1, 0), List.of()))).doesNotContain(Kind.SPLIT);
	}

	@Test
	void aMajorityExpectingWorseIsFound() {
		assertThat(kinds(rules.evaluate(new Votes(0, 3, 2, 3), List.of()))).containsExactly(Kind.EXPECT_WORSE);
		assertThat(kinds(rules.evaluate(new Votes(0, 3, 3, 3), List.of()))).doesNotContain(Kind.EXPECT_WORSE);
	}

	@Test
	void nothingFromFewerVotesThanTheMinimum() {
		assertThat(rules.evaluate(new Votes(1, 0, 1, 2), List.of(new Votes(2, 0, 0, 0)))).isEmpty();
	}

	@Test
	void theRankTestIsExact() {
		// 2 red of 4 votes drawn from 2 red and 2 green: the lowest rank sum, 1 chance in C(4,2) = 6
		assertThat(AlertRules.rankTestLower(new Votes(2, 0, 0, 0), new Votes(0, 0, 2, 0))).isCloseTo(1 / 6.0,
				org.assertj.core.data.Offset.offset(1e-9));
		// identical samples are no evidence at all
		assertThat(AlertRules.rankTestLower(new Votes(0, 3, 0, 0), new Votes(0, 6, 0, 0))).isEqualTo(1.0);
	}

	/**
	 * 1,000 squads × 10 sessions for each of three stable squads (healthy, middling, struggling), 4 to 10 votes a
	 * session, 10 % or 15 % of the voters expecting worse: the share of (indicator, session) evaluations that raise
	 * an alert.
	 */
	@Test
	void falseAlertsOnStableHistoriesStayUnderFivePercent() {
		double[][] squads = { { 0.10, 0.40, 0.50 }, { 0.20, 0.55, 0.25 }, { 0.30, 0.50, 0.20 } };
		String[] names = { "healthy 10/40/50", "middling 20/55/25", "struggling 30/50/20" };
		for (int s = 0; s < squads.length; s++) {
			for (double worsening : new double[] { 0.10, 0.15 }) {
				Map<Kind, Double> rates = falseAlertRates(squads[s], worsening, new Random(17 + s));
				double any = rates.remove(null);
				System.out.printf("False alerts per indicator and session, %s, worsening %.0f %%: any %.2f %%, %s%n",
						names[s], 100 * worsening, 100 * any, rates.entrySet()
							.stream()
							.sorted(Map.Entry.comparingByKey())
							.map(e -> e.getKey() + " " + String.format("%.2f %%", 100 * e.getValue()))
							.toList());
				assertThat(any).as(names[s]).isLessThan(0.05);
			}
		}
	}

	/** The share of planted drops (one session from a clearly worse distribution) that are found. */
	@Test
	void mostPlantedDropsAreFound() {
		Random random = new Random(42);
		int found = 0;
		for (int squad = 0; squad < SQUADS; squad++) {
			List<Votes> earlier = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				earlier.add(draw(random, new double[] { 0.10, 0.40, 0.50 }, 0.2, 6 + random.nextInt(5)));
			}
			Votes dropped = draw(random, new double[] { 0.50, 0.40, 0.10 }, 0.2, 6 + random.nextInt(5));
			found += kinds(rules.evaluate(dropped, earlier)).contains(Kind.DROP) ? 1 : 0;
		}
		System.out.printf("Planted drops (average 1.4 to 0.6, 6-10 votes, 3 earlier sessions) found: %.1f %%%n",
				100.0 * found / SQUADS);
		assertThat(found).isGreaterThan(SQUADS * 7 / 10);
	}

	/** Rates per kind, and under the key null the rate of any alert. */
	Map<Kind, Double> falseAlertRates(double[] colours, double worsening, Random random) {
		Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
		int any = 0;
		int evaluations = 0;
		for (int squad = 0; squad < SQUADS; squad++) {
			List<Votes> history = new ArrayList<>();
			for (int session = 0; session < SESSIONS; session++) {
				Votes votes = draw(random, colours, worsening, 4 + random.nextInt(7));
				List<Finding> findings = rules.evaluate(votes, history);
				findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
				any += findings.isEmpty() ? 0 : 1;
				evaluations++;
				history.add(votes);
			}
		}
		Map<Kind, Double> rates = new java.util.HashMap<>();
		for (Kind kind : Kind.values()) {
			rates.put(kind, counts.getOrDefault(kind, 0) / (double) evaluations);
		}
		rates.put(null, any / (double) evaluations);
		return rates;
	}

	static Votes draw(Random random, double[] colours, double worsening, int voters) {
		int red = 0;
		int yellow = 0;
		int green = 0;
		int worse = 0;
		for (int v = 0; v < voters; v++) {
			double x = random.nextDouble();
			if (x < colours[0]) {
				red++;
			}
			else if (x < colours[0] + colours[1]) {
				yellow++;
			}
			else {
				green++;
			}
			worse += random.nextDouble() < worsening ? 1 : 0;
		}
		return new Votes(red, yellow, green, worse);
	}

	static List<Kind> kinds(List<Finding> findings) {
		return findings.stream().map(Finding::kind).toList();
	}

}
