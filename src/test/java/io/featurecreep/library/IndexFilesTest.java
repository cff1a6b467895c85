package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The index's small, short-lived segments stay on the heap, where closing them costs nothing; only large merges go
 * to memory-mapped files (whose closing stops every thread of the JVM for a moment).
 */
class IndexFilesTest {

	@Test
	void changesOneAtATimeNeverReachTheFolder() throws IOException {
		try (LibraryIndex index = new LibraryIndex()) {
			index.replaceAll(List.of(question("Learning", 3), question("Speed", 1)));
			for (int i = 0; i < 60; i++) {
				index.put(List.of(question("Retro topic " + i, i)));
			}

			assertThat(index.segments()).isPositive();
			assertThat(index.filesWrittenToFolder()).isZero();
		}
	}

	@Test
	void aLargeMergeIsMappedFromTheFolder() throws IOException {
		IndexFiles files = IndexFiles.inTemporaryFolder();
		IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
		// sorted as the library is: a flush then writes temporary files, which must stay on the heap too
		config.setIndexSort(new Sort(new SortField("usage", SortField.Type.LONG)));
		Random random = new Random(15);
		try (IndexWriter writer = new IndexWriter(files, config)) {
			for (int i = 0; i < 30; i++) {
				writer.addDocument(noise(random, 64 * 1024, i));
				DirectoryReader.open(writer).close();
			}
			assertThat(files.writtenToFolder()).as("flushed segments, their temporary files and small merges stay on the heap")
				.isZero();

			for (int i = 0; i < 10; i++) {
				writer.addDocument(noise(random, 1024 * 1024, i));
			}
			writer.forceMerge(1);
			try (DirectoryReader reader = DirectoryReader.open(writer)) {
				assertThat(reader.numDocs()).isEqualTo(40);
			}
			assertThat(files.writtenToFolder()).as("a merge of over 10 MB is mapped").isPositive();
			assertThat(files.filesInFolder()).hasSizeGreaterThan(1);
			String mapped = Arrays.stream(files.filesInFolder())
				.filter(name -> !name.equals(IndexWriter.WRITE_LOCK_NAME))
				.findFirst()
				.orElseThrow();
			try (IndexInput input = files.openInput(mapped, IOContext.DEFAULT)) {
				assertThat(input.getClass().getName()).startsWith(MMapDirectory.class.getPackageName() + ".MemorySegment");
			}
		}
		files.close();

		assertThat(Files.exists(files.folder())).as("deleted on close").isFalse();
	}

	private static Document noise(Random random, int bytes, long usage) {
		byte[] noise = new byte[bytes];
		random.nextBytes(noise);
		Document doc = new Document();
		doc.add(new StoredField("noise", new BytesRef(noise)));
		doc.add(new NumericDocValuesField("usage", usage));
		return doc;
	}

	private static LibraryQuestion question(String title, long uses) {
		return new LibraryQuestion(title.toLowerCase().replace(' ', '-'), null, title, "", "", null, uses);
	}

}
