package io.featurecreep.notifications;

import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;
import io.featurecreep.notifications.DeliveryStore.Purpose;
import io.featurecreep.notifications.SquadNotifications.AddedChannel;
import io.featurecreep.notifications.SquadNotifications.SquadLog;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.squads.Membership;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadPageContributor;
import io.featurecreep.squads.SquadPagePart;

/**
 * The notification channels and the delivery log on the squad page. Owners add channels of every kind (each gets a
 * test message first; a signed webhook's secret shows once, right after), test and remove them, and retry failed
 * reports and reminders. Members who do not own the squad see which kinds of channel there are and how deliveries
 * went, never an address, a secret or an error text. What the page says comes in its reader's language: refusals from
 * their keys, and the reasons the delivery log stores in English recognised and said again ({@link StoredReasons}).
 */
@Controller
class NotificationPages implements SquadPageContributor {

	static final int LOG_LINES = 20;

	private final SquadNotifications notifications;

	private final MessageSource messages;

	NotificationPages(SquadNotifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@Override
	public List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer) {
		boolean owner = viewer.isOwner();
		Locale locale = LocaleContextHolder.getLocale();
		SquadLog log = notifications.logForPage(squad.id(), LOG_LINES);
		Map<String, NotificationChannel> byId = log.channels()
			.stream()
			.collect(Collectors.toMap(NotificationChannel::id, Function.identity()));
		Map<String, Object> values = new HashMap<>();
		values.put("squadId", squad.id());
		values.put("owner", owner);
		values.put("kinds", Arrays.stream(ChannelKind.values())
			.filter(kind -> !kind.connectedApp())
			.map(KindOption::of)
			.toList());
		values.put("emailAvailable", notifications.emailAvailable());
		values.put("channels", log.channels().stream().map(channel -> ChannelLine.of(channel, owner)).toList());
		values.put("deliveries", log.deliveries()
			.stream()
			.map(delivery -> DeliveryLine.of(delivery, byId.get(delivery.channelId()),
					log.attempts().getOrDefault(delivery.id(), List.of()), owner, reason -> said(reason, locale)))
			.toList());
		return List.of(new SquadPagePart(90, "notifications/squad-part", "notifications", values));
	}

