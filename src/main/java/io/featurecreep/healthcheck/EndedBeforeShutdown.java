package io.featurecreep.healthcheck;

import org.springframework.context.SmartLifecycle;

/**
 * Holds streams to browsers or API clients that never end by themselves (live pages' event streams, GraphQL
 * subscriptions), and ends them when the node begins to stop: before the web server's graceful shutdown, a later
 * phase, waits for open requests. Otherwise each would hold the node for the whole grace period and then be cut.
 * Clients reconnect, through the load balancer, to a node that runs.
 */
abstract class EndedBeforeShutdown implements SmartLifecycle {

	private volatile boolean running;

	/** Ends every open stream. */
	abstract void endAll();

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		endAll();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
