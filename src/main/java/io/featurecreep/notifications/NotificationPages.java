package io.featurecreep.notifications;

import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Callers;
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
 * went, never an address, a secret or an error text.
 */
@Controller
class NotificationPages implements SquadPageContributor {

	static final int LOG_LINES = 20;

	private final SquadNotifications notifications;

	NotificationPages(SquadNotifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public List<SquadPagePart> squadPage(String viewerId, Squad squad, Membership viewer) {
		boolean owner = viewer.isOwner();
		SquadLog log = notifications.logForPage(squad.id(), LOG_LINES);
		Map<String, NotificationChannel> byId = log.channels()
			.stream()
			.collect(Collectors.toMap(NotificationChannel::id, Function.identity()));
		Map<String, Object> values = new HashMap<>();
		values.put("squadId", squad.id());
		values.put("owner", owner);
		values.put("kinds", ChannelKind.values());
		values.put("emailAvailable", notifications.emailAvailable());
		values.put("channels", log.channels().stream().map(channel -> ChannelLine.of(channel, owner)).toList());
		values.put("deliveries", log.deliveries()
			.stream()
			.map(delivery -> DeliveryLine.of(delivery, byId.get(delivery.channelId()),
					log.attempts().getOrDefault(delivery.id(), List.of()), owner))
			.toList());
		return List.of(new SquadPagePart(90, "notifications/squad-part", "notifications", values));
	}

	@PostMapping("/squads/{squadId}/channels")
	String add(@PathVariable String squadId, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String target, Principal principal, RedirectAttributes redirect) {
		try {
			AddedChannel added = notifications.addChannel(Callers.id(principal), squadId, kindOf(kind), target);
			redirect.addFlashAttribute("channelAdded", ChannelTargets.label(added.channel().kind()));
			if (added.signingSecret() != null) {
				redirect.addFlashAttribute("signingSecret", added.signingSecret());
			}
		}
		catch (DomainException refused) {
			requireBadInput(refused);
			redirect.addFlashAttribute("channelKind", kind);
			redirect.addFlashAttribute("channelTarget", target);
			redirect.addFlashAttribute("channelError", refused.getMessage());
		}
		return "redirect:/squads/{squadId}#notifications";
	}

	@PostMapping("/squads/{squadId}/channels/{channelId}/test")
	String test(@PathVariable String squadId, @PathVariable String channelId, Principal principal,
			RedirectAttributes redirect) {
		requireChannelOf(squadId, channelId);
		Delivery test = notifications.sendTest(Callers.id(principal), channelId);
		redirect.addFlashAttribute(test.lastError() == null ? "testSent" : "testFailed",
				test.lastError() == null ? true : test.lastError());
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
			RedirectAttributes redirect) {
		if (notifications.deliveryOf(squadId, deliveryId).isEmpty()) {
			throw DomainException.notFound("Delivery not found");
		}
		try {
			notifications.retry(Callers.id(principal), deliveryId);
			redirect.addFlashAttribute("retried", true);
		}
		catch (DomainException refused) {
			requireBadInput(refused);
			redirect.addFlashAttribute("deliveryError", refused.getMessage());
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

	/** Refusals other than bad input (not an owner, not found) are the error page's. */
	private static void requireBadInput(DomainException refused) {
		if (refused.code() != ErrorCode.BAD_USER_INPUT) {
			throw refused;
		}
	}

	/** A channel as the page lists it: owners see its address, masked; members only its kind. */
	record ChannelLine(String id, String kind, String target) {

		static ChannelLine of(NotificationChannel channel, boolean owner) {
			return new ChannelLine(channel.id(), channel.kind().name(),
					owner ? ChannelTargets.masked(channel.kind(), channel.target()) : null);
		}

	}

	/**
	 * A line of the delivery log. Members see what, where (the kind), when and how it stands; owners also the masked
	 * address, the last error and every attempt, and may retry what failed.
	 */
	record DeliveryLine(String id, String purpose, String status, int attempts, String channelKind,
			String channelTarget, String lastError, Instant createdAt, Instant lastAttemptAt,
			List<DeliveryAttempt> attemptLog, boolean retryable) {

		static DeliveryLine of(Delivery delivery, NotificationChannel channel, List<DeliveryAttempt> attempts,
				boolean owner) {
			Instant lastAttempt = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).at();
			boolean retryable = owner && "FAILED".equals(delivery.status()) && !"TEST".equals(delivery.purpose());
			return new DeliveryLine(delivery.id(), delivery.purpose(), delivery.status(), delivery.attempts(),
					channel == null ? null : channel.kind().name(),
					owner && channel != null ? ChannelTargets.masked(channel.kind(), channel.target()) : null,
					owner ? delivery.lastError() : null, delivery.createdAt(), lastAttempt,
					owner ? attempts : List.of(), retryable);
		}

	}

}
