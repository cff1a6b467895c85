package io.featurecreep.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.shared.Ids;

/**
 * The question library: the default indicators, visible to everyone, and the questions squads added,
 * visible within their organisation. Adding a question to a session records it here.
 */
@Service
public class QuestionLibrary {

	private static final String VISIBLE = "(organisation_id is null or organisation_id = :org)";

	private final JdbcClient jdbc;

	private final Clock clock;

	QuestionLibrary(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The default indicators in the order a new session asks them. */
	public List<LibraryQuestion> defaults() {
		return jdbc.sql("select * from library_question where default_position is not null order by default_position")
			.query(QuestionLibrary::map)
			.list();
	}

	public Optional<LibraryQuestion> find(String id) {
		return jdbc.sql("select * from library_question where id = ?").param(id).query(QuestionLibrary::map).optional();
	}

	/** An entry that people of the organisation may see: a default one or one of their own organisation. */
	public Optional<LibraryQuestion> findVisible(String organisationId, String id) {
		return find(id).filter(q -> q.organisationId() == null || q.organisationId().equals(organisationId));
	}

	public Map<String, LibraryQuestion> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from library_question where id in (:ids)")
			.param("ids", ids)
			.query(QuestionLibrary::map)
			.list()
			.stream()
			.collect(Collectors.toMap(LibraryQuestion::id, Function.identity()));
	}

	/**
	 * The library entry a new session question stands for: the visible entry with the same title (ignoring
	 * case and spacing), or a new entry of the organisation. Either way its use is counted.
	 */
	@Transactional
	public LibraryQuestion recordUse(String organisationId, String title, String descriptionGood,
			String descriptionBad) {
		Optional<LibraryQuestion> existing = jdbc
			.sql("select * from library_question where " + VISIBLE
					+ " and lower(title) = :title order by default_position nulls last, created_at")
			.param("org", organisationId)
			.param("title", normalise(title))
			.query(QuestionLibrary::map)
			.list()
			.stream()
			.findFirst();
		if (existing.isPresent()) {
			countUse(existing.get().id());
			return existing.get();
		}
		String id = Ids.newId();
		jdbc.sql("""
				insert into library_question (id, organisation_id, title, description_good, description_bad,
				  default_position, usage_count, created_at) values (?, ?, ?, ?, ?, null, 1, ?)""")
			.params(id, organisationId, title.strip(), nullToEmpty(descriptionGood), nullToEmpty(descriptionBad),
					OffsetDateTime.now(clock))
			.update();
		return find(id).orElseThrow();
	}

	/** Counts one more use of an entry (a session asked it). */
	@Transactional
	public void countUse(String id) {
		jdbc.sql("update library_question set usage_count = usage_count + 1 where id = ?").param(id).update();
	}

	/**
	 * Up to {@code limit} entries whose words start with the words typed, best first: matches in the title
	 * weigh more than in the descriptions, then the more often used. Plain word matching; the typed text is
	 * never interpreted as query syntax.
	 */
	public List<LibraryQuestion> search(String organisationId, String text, int limit) {
		List<String> terms = words(text);
		if (terms.isEmpty()) {
			return List.of();
		}
		List<LibraryQuestion> visible = jdbc.sql("select * from library_question where " + VISIBLE)
			.param("org", organisationId)
			.query(QuestionLibrary::map)
			.list();
		record Hit(LibraryQuestion question, int score) {
		}
		return visible.stream()
			.map(q -> new Hit(q, score(q, terms)))
			.filter(hit -> hit.score() > 0)
			.sorted((a, b) -> a.score() != b.score() ? Integer.compare(b.score(), a.score())
					: a.question().usageCount() != b.question().usageCount()
							? Long.compare(b.question().usageCount(), a.question().usageCount())
							: a.question().title().compareToIgnoreCase(b.question().title()))
			.limit(limit)
			.map(Hit::question)
			.toList();
	}

	private static int score(LibraryQuestion question, List<String> terms) {
		List<String> titleWords = words(question.title());
		List<String> descriptionWords = words(question.descriptionGood() + " " + question.descriptionBad());
		int score = 0;
		for (String term : terms) {
			if (titleWords.stream().anyMatch(word -> word.startsWith(term))) {
				score += 3;
			}
			else if (descriptionWords.stream().anyMatch(word -> word.startsWith(term))) {
				score += 1;
			}
		}
		return score;
	}

	static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.stream()
			.filter(word -> !word.isEmpty())
			.distinct()
			.toList();
	}

	private static String normalise(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static LibraryQuestion map(ResultSet rs, int row) throws SQLException {
		int position = rs.getInt("default_position");
		return new LibraryQuestion(rs.getString("id"), rs.getString("organisation_id"), rs.getString("title"),
				rs.getString("description_good"), rs.getString("description_bad"), rs.wasNull() ? null : position,
				rs.getLong("usage_count"));
	}

}
