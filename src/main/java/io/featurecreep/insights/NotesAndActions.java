package io.featurecreep.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionChanged;
import io.featurecreep.healthcheck.SessionChanged.Change;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.insights.ActionItem.Status;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;
import io.featurecreep.shared.Ids;
import io.featurecreep.shared.TextLimits;
import io.featurecreep.squads.SquadAccess;

/**
 * Discussion notes and action items of a squad's sessions. Any member writes them; an action's owner must be a
 * member; open actions come back for review at the squad's next session.
 */
@Service
@Transactional
public class NotesAndActions {

	private final JdbcClient jdbc;

	private final SessionLookup sessions;

	private final SquadAccess squads;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	NotesAndActions(JdbcClient jdbc, SessionLookup sessions, SquadAccess squads, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.squads = squads;
		this.clock = clock;
		this.events = events;
	}

	Note addNote(String callerId, String sessionId, String questionId, String body) {
		HealthSession session = requireSession(callerId, sessionId);
		String question = questionId == null ? null : requireQuestion(session, questionId).id();
		Note note = new Note(Ids.newId(), session.id(), question, callerId, TextLimits.requiredMultiline(required(body, "insights.note.empty"), "Note", 4000),
				clock.instant());
		jdbc.sql("insert into session_note (id, session_id, question_id, author_id, body, created_at) values (?, ?, ?, ?, ?, ?)")
			.params(note.id(), note.sessionId(), note.questionId(), note.authorId(), note.body(),
					OffsetDateTime.now(clock))
			.update();
		discussionChanged(session.id());
		return note;
	}

