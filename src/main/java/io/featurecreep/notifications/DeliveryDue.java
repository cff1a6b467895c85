package io.featurecreep.notifications;

/**
 * A planned delivery is to be sent: the work item of the one work queue that sends it ({@link DeliveryWorker}), planned
 * with its row in the delivery log and queued again when an owner retries it.
 */
record DeliveryDue(String deliveryId) {
}
