package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GroupCommitTest {

	/** The batches written, in the order they were written. */
	private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

	@Test
	void aWriteAloneGoesAtOnceInABatchOfItsOwn() {
		GroupCommit<Integer, String> commit = new GroupCommit<>(recording(n -> "#" + n), n -> n, 10, 1);
		assertThat(commit.write(7)).isEqualTo("#7");
		assertThat(commit.write(8)).isEqualTo("#8");
		assertThat(batches).containsExactly(List.of(7), List.of(8));
	}

	@Test
	void writesThatComeWhileABatchIsWrittenGoTogetherInTheNextAndEachGetsItsOwnResult() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		GroupCommit<Integer, String> commit = new GroupCommit<>(holdingTheBatchOf0(firstStarted, releaseFirst), n -> n,
				10, 1);
		try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
			Future<String> first = threads.submit(() -> commit.write(0));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<String>> others = IntStream.rangeClosed(1, 5)
				.mapToObj(n -> threads.submit(() -> commit.write(n)))
				.toList();
			waitUntilWaiting(commit, 5);
			releaseFirst.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("#0");
			for (int n = 1; n <= 5; n++) {
				assertThat(others.get(n - 1).get(10, TimeUnit.SECONDS)).isEqualTo("#" + n);
			}
		}
		assertThat(batches).hasSize(2);
		assertThat(batches.get(0)).containsExactly(0);
		assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
	}

	/**
	 * The next batch is gathered when its writer starts, not when it is chosen: on a busy node the chosen thread
	 * runs a while later, and what came meanwhile should not wait for yet another statement. Here the writer of the
	 * second batch is held as it starts (in the key function, its first step), and a write comes in that moment.
	 */
	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // were the batch gathered early, it would hang
	void aWriteThatComesWhileTheNextWriterIsStartingGoesInItsBatch() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		CountDownLatch secondWriterStarting = new CountDownLatch(1);
		CountDownLatch releaseSecondWriter = new CountDownLatch(1);
		GroupCommit<Integer, String> commit = new GroupCommit<>(holdingTheBatchOf0(firstStarted, releaseFirst), n -> {
			if (n == 1 && secondWriterStarting.getCount() > 0) {
				secondWriterStarting.countDown();
				await(releaseSecondWriter);
			}
			return n;
		}, 10, 1);
		try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
			Future<String> first = threads.submit(() -> commit.write(0));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<String> second = threads.submit(() -> commit.write(1));
			waitUntilWaiting(commit, 1);
			releaseFirst.countDown();
			assertThat(secondWriterStarting.await(10, TimeUnit.SECONDS)).isTrue();
			Future<String> third = threads.submit(() -> commit.write(2));
			waitUntilWaiting(commit, 1);
			releaseSecondWriter.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("#0");
			assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("#1");
			assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("#2");
		}
		assertThat(batches).containsExactly(List.of(0), List.of(1, 2));
	}

	@Test
	void writesWithTheSameKeyNeverShareABatchAndNoBatchIsLargerThanAllowed() throws Exception {
		GroupCommit<Integer, Integer> commit = new GroupCommit<>(recording(n -> n), n -> n % 10, 4, 2);
		runAtOnce(32, 200, commit::write);
		int written = 0;
		for (List<Integer> batch : batches) {
			assertThat(batch).hasSizeBetween(1, 4);
			assertThat(new HashSet<>(batch.stream().map(n -> n % 10).toList())).hasSameSizeAs(batch);
			written += batch.size();
		}
		assertThat(written).isEqualTo(32 * 200);
	}

	@Test
	void manyThreadsEachGetTheirOwnResultAndNoMoreBatchesRunAtOnceThanAllowed() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				Thread.onSpinWait();
				return items.stream().map(n -> n * 2).toList();
			}
			finally {
				running.decrementAndGet();
			}
		}, n -> n, 16, 2);
		runAtOnce(32, 500, n -> assertThat(commit.write(n)).isEqualTo(n * 2));
		assertThat(mostAtOnce.get()).isBetween(1, 2);
	}

	@Test
	void everyWriteOfAFailedBatchGetsTheFailureAndTheNextBatchesStillRun() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> {
			if (items.contains(0)) {
				firstStarted.countDown();
				await(releaseFirst);
				return items;
			}
			if (items.contains(1)) {
				throw new IllegalStateException("the database said no");
			}
			return items;
		}, n -> n, 10, 1);
		try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
			Future<Integer> first = threads.submit(() -> commit.write(0));
			assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Integer> one = threads.submit(() -> commit.write(1));
			Future<Integer> two = threads.submit(() -> commit.write(2));
			waitUntilWaiting(commit, 2);
			releaseFirst.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
			assertThatThrownBy(() -> one.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database said no");
			assertThatThrownBy(() -> two.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database said no");
		}
		assertThat(commit.write(3)).isEqualTo(3);
	}

	@Test
	void aBatchThatGivesTheWrongNumberOfResultsFailsEveryWriteInIt() {
		GroupCommit<Integer, Integer> commit = new GroupCommit<>(items -> List.of(), n -> n, 10, 1);
		assertThatThrownBy(() -> commit.write(1)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("1 writes gave 0 results");
	}

	@Test
	void sizesBelowOneAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupCommit<Integer, Integer>(items -> items, n -> n, 0, 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GroupCommit<Integer, Integer>(items -> items, n -> n, 1, 0));
	}

	/** Records each batch; the one with 0 in it says it started and is held until released. */
	private Function<List<Integer>, List<String>> holdingTheBatchOf0(CountDownLatch started, CountDownLatch release) {
		Function<List<Integer>, List<String>> recording = recording(n -> "#" + n);
		return items -> {
			if (items.contains(0)) {
				started.countDown();
				await(release);
			}
			return recording.apply(items);
		};
	}

	private <R> Function<List<Integer>, List<R>> recording(Function<Integer, R> each) {
		return items -> {
			batches.add(List.copyOf(items));
			return items.stream().map(each).toList();
		};
	}

	private static void runAtOnce(int threadCount, int each, IntConsumer write) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(threadCount)) {
			List<Future<?>> done = IntStream.range(0, threadCount).<Future<?>>mapToObj(t -> threads.submit(() -> {
				await(start);
				for (int i = 0; i < each; i++) {
					write.accept(t * each + i);
				}
			})).toList();
			start.countDown();
			for (Future<?> one : done) {
				one.get(60, TimeUnit.SECONDS);
			}
		}
	}

	private static void waitUntilWaiting(GroupCommit<?, ?> commit, int count) throws InterruptedException {
		for (int i = 0; i < 1_000 && commit.waiting() < count; i++) {
			Thread.sleep(10);
		}
		assertThat(commit.waiting()).isEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(interrupted);
		}
	}

}
