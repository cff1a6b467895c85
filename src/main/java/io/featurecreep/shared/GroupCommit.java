package io.featurecreep.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Gathers the writes that request threads make at the same time into batches, each written by one call (one
 * statement, one commit), the way a database gathers concurrent commits into one flush. A write that finds no
 * batch being written goes at once, alone: a quiet node waits for nothing. One that comes while {@code inFlight}
 * batches are being written waits; the thread whose batch finishes wakes the oldest waiting write, which gathers
 * the writes waiting when it starts into the next batch and writes it for all. So under load the cost of a round
 * trip and a commit is shared by many writes, and no thread writes more than one batch.
 * <p>
 * Writes with equal keys never share a batch (a statement could not write one row twice); the later one waits for
 * the next. The key function must not throw (it runs while a batch is gathered). Each caller gets its own item's
 * result, or the exception that the batch's write threw.
 *
 * @param <I> what one caller writes
 * @param <R> what the caller gets back
 */
public final class GroupCommit<I, R> {

	private final Function<List<I>, List<R>> writeAll;

	private final Function<I, ?> key;

	private final int largestBatch;

	private final int inFlight;

	private final ReentrantLock lock = new ReentrantLock();

	/** Writes waiting for a batch; while it holds any, {@code writing == inFlight}. */
	private final ArrayDeque<Write<I, R>> waiting = new ArrayDeque<>();

	private int writing;

	/**
	 * @param writeAll writes a batch and returns one result per item, in the items' order
	 * @param key items with equal keys go in different batches
	 * @param largestBatch the most items in one batch
	 * @param inFlight the most batches written at the same time
	 */
	public GroupCommit(Function<List<I>, List<R>> writeAll, Function<I, ?> key, int largestBatch, int inFlight) {
		if (largestBatch < 1 || inFlight < 1) {
			throw new IllegalArgumentException("A batch holds at least one write, and at least one is written at a time");
		}
		this.writeAll = writeAll;
		this.key = key;
		this.largestBatch = largestBatch;
		this.inFlight = inFlight;
	}

	/** Writes the item, in a batch with others' if they come at the same time, and returns its result. */
	public R write(I item) {
		Write<I, R> mine = new Write<>(item);
		boolean first;
		lock.lock();
		try {
			first = writing < inFlight;
			if (first) {
				writing++;
			}
			else {
				waiting.add(mine);
			}
		}
		finally {
			lock.unlock();
		}
		if (first || mine.turn.join() == Turn.WRITE) {
			writeAndHandOn(gatheredAround(mine));
		}
		return mine.outcome();
	}

	private void writeAndHandOn(List<Write<I, R>> batch) {
		try {
			List<R> results = writeAll.apply(batch.stream().map(write -> write.item).toList());
			if (results.size() != batch.size()) {
				throw new IllegalStateException("A batch of " + batch.size() + " writes gave " + results.size() + " results");
			}
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result = results.get(i);
			}
		}
		catch (RuntimeException | Error failed) {
			batch.forEach(write -> write.failure = failed);
		}
		finally {
			Write<I, R> next = nextWriter();
			// the others of this batch are done (the results were set before: completing publishes them)
			for (int i = 1; i < batch.size(); i++) {
				batch.get(i).turn.complete(Turn.DONE);
			}
			if (next != null) {
				next.turn.complete(Turn.WRITE);
			}
		}
	}

	/** The oldest waiting write, which is to write the next batch; none when nothing waits. */
	private Write<I, R> nextWriter() {
		lock.lock();
		try {
			Write<I, R> next = waiting.poll();
			if (next == null) {
				writing--;
			}
			return next;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * The writer's batch: its own write and those waiting, in their order, gathered when the writer starts rather
	 * than when it was chosen. On a busy node the chosen thread runs only after others have had the processor, and
	 * the writes they brought meanwhile go in this batch instead of waiting for the next: larger batches, fewer
	 * statements, no timer.
	 */
	private List<Write<I, R>> gatheredAround(Write<I, R> writer) {
		Object writersKey = key.apply(writer.item);
		lock.lock();
		try {
			List<Write<I, R>> batch = new ArrayList<>(Math.min(waiting.size() + 1, largestBatch));
			batch.add(writer);
			if (waiting.isEmpty()) {
				return batch;
			}
			Set<Object> keys = new HashSet<>();
			keys.add(writersKey);
			for (Iterator<Write<I, R>> each = waiting.iterator(); each.hasNext() && batch.size() < largestBatch;) {
				Write<I, R> write = each.next();
				if (keys.add(key.apply(write.item))) {
					batch.add(write);
					each.remove();
				}
			}
			return batch;
		}
		finally {
			lock.unlock();
		}
	}

	/** How many writes wait for a batch now. */
	int waiting() {
		lock.lock();
		try {
			return waiting.size();
		}
		finally {
			lock.unlock();
		}
	}

	/** What a waiting caller is told: write the next batch, or its write is done. */
	private enum Turn {
		WRITE, DONE
	}

	/** One caller's write, and what became of it. */
	private static final class Write<I, R> {

		private final I item;

		/** Whether this caller is to write the next batch, or its item was written in another's. */
		private final CompletableFuture<Turn> turn = new CompletableFuture<>();

		private R result;

		private Throwable failure;

		Write(I item) {
			this.item = item;
		}

		R outcome() {
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			return result;
		}

	}

}
