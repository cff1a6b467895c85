package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scrape token as configured: none when blank, refused when too short to be a secret. */
class MetricsSettingsTest {

	@Test
	void aBlankTokenMeansNone() {
		assertThat(new MetricsSettings(null).token()).isNull();
		assertThat(new MetricsSettings("  ").token()).isNull();
	}

	@Test
	void aShortTokenStopsTheStartWithTheWayToMakeAGoodOne() {
		assertThatThrownBy(() -> new MetricsSettings("secret")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("FEATURE_CREEP_METRICS_TOKEN")
			.hasMessageContaining("openssl rand");
	}

	@Test
	void surroundingWhitespaceIsNotPartOfTheToken() {
		assertThat(new MetricsSettings(" 0123456789abcdef\n").token()).isEqualTo("0123456789abcdef");
	}

}
