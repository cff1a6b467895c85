package io.featurecreep.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics behind alerts, without Spring, so that thousands of generated histories can be checked in a test
 * (docs/alerts.md says why each rule is as it is and what false alert rates it gives). It looks at one indicator of one
 * squad: its votes in the session just recorded and in up to {@link #WINDOW} earlier sessions that asked it and show
 * its result (results withheld by anonymity are never given to it).
 * <ul>
 * <li>{@link Kind#DROP}: the votes of this session rank clearly below those of the earlier ones: an exact one-sided
 * rank-sum test (Mann-Whitney U with mid-ranks for the three colours, its exact distribution given the colours
 * voted) at {@link #DROP_LEVEL}, and an average at least {@link #DROP_SIZE} lower, so a significant but tiny change
 * is no alert. Needs two earlier sessions.</li>
 * <li>{@link Kind#RED_STREAK}: the average is red (below 0.5) in this session and in the one before.</li>
 * <li>{@link Kind#SPLIT}: at least 40 % of the votes red and at least 40 % green (each at least
 * {@link #SPLIT_MIN_EACH} votes), whatever the average says: most of the squad at opposite ends.</li>
 * <li>{@link Kind#EXPECT_WORSE}: more than half of those who voted expect it to get worse.</li>
 * </ul>
 * No rule looks at a session with fewer than {@code minVotes} votes.
 */
final class AlertRules {

	/** How many earlier sessions a drop is measured against. */
	static final int WINDOW = 3;

	/** The one-sided significance level of the rank test for a drop. */
	static final double DROP_LEVEL = 0.025;

	/** The least fall of the average that counts as a drop. */
	static final double DROP_SIZE = 0.3;

	/** The fewest red and the fewest green votes that make a split. */
	static final int SPLIT_MIN_EACH = 2;

	private final int minVotes;

	AlertRules(int minVotes) {
		this.minVotes = minVotes;
	}

	/** What an alert is about. */
	enum Kind {

		DROP, RED_STREAK, SPLIT, EXPECT_WORSE

	}

	/** One indicator's votes in one session: the colours, and how many expect it to get worse. */
	record Votes(int red, int yellow, int green, int worsening) {

		int count() {
			return red + yellow + green;
		}

		double average() {
			return (yellow + 2.0 * green) / count();
		}

	}

	/**
	 * What the rule found: this session's average and votes; {@code reference} the earlier average it is compared
	 * with (the earlier sessions' votes together for a drop, the session before for a red streak), over
	 * {@code sessions} earlier sessions; {@code count} the votes that make the case (red for a split, worsening for
	 * "expect worse"), {@code other} the green votes of a split; {@code p} the rank test's p-value of a drop.
	 */
	record Finding(Kind kind, double average, int votes, Double reference, int sessions, int count, int other,
			Double p) {
	}

	/** The alerts this session's votes raise, given the earlier sessions' (oldest first). */
	List<Finding> evaluate(Votes current, List<Votes> earlier) {
		List<Finding> findings = new ArrayList<>();
		if (current.count() < minVotes) {
			return findings;
		}
		List<Votes> window = usable(earlier);
		int n = current.count();
		double average = current.average();
		if (window.size() >= 2) {
			Votes pooled = pooled(window);
			double reference = pooled.average();
			if (reference - average >= DROP_SIZE) {
				double p = rankTestLower(current, pooled);
				if (p <= DROP_LEVEL) {
					findings.add(new Finding(Kind.DROP, average, n, reference, window.size(), 0, 0, p));
				}
			}
		}
		if (!window.isEmpty()) {
			Votes before = window.get(window.size() - 1);
			if (red(average) && red(before.average())) {
				findings.add(new Finding(Kind.RED_STREAK, average, n, before.average(), 1, 0, 0, null));
			}
		}
		if (current.red() >= SPLIT_MIN_EACH && current.green() >= SPLIT_MIN_EACH && 5 * current.red() >= 2 * n
				&& 5 * current.green() >= 2 * n) {
			findings.add(new Finding(Kind.SPLIT, average, n, null, 0, current.red(), current.green(), null));
		}
		if (2 * current.worsening() > n) {
			findings.add(new Finding(Kind.EXPECT_WORSE, average, n, null, 0, current.worsening(), 0, null));
		}
		return findings;
	}

	private List<Votes> usable(List<Votes> earlier) {
		List<Votes> usable = earlier.stream().filter(votes -> votes.count() >= minVotes).toList();
		return usable.subList(Math.max(0, usable.size() - WINDOW), usable.size());
	}

	private static boolean red(double average) {
		return average < io.featurecreep.healthcheck.QuestionResult.Band.RED_BELOW;
	}

	private static Votes pooled(List<Votes> sessions) {
		int red = 0;
		int yellow = 0;
		int green = 0;
		for (Votes votes : sessions) {
			red += votes.red();
			yellow += votes.yellow();
			green += votes.green();
		}
		return new Votes(red, yellow, green, 0);
	}

	/**
	 * The exact one-sided p-value of the rank-sum test that {@code current} ranks below {@code earlier}: ranking all
	 * votes together (ties share their mid-rank), the chance that a random {@code current.count()} of them have a rank
	 * sum as low as this session's, when which vote came from which session does not matter. With three colours that
	 * chance is a sum over the multivariate hypergeometric distribution of the colours, so no normal approximation
	 * is needed, however few voted.
	 */
	static double rankTestLower(Votes current, Votes earlier) {
		int red = current.red() + earlier.red();
		int yellow = current.yellow() + earlier.yellow();
		int green = current.green() + earlier.green();
		int total = red + yellow + green;
		int n = current.count();
		double redRank = (red + 1) / 2.0;
		double yellowRank = red + (yellow + 1) / 2.0;
		double greenRank = red + yellow + (green + 1) / 2.0;
		double observed = current.red() * redRank + current.yellow() * yellowRank + current.green() * greenRank;
		double logAll = logChoose(total, n);
		double p = 0;
		for (int r = Math.max(0, n - yellow - green); r <= Math.min(red, n); r++) {
			for (int y = Math.max(0, n - r - green); y <= Math.min(yellow, n - r); y++) {
				int g = n - r - y;
				double sum = r * redRank + y * yellowRank + g * greenRank;
				if (sum <= observed + 1e-9) {
					p += Math.exp(logChoose(red, r) + logChoose(yellow, y) + logChoose(green, g) - logAll);
				}
			}
		}
		return Math.min(1.0, p);
	}

	private static double logChoose(int n, int k) {
		return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
	}

	private static double logFactorial(int n) {
		double sum = 0;
		for (int i = 2; i <= n; i++) {
			sum += Math.log(i);
		}
		return sum;
	}

}
