package io.featurecreep.notifications;

import java.time.Instant;

/** One try at sending a delivery: when, whether it got through, and if not, why. */
record DeliveryAttempt(String deliveryId, int attempt, Instant at, boolean delivered, String error) {
}
