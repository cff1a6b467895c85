package io.featurecreep.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Why an import was refused, in English for the API and the command line exactly as it was written before the
 * texts moved to the backup bundle (the admin page shows the same key in the reader's language).
 */
class ImportRefusedTest {

	@Test
	void theEnglishReadsAsBefore() {
		assertThat(new ImportRefused("backup.refused.invalidSchema", "x1").getMessage())
			.isEqualTo("This backup's schema version 'x1' is not valid. Nothing was imported.");
		assertThat(new ImportRefused("backup.refused.rowCount", "1234", "vote", "1233").getMessage())
			.isEqualTo("The file is incomplete or damaged: its manifest lists 1234 rows of vote, its entry holds 1233. Nothing was imported.");
		assertThat(new ImportRefused("backup.refused.notAWholeNumber", new ImportRefused.Cell(12345, "vote", "colour").with())
			.getMessage()).isEqualTo("Row 12345 of vote, column colour, should be a whole number. Nothing was imported.");
		assertThat(new ImportRefused("backup.refused.notAValue", new ImportRefused.Cell(1, "squad", "created_at").with("timestamp"))
			.getMessage()).isEqualTo("Row 1 of squad, column created_at, should be a valid timestamp value. Nothing was imported.");
		assertThat(new ImportRefused("backup.refused.otherKey", "hmac-sha256:abc", "none").getMessage())
			.startsWith("This backup was made under another anonymity key (fingerprint hmac-sha256:abc; this server's is none). ")
			.endsWith("the open questions of anonymous sessions a second time. Nothing was imported.");
		assertThat(new ImportRefused("backup.refused.notNew", "person (2)").getMessage())
			.isEqualTo("This database already holds data (rows in person (2)). Import only into a new installation: an empty"
					+ " database, or one with nothing but your own first account. Nothing was imported.");
	}

	@Test
	void itCarriesItsKeyAndArgumentsForThePage() {
		ImportRefused refused = new ImportRefused("backup.refused.otherColumns", "vote");
		assertThat(refused.messageKey()).isEqualTo("backup.refused.otherColumns");
		assertThat(refused.arguments()).containsExactly("vote");
	}

}
