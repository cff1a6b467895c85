package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.featurecreep.shared.DomainException;

/** A refused channel address says what is wrong with it, so a person can fix it; good ones are accepted. */
class ChannelTargetsTest {

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			DISCORD | https://10.0.0.1/hook                                | The address does not lead to the public internet
			DISCORD | http://127.0.0.1/x                                   | The address does not lead to the public internet
			WEBHOOK | https://[::1]/x                                      | The address does not lead to the public internet
			WEBHOOK | https://[::ffff:10.1.2.3]/x                          | The address does not lead to the public internet
			WEBHOOK | https://169.254.169.254/latest/meta-data             | The address does not lead to the public internet
			SLACK   | https://localhost/services/T0/B0/xxxxxxxxxx          | The address does not lead to the public internet
			WEBHOOK | https://app.localhost/x                              | The address does not lead to the public internet
			DISCORD | https://hooks.slack.com/services/T000/B000/XXXXXXXX  | This is a Slack address: choose Slack
			WEBHOOK | https://hooks.slack.com/services/T000/B000/XXXXXXXX  | This is a Slack address: choose Slack
			SLACK   | https://discord.com/api/webhooks/1/abc               | This is a Discord address: choose Discord
			DISCORD | https://contoso.webhook.office.com/webhookb2/x/y     | This is a Microsoft Teams address: choose Microsoft Teams
			DISCORD | javascript:alert(1)                                  | This is not a web address: it must start with https://
			WEBHOOK | not a url at all                                     | This is not a web address: it must start with https://
			WEBHOOK | //example.com/x                                      | This is not a web address: it must start with https://
			DISCORD | lead@example.org                                     | This is an e-mail address: choose E-mail
			WEBHOOK | http://example.com/x                                 | Only https addresses are accepted: the address must start with https://
			WEBHOOK | ftp://example.com/x                                  | Only https addresses are accepted: the address must start with https://
			DISCORD | https://discord.com/api/webhooks/abc/x               | This is not a valid Discord webhook URL
			DISCORD | https://example.org/hook                             | This is not a valid Discord webhook URL
			SLACK   | https://hooks.slack.com.evil.example/services/x      | This is not a valid Slack webhook URL (https://hooks.slack.com/...)
			WEBHOOK | https://user:pw@example.com/x                        | This is not a valid webhook URL (https://...)
			EMAIL   | https://example.com/x                                | This is not a valid e-mail address
			""")
	void aRefusalSaysWhatIsWrong(ChannelKind kind, String target, String reason) {
		assertThatThrownBy(() -> ChannelTargets.validate(kind, target)).isInstanceOf(DomainException.class)
			.hasMessage(reason);
	}

	@Test
	void aMissingAddressIsAskedFor() {
		assertThatThrownBy(() -> ChannelTargets.validate(ChannelKind.TEAMS, "  "))
			.hasMessage("Please give the Microsoft Teams workflow or webhook URL");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			DISCORD | https://discord.com/api/webhooks/842715899009826836/abc-DEF_123
			SLACK   | https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX
			TEAMS   | https://contoso.webhook.office.com/webhookb2/abc-def/IncomingWebhook/x
			WEBHOOK | https://receiver.example/hooks/1
			WEBHOOK | https://93.184.215.14/hook
			""")
	void goodAddressesAreAccepted(ChannelKind kind, String target) {
		assertThat(ChannelTargets.validate(kind, target)).isEqualTo(target);
	}

	@Test
	void anEmailAddressIsKeptInLowerCase() {
		assertThat(ChannelTargets.validate(ChannelKind.EMAIL, " Lead@Example.ORG ")).isEqualTo("lead@example.org");
	}

	@Test
	void aRefusalCarriesItsMessageKeyForPagesInOtherLanguages() {
		assertThatThrownBy(() -> ChannelTargets.validate(ChannelKind.DISCORD, "https://10.0.0.1/hook"))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.messageKey()).isEqualTo("channel.target.notPublic"));
	}

}
