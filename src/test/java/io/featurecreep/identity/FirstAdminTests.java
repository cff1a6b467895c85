package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.WithH2;
import io.featurecreep.WithPostgres;
import io.featurecreep.support.FeatureCreepTest;

/** A fresh install's first account administers the organisation: exactly one, even when several sign up at once. */
@FeatureCreepTest
class FirstAdminTests {

	abstract class Contract {

		@Autowired
		Accounts accounts;

		@Autowired
		JdbcClient jdbc;

		@Test
		void ofSimultaneousFirstSignUpsExactlyOneBecomesAdmin() throws Exception {
			ExecutorService threads = Executors.newFixedThreadPool(6);
			try {
				for (int round = 0; round < 10; round++) {
					jdbc.sql("delete from organisation_admin").update(); // as on a fresh install
					CountDownLatch start = new CountDownLatch(1);
					List<Future<Person>> signUps = new ArrayList<>();
					for (int i = 0; i < 6; i++) {
						signUps.add(threads.submit(() -> {
							start.await();
							return accounts.signUp("first-" + UUID.randomUUID() + "@example.org", "correct horse battery",
									"First", "Comer");
						}));
					}
					start.countDown();
					List<Person> people = new ArrayList<>();
					for (Future<Person> signUp : signUps) {
						people.add(signUp.get());
					}
					assertThat(people.stream().filter(person -> accounts.isOrganisationAdmin(person.id())))
						.as("admins after round %d", round)
						.hasSize(1);
				}
			}
			finally {
				threads.shutdownNow();
			}
		}

	}

	@Nested
	@WithH2
	class OnH2 extends Contract {

	}

	@Nested
	@WithPostgres
	class OnPostgres extends Contract {

	}

}
