package io.featurecreep.events;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the transport: the database by default; Redis Streams when Redis is configured. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	@RedisNotConfigured
	DatabaseWorker databaseWorker(OutboxStore store, DurableHandlers handlers, EventSettings settings, Clock clock) {
		return new DatabaseWorker(store, handlers, settings, clock);
	}

	@Bean
	@RedisNotConfigured
	InProcessBroadcast inProcessBroadcast() {
		return new InProcessBroadcast();
	}

}
