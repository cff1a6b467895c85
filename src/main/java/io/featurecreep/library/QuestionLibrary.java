package io.featurecreep.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.library.LibraryIndex.Visibility;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The question library: the default indicators and the rest of the Spotify deck, visible to everyone, and the
 * questions squads added, visible within their organisation. Adding a question to a session records it here;
 * searches run on an in-memory index ({@link LibraryIndex}) that {@link LibraryIndexer} keeps current.
 */
@Service
public class QuestionLibrary {

	static final int LONGEST_SEARCH = 200;

	static final int LARGEST_PAGE = 50;

	/** Deep enough for any person paging; bounds the work one request can ask for. */
	static final int LARGEST_OFFSET = 500;

	private static final String VISIBLE = "(organisation_id is null or organisation_id = :org)";

	private final JdbcClient jdbc;

	private final LibraryIndex index;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Timer searches;

	QuestionLibrary(JdbcClient jdbc, LibraryIndex index, ApplicationEventPublisher events, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.index = index;
		this.events = events;
		this.clock = clock;
		// a few fixed buckets (not Micrometer's percentile histogram of dozens) are enough for percentiles on a
		// dashboard: searches take a few milliseconds and people notice from about 100 ms
		this.searches = Timer.builder("feature.creep.library.search")
			.description("Library searches (suggestions while typing, library pages), in the index")
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
					Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
					Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
			.register(meters);
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
	 * The library entry a new session question stands for: the visible entry with the same title (ignoring case,
	 * spacing, punctuation, articles and word endings: "Health of the codebase" is "Health of codebase"), or a
	 * new entry of the organisation. Its use is counted later, from the {@link QuestionsAsked} its asker publishes.
	 */
	@Transactional
	public LibraryQuestion entryFor(String organisationId, String title, String descriptionGood,
			String descriptionBad) {
		String key = LibraryAnalysis.titleKey(title);
		// rows written before keys existed have none until the indexer's first run: they match by plain title
		Optional<LibraryQuestion> existing = jdbc
			.sql("select * from library_question where " + VISIBLE
					+ " and (title_key = :key or (title_key is null and lower(title) = :title))"
					+ " order by default_position nulls last, organisation_id nulls first, usage_count desc, created_at")
			.param("org", organisationId)
			.param("key", key)
			.param("title", normalise(title))
			.query(QuestionLibrary::map)
			.list()
			.stream()
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		String id = Ids.newId();
		jdbc.sql("""
				insert into library_question (id, organisation_id, title, description_good, description_bad,
				  default_position, usage_count, created_at, title_key) values (?, ?, ?, ?, ?, null, 0, ?, ?)""")
			.params(id, organisationId, title.strip(), nullToEmpty(descriptionGood), nullToEmpty(descriptionBad),
					OffsetDateTime.now(clock), key)
			.update();
		events.publishEvent(new LibraryQuestionChanged(id));
		return find(id).orElseThrow();
	}

	/** Counts the uses of one occasion, unless they were counted already. */
	@Transactional
	void countUses(QuestionsAsked asked) {
		int first = jdbc.sql("""
				insert into library_use_counted (use_id, counted_at)
				select ?, ? where not exists (select 1 from library_use_counted where use_id = ?)""")
			.params(asked.useId(), OffsetDateTime.now(clock), asked.useId())
			.update();
		if (first == 0) {
			return;
		}
		Map<String, Long> uses = asked.libraryQuestionIds()
			.stream()
			.collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
		uses.forEach((id, count) -> {
			jdbc.sql("update library_question set usage_count = usage_count + ? where id = ?").params(count, id).update();
			events.publishEvent(new LibraryQuestionChanged(id));
		});
	}

	/**
	 * Up to {@code limit} suggestions for what someone of the organisation typed, best first (the original
	 * {@code search}): the default indicators, the rest of the Spotify deck and the organisation's own questions.
	 * Blank text finds nothing.
	 */
	public List<LibraryQuestion> search(String organisationId, String text, int limit) {
		String typed = TextLimits.optional(text, "Search text", LONGEST_SEARCH);
		if (typed == null) {
			return List.of();
		}
		return searches.record(() -> index.search(new Visibility(organisationId, LibraryScope.ALL), typed, 0, limit))
			.questions();
	}

	/**
	 * A page of the library as someone of the organisation may see it: what matches the typed text, best first,
	 * or without text the most used first. Typos, half-typed words and word endings are forgiven; near-duplicate
	 * titles show as one question.
	 */
	public LibraryPage search(String organisationId, String text, LibraryScope scope, int offset, int first) {
		String typed = TextLimits.optional(text, "Search text", LONGEST_SEARCH);
		if (first < 1 || first > LARGEST_PAGE) {
			throw DomainException.badInput("first must be between 1 and " + LARGEST_PAGE);
		}
		if (offset < 0 || offset > LARGEST_OFFSET) {
			throw DomainException.badInput("offset must be between 0 and " + LARGEST_OFFSET);
		}
		Visibility visibility = new Visibility(organisationId, scope == null ? LibraryScope.ALL : scope);
		return searches.record(() -> index.search(visibility, typed, offset, first));
	}

	private static String normalise(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	static LibraryQuestion map(ResultSet rs, int row) throws SQLException {
		int position = rs.getInt("default_position");
		Integer defaultPosition = rs.wasNull() ? null : position; // before the next read resets wasNull
		return new LibraryQuestion(rs.getString("id"), rs.getString("organisation_id"), rs.getString("title"),
				rs.getString("description_good"), rs.getString("description_bad"), defaultPosition,
				rs.getLong("usage_count"));
	}

}