	@Transactional(readOnly = true)
	List<Note> notes(String callerId, String sessionId) {
		requireSession(callerId, sessionId);
		return jdbc.sql("select * from session_note where session_id = ? order by created_at, id")
			.param(sessionId)
			.query((rs, row) -> new Note(rs.getString("id"), rs.getString("session_id"), rs.getString("question_id"),
					rs.getString("author_id"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Adds an action; {@code zone}: where the caller is, which decides whether its due date has passed (may be null). */
	ActionItem addAction(String callerId, String sessionId, String title, String questionId, String ownerId,
			LocalDate dueDate, ZoneId zone) {
		HealthSession session = requireSession(callerId, sessionId);
		String indicator = questionId == null ? null : requireQuestion(session, questionId).libraryQuestionId();
		requireOwnerIsMember(session.squadId(), ownerId);
		ActionItem.requireNotPassed(dueDate, zone, clock);
		ActionItem action = new ActionItem(Ids.newId(), session.squadId(), session.id(), indicator,
				TextLimits.required(required(title, "insights.action.empty"), "Action", 300), ownerId, dueDate, Status.OPEN, clock.instant());
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				insert into action_item (id, squad_id, session_id, library_question_id, title, owner_id, due_date, status,
				  created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(action.id(), action.squadId(), action.sessionId(), action.indicatorId(), action.title(),
					action.ownerId(), action.dueDate(), callerId, now, now)
			.update();
		discussionChanged(session.id());
		return action;
	}

	/** Changes an action; a null argument leaves that part as it is. */
	ActionItem updateAction(String callerId, String actionId, Status status, String title, String ownerId,
			LocalDate dueDate) {
		ActionItem current = find(actionId).filter(a -> squads.isMember(a.squadId(), callerId))
			.orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "insights.action.notFound"));
		if (ownerId != null) {
			requireOwnerIsMember(current.squadId(), ownerId);
		}
		if (dueDate != null && !dueDate.equals(current.dueDate())) {
			ActionItem.requireNotPassed(dueDate, null, clock);
		}
		jdbc.sql("update action_item set status = ?, title = ?, owner_id = ?, due_date = ?, updated_at = ? where id = ?")
			.params((status == null ? current.status() : status).name(),
					title == null ? current.title() : TextLimits.required(required(title, "insights.action.empty"), "Action", 300),
					ownerId == null ? current.ownerId() : ownerId, dueDate == null ? current.dueDate() : dueDate,
					OffsetDateTime.now(clock), actionId)
			.update();
		// shown where it was agreed, and for review in the squad's running session
		discussionChanged(current.sessionId());
		sessions.running(current.squadId())
			.filter(running -> !running.id().equals(current.sessionId()))
			.ifPresent(running -> discussionChanged(running.id()));
		return find(actionId).orElseThrow();
	}

	/** A squad's actions, newest first, optionally of one status. */
	@Transactional(readOnly = true)
	List<ActionItem> actions(String callerId, String squadId, Status status) {
		squads.requireMember(squadId, callerId, DomainException.of(ErrorCode.NOT_FOUND, "insights.squad.notFound"));
		if (status == null) {
			return jdbc.sql("select * from action_item where squad_id = ? order by created_at desc")
				.param(squadId)
				.query(NotesAndActions::map)
				.list();
		}
		return jdbc.sql("select * from action_item where squad_id = ? and status = ? order by created_at desc")
			.params(squadId, status.name())
			.query(NotesAndActions::map)
			.list();
	}

	/** The actions agreed in a session, in the order they were agreed. */
	@Transactional(readOnly = true)
	List<ActionItem> agreedIn(String callerId, String sessionId) {
		requireSession(callerId, sessionId);
		return jdbc.sql("select * from action_item where session_id = ? order by created_at, id")
			.param(sessionId)
			.query(NotesAndActions::map)
			.list();
	}

	/** The open actions agreed before a session started: what the squad looks at first. */
	@Transactional(readOnly = true)
	List<ActionItem> toReview(String callerId, String sessionId) {
		HealthSession session = requireSession(callerId, sessionId);
		return jdbc.sql("""
				select * from action_item where squad_id = ? and status = 'OPEN' and session_id <> ? and created_at < ?
				order by created_at""")
			.params(session.squadId(), session.id(), session.createdAt().atOffset(java.time.ZoneOffset.UTC))
			.query(NotesAndActions::map)
			.list();
	}

	/** Live pages refresh their notes and actions once this commits. */
	private void discussionChanged(String sessionId) {
		events.publishEvent(new SessionChanged(sessionId, Change.DISCUSSION_CHANGED, null));
	}

	private java.util.Optional<ActionItem> find(String actionId) {
		return jdbc.sql("select * from action_item where id = ?").param(actionId).query(NotesAndActions::map).optional();
	}

	private HealthSession requireSession(String callerId, String sessionId) {
		return sessions.visible(sessionId, callerId)
			.orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "insights.session.notFound"));
	}

	/**
	 * A text that must not be empty, refused with its own words before {@link TextLimits} checks the rest: the form
	 * shows them in the reader's language (the API's English is TextLimits' own, "... must not be empty").
	 */
	private static String required(String text, String emptyKey) {
		if (text == null || text.isBlank()) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, emptyKey);
		}
		return text;
	}

	private SessionQuestion requireQuestion(HealthSession session, String questionId) {
		return sessions.question(session.id(), questionId)
			.orElseThrow(() -> DomainException.of(ErrorCode.BAD_USER_INPUT, "insights.question.notInSession"));
	}

	private void requireOwnerIsMember(String squadId, String ownerId) {
		if (ownerId != null && !squads.isMember(squadId, ownerId)) {
			throw DomainException.of(ErrorCode.BAD_USER_INPUT, "insights.action.ownerNotMember");
		}
	}

	private static ActionItem map(ResultSet rs, int row) throws SQLException {
		return new ActionItem(rs.getString("id"), rs.getString("squad_id"), rs.getString("session_id"),
				rs.getString("library_question_id"), rs.getString("title"), rs.getString("owner_id"),
				rs.getObject("due_date", LocalDate.class), Status.valueOf(rs.getString("status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
