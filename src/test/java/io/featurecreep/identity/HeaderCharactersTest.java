package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The firewall's header checks without regular expressions (issue #15) must accept and refuse exactly what Spring
 * Security's default patterns do: compared on every code point, on lone and paired surrogates, and on random strings.
 */
class HeaderCharactersTest {

	@Test
	void everyCodePointIsJudgedAsSpringSecurityJudgesIt() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = Character.toString(codePoint);
			String inText = "Bearer abc" + alone + "def";
			sameAsSpring(alone);
			sameAsSpring(inText);
		}
	}

	@Test
	void surrogatesAloneAndInPairsAreJudgedAsSpringSecurityJudgesThem() {
		List<String> samples = List.of("\uD83D\uDE00", "a\uD83Dz", "\uDE00", "\uD83D", "x\uDE00\uD83D",
				"\uD83D\uD83D\uDE00", "\uDB7F\uDFFF", "\uDB80\uDC00", "\t", "a\tb", "\u007f", "\u0085", "\u00a0", "");
		samples.forEach(HeaderCharactersTest::sameAsSpring);
	}

	@Test
	void randomTextIsJudgedAsSpringSecurityJudgesIt() {
		Random random = new Random(15);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
			}
			sameAsSpring(text.toString());
		}
	}

	@Test
	void theFirewallStillRefusesAControlCharacterInAHeader() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Authorization", "Bearer abc\u0007");
		request.addHeader("X-Fine", "Bearer\tabc ünïcödé");

		var firewalled = firewall.getFirewalledRequest(request);

		assertThat(firewalled.getHeader("X-Fine")).isEqualTo("Bearer\tabc ünïcödé");
		assertThatThrownBy(() -> firewalled.getHeader("Authorization")).isInstanceOf(RequestRejectedException.class);
	}

	private static void sameAsSpring(String text) {
		same("name", HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_HEADER_NAMES, text);
		same("value", HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES, text);
		same("parameter name", HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES, text);
	}

	private static void same(String what, Predicate<String> ours, Predicate<String> spring, String text) {
		boolean expected = spring.test(text);
		if (ours.test(text) != expected) {
			List<String> codePoints = new ArrayList<>();
			text.codePoints().forEach(c -> codePoints.add(Integer.toHexString(c)));
			assertThat(ours.test(text)).as("%s %s", what, codePoints).isEqualTo(expected);
		}
	}

}
