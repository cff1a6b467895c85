package io.featurecreep.healthcheck;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.featurecreep.events.NodeBroadcast;
import io.featurecreep.identity.PersonDeactivated;
import io.featurecreep.identity.PersonErased;

/**
 * Ends the live streams of a person an admin deactivated or erased, on every node: their live pages' event streams
 * and their GraphQL subscriptions. The news goes out once the change is committed, so a client that reconnects at
 * once finds the person inactive in the database.
 */
@Component
class StreamsOfInactivePeople {

	static final String TOPIC = "people-inactive";

	private final NodeBroadcast broadcast;

	StreamsOfInactivePeople(NodeBroadcast broadcast, SessionEvents pages, LiveSessionFeed feed) {
		this.broadcast = broadcast;
		broadcast.subscribe(TOPIC, personId -> {
			pages.endStreamsOf(personId);
			feed.endStreamsOf(personId);
		});
	}

	@TransactionalEventListener
	void on(PersonDeactivated deactivated) {
		broadcast.publish(TOPIC, deactivated.personId());
	}

	@TransactionalEventListener
	void on(PersonErased erased) {
		broadcast.publish(TOPIC, erased.personId());
	}

}
