package io.featurecreep.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.springframework.util.FileSystemUtils;

/**
 * Where the library index keeps its files: the large segments in memory-mapped files of a temporary folder, every
 * small one on the heap.
 * <p>
 * Mapped files are read in place; on the heap ({@code ByteBuffersDirectory}) every read of a term block copied its
 * buffer first, about 0.55 MB of garbage a search at 100,000 questions, which set the search's tail latency (issue
 * #15). But closing a mapped file ends its shared {@code Arena}, and that stops every thread of the JVM for a
 * handshake: with hundreds of threads 0.5 to 3 ms each. The index changes in small steps (a usage counted, a question
 * added), and each step flushes a tiny segment (with the index sorted, through temporary files that are opened and
 * closed at once) that a merge soon replaces: mapped, that was up to 500 handshakes a second on two nodes while
 * sessions started, and the live sessions' p99 went from 8 to 170 ms (LiveSessionBenchmark; counted with
 * {@code jcmd <pid> VM.log what=handshake}). So flushes, their temporary files and merges up to
 * {@link #LARGEST_IN_MEMORY_MB} stay on the heap, where closing is free, and only the large merges (the whole
 * library at start, rarely later) are mapped. Nothing is ever committed (the index is rebuilt from the database at
 * every start), so nothing moves from the heap to the folder later.
 */
final class IndexFiles extends NRTCachingDirectory {

	/** Merged segments up to this size stay on the heap; the churn of single changes is far below it. */
	static final double LARGEST_IN_MEMORY_MB = 8;

	private final Path folder;

	private final LongAdder writtenToFolder = new LongAdder();

	private IndexFiles(Path folder) throws IOException {
		super(new MMapDirectory(folder), LARGEST_IN_MEMORY_MB, Double.MAX_VALUE);
		this.folder = folder;
	}

	/** A new, empty folder of the system's temporary folder; deleted on {@link #close()}. */
	static IndexFiles inTemporaryFolder() throws IOException {
		return new IndexFiles(Files.createTempDirectory("feature-creep-library-"));
	}

	/**
	 * Merges by their estimated size; everything else on the heap. {@code NRTCachingDirectory} itself would send the
	 * temporary files of a flush (which carry no size) to the folder, and those are the ones opened and closed at
	 * once.
	 */
	@Override
	protected boolean doCacheWrite(String name, IOContext context) {
		return context.mergeInfo() == null || super.doCacheWrite(name, context);
	}

	@Override
	public IndexOutput createOutput(String name, IOContext context) throws IOException {
		countIfForTheFolder(name, context);
		return super.createOutput(name, context);
	}

	@Override
	public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
		countIfForTheFolder(prefix, context);
		return super.createTempOutput(prefix, suffix, context);
	}

	private void countIfForTheFolder(String name, IOContext context) {
		if (!doCacheWrite(name, context)) {
			writtenToFolder.increment();
		}
	}

	/** The files written to the folder so far, deleted ones included: for tests. */
	long writtenToFolder() {
		return writtenToFolder.sum();
	}

	/** The files in the folder: for tests. */
	String[] filesInFolder() throws IOException {
		return getDelegate().listAll();
	}

	/**
	 * Closes the memory maps and deletes the folder. Not {@code NRTCachingDirectory}'s own close, which first copies
	 * every file on the heap to the folder, for a commit that never comes.
	 */
	@Override
	public void close() throws IOException {
		try {
			getDelegate().close();
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	/** The folder, for tests. */
	Path folder() {
		return folder;
	}

}
