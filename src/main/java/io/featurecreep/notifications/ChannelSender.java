package io.featurecreep.notifications;

/** Sends messages to one kind of channel. Throws when the message did not arrive, with a reason for the log. */
interface ChannelSender {

	ChannelKind kind();

	void send(NotificationChannel channel, Message message) throws DeliveryFailed;

	/**
	 * A message that did not arrive; the reason is safe to show to the squad's owners (no secrets). Its message is
	 * the reason in English, as the delivery log stores it and the API reports it.
	 */
	final class DeliveryFailed extends Exception {

		private final transient Phrase reason;

		DeliveryFailed(Phrase reason) {
			super(reason.toString());
			this.reason = reason;
		}

		Phrase reason() {
			return reason;
		}

	}

}
