package io.featurecreep.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.identity.Accounts;
import io.featurecreep.support.GraphQlApi;

/**
 * The multipart limit is as large as a backup, but only for an organisation admin importing one: anyone else's
 * large upload is refused before its body is read. Annotated like {@code LiveSubscriptionTests}, so both share one
 * context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
class LargeUploadTests {

	static final String BOUNDARY = "----fc-test";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLargeMultipartBodyFromSomeoneSignedOutIsRefusedBeforeItIsRead() throws Exception {
		assertThat(post("/signup", 2 * 1024 * 1024).statusCode()).isEqualTo(413);
		assertThat(post(LargeUploadsOnlyForImports.IMPORT_PATH, 2 * 1024 * 1024).statusCode()).isEqualTo(413);
		// a small one goes on to the usual checks (here: no CSRF token)
		assertThat(post("/signup", 1000).statusCode()).isEqualTo(403);
	}

	@Test
	void onlyAnAdminMaySendABackupSizedUpload() throws Exception {
		// the first account of an organisation is its admin: make sure that is not the member
		String admin = accounts.signUp("a-" + UUID.randomUUID() + "@example.test", "correct horse battery staple", "A", "Dmin").id();
		String member = accounts.signUp("m-" + UUID.randomUUID() + "@example.test", "correct horse battery staple", "M", "Ember").id();
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) select '00000000-0000-0000-0000-000000000001', ? "
				+ "where not exists (select 1 from organisation_admin where person_id = ?)")
			.params(admin, admin)
			.update();
		assertThat(accounts.isOrganisationAdmin(member)).isFalse();
		MockMultipartFile notABackup = new MockMultipartFile("file", "x.zip", "application/zip", new byte[2 * 1024 * 1024]);

		assertThat(mvc.perform(multipart(LargeUploadsOnlyForImports.IMPORT_PATH).file(notABackup).with(csrf()).with(user(member)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(413);
		assertThat(mvc.perform(multipart("/squads").file(notABackup).with(csrf()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getStatus()).as("large uploads elsewhere, even from an admin").isEqualTo(413);
		assertThat(mvc.perform(multipart(LargeUploadsOnlyForImports.IMPORT_PATH).file(notABackup).with(csrf()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("the admin's upload reaches the import, which refuses what is not a backup")
			.isEqualTo("/admin/backup");
	}

	private HttpResponse<String> post(String path, int size) throws Exception {
		byte[] body = new byte[size];
		java.util.Arrays.fill(body, (byte) 'a');
		String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.zip\"\r\n\r\n";
		byte[] start = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] all = new byte[start.length + body.length + end.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(body, 0, all, start.length, body.length);
		System.arraycopy(end, 0, all, start.length + body.length, end.length);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(all))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