	@PostMapping("/squads/{squadId}/channels")
	String add(@PathVariable String squadId, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String target, @RequestParam(required = false) String botToken,
			@RequestParam(required = false) String signingSecret,
			@RequestParam(required = false) String applicationId, @RequestParam(required = false) String publicKey,
			Principal principal, RedirectAttributes redirect, Locale locale) {
		try {
			AddedChannel added = notifications.addChannel(Callers.id(principal), squadId, kindOf(kind), target,
					new ChatAppSettings(botToken, signingSecret, applicationId, publicKey));
			redirect.addFlashAttribute("channelAdded",
					messages.getMessage(ChannelTargets.label(added.channel().kind()), locale));
			if (added.signingSecret() != null) {
				redirect.addFlashAttribute("signingSecret", added.signingSecret());
			}
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("channelKind", kind);
			redirect.addFlashAttribute("channelTarget", target);
			redirect.addFlashAttribute("channelError", inWords(refused, locale));
		}
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/channels/{channelId}/test")
	String test(@PathVariable String squadId, @PathVariable String channelId, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		requireChannelOf(squadId, channelId);
		Delivery test = notifications.sendTest(Callers.id(principal), channelId);
		redirect.addFlashAttribute(test.lastError() == null ? "testSent" : "testFailed",
				test.lastError() == null ? true : said(test.lastError(), locale));
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/channels/{channelId}/remove")
	String remove(@PathVariable String squadId, @PathVariable String channelId, Principal principal,
			RedirectAttributes redirect) {
		requireChannelOf(squadId, channelId);
		notifications.removeChannel(Callers.id(principal), channelId);
		redirect.addFlashAttribute("channelRemoved", true);
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/deliveries/{deliveryId}/retry")
	String retry(@PathVariable String squadId, @PathVariable String deliveryId, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		if (notifications.deliveryOf(squadId, deliveryId).isEmpty()) {
			throw DomainException.notFound("Delivery not found");
		}
		try {
			notifications.retry(Callers.id(principal), deliveryId);
			redirect.addFlashAttribute("retried", true);
		}
		catch (DomainException refused) {
			refused.rethrowUnlessBadInput();
			redirect.addFlashAttribute("deliveryError", inWords(refused, locale));
		}
		return "redirect:/squads/{squadId}#deliveries";
	}

	private void requireChannelOf(String squadId, String channelId) {
		if (notifications.channelOf(squadId, channelId).isEmpty()) {
			throw DomainException.notFound("Channel not found");
		}
	}

	/** A kind the form does not offer is the form's problem, reported like any other refusal of the input. */
	private static ChannelKind kindOf(String kind) {
		for (ChannelKind known : ChannelKind.values()) {
			if (known.name().equals(kind)) {
				return known;
			}
		}
		throw DomainException.of(ErrorCode.BAD_USER_INPUT, "channels.add.kindMissing");
	}

	/** A refusal in the reader's language; one written in English only (no key) as it is. */
	private String inWords(DomainException refused, Locale locale) {
		return refused.messageIn(messages, locale);
	}

	/** A reason the delivery log stored, in the reader's language where it is one the page knows. */
	private String said(String storedReason, Locale locale) {
		return StoredReasons.recognise(storedReason) instanceof MessageSourceResolvable phrase
				? messages.getMessage(phrase, locale) : storedReason;
	}

	/** A kind of channel the form offers, and the key of its name. */
	record KindOption(String name, String labelKey) {

		static KindOption of(ChannelKind kind) {
			return new KindOption(kind.name(), kind.labelKey());
		}

	}

	/** A channel as the page lists it: owners see its address, masked; members only its kind. */
	record ChannelLine(String id, String kind, String kindKey, String target) {

		static ChannelLine of(NotificationChannel channel, boolean owner) {
			return new ChannelLine(channel.id(), channel.kind().name(), channel.kind().labelKey(),
					owner ? ChannelTargets.masked(channel.kind(), channel.target()) : null);
		}

	}

	/** An attempt of the log as owners see it, its error in their language. */
	record AttemptLine(int attempt, Instant at, boolean delivered, String error) {
	}

	/**
	 * A line of the delivery log. Members see what, where (the kind), when and how it stands; owners also the masked
	 * address, the last error and every attempt, and may retry what failed.
	 */
	record DeliveryLine(String id, String purposeKey, String status, String statusKey, int attempts,
			String channelKindKey, String channelTarget, String lastError, Instant createdAt, Instant lastAttemptAt,
			List<AttemptLine> attemptLog, boolean retryable) {

		static DeliveryLine of(Delivery delivery, NotificationChannel channel, List<DeliveryAttempt> attempts,
				boolean owner, Function<String, String> inReadersLanguage) {
			Instant lastAttempt = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).at();
			// as DeliveryStore.retry: reports and reminders only (a test, an invitation or a chat call has had its moment)
			boolean retryable = owner && "FAILED".equals(delivery.status())
					&& ("REPORT".equals(delivery.purpose()) || "REMINDER".equals(delivery.purpose()));
			List<AttemptLine> attemptLog = !owner ? List.of()
					: attempts.stream()
						.map(a -> new AttemptLine(a.attempt(), a.at(), a.delivered(),
								a.error() == null ? null : inReadersLanguage.apply(a.error())))
						.toList();
			return new DeliveryLine(delivery.id(), Purpose.valueOf(delivery.purpose()).labelKey(), delivery.status(),
					statusKey(delivery.status()), delivery.attempts(),
					channel == null ? null : channel.kind().labelKey(),
					owner && channel != null ? ChannelTargets.masked(channel.kind(), channel.target()) : null,
					owner && delivery.lastError() != null ? inReadersLanguage.apply(delivery.lastError()) : null,
					delivery.createdAt(), lastAttempt, attemptLog, retryable);
		}

		private static String statusKey(String status) {
			return switch (status) {
				case "PENDING" -> "deliveries.status.PENDING";
				case "DELIVERED" -> "deliveries.status.DELIVERED";
				case "FAILED" -> "deliveries.status.FAILED";
				case "CANCELLED" -> "deliveries.status.CANCELLED";
				default -> throw new IllegalStateException("A delivery status the log does not know: " + status);
			};
		}

	}

}
