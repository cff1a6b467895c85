package io.featurecreep.healthcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.featurecreep.healthcheck.SquadTemplates.NewQuestion;
import io.featurecreep.library.LibraryQuestion;

/**
 * A list of questions being put together in the browser before it is used: for a new session (before it
 * starts) or for a squad's template. The whole list travels with every post, so nothing is stored until the
 * list is used; each edit ({@code op}) is applied here and the page shows the list again.
 */
class QuestionListForm {

	static final int MAX = SessionFacilitation.MAX_QUESTIONS;

	/** The longest question title, as the session and the library store it. */
	static final int TITLE_MAX = 200;

	private List<Item> questions = new ArrayList<>();

	private String newTitle = "";

	private String newGood = "";

	private String newBad = "";

	private String search = "";

	private String name = "";

	private String mode = "LIVE";

	private String deadline = "";

	private String timeZone = "";

	/** Hours before the deadline to remind who has not voted; empty: no reminder. */
	private String reminderHours = "";

	static QuestionListForm of(List<LibraryQuestion> entries) {
		QuestionListForm form = new QuestionListForm();
		entries.forEach(entry -> form.questions
			.add(new Item(newKey(), entry.title(), entry.descriptionGood(), entry.descriptionBad())));
		return form;
	}

	/** The list as the services take it; rows whose title was emptied are left out. */
	List<NewQuestion> newQuestions() {
		return questions.stream()
			.filter(item -> !item.getTitle().isBlank())
			.map(item -> new NewQuestion(item.getTitle(), item.getGood(), item.getBad()))
			.toList();
	}

	void moveUp(String key) {
		int index = indexOf(key);
		if (index > 0) {
			questions.add(index - 1, questions.remove(index));
		}
	}

	void moveDown(String key) {
		int index = indexOf(key);
		if (index >= 0 && index < questions.size() - 1) {
			questions.add(index + 1, questions.remove(index));
		}
	}

	void remove(String key) {
		int index = indexOf(key);
		if (index >= 0) {
			questions.remove(index);
		}
	}

	/** Adds the typed question; answers the problem with it, or null when it was added. */
	Problem addTyped() {
		if (newTitle == null || newTitle.isBlank()) {
			return new Problem("healthcheck.editor.title.missing");
		}
		if (newTitle.strip().length() > TITLE_MAX) {
			return new Problem("healthcheck.editor.title.tooLong", TITLE_MAX);
		}
		Problem problem = add(newTitle.strip(), newGood, newBad);
		if (problem == null) {
			newTitle = "";
			newGood = "";
			newBad = "";
		}
		return problem;
	}

	/** Adds a question; answers the problem with it, or null when it was added. */
	Problem add(String title, String good, String bad) {
		if (questions.size() >= MAX) {
			return new Problem("healthcheck.editor.full", MAX);
		}
		boolean duplicate = questions.stream().anyMatch(item -> item.getTitle().strip().equalsIgnoreCase(title.strip()));
		if (duplicate) {
			return new Problem("healthcheck.editor.duplicate", title.strip());
		}
		questions.add(new Item(newKey(), title.strip(), blankToEmpty(good), blankToEmpty(bad)));
		return null;
	}

	private int indexOf(String key) {
		for (int i = 0; i < questions.size(); i++) {
			if (questions.get(i).getKey().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private static String newKey() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String blankToEmpty(String text) {
		return text == null ? "" : text.strip();
	}

	public List<Item> getQuestions() {
		return questions;
	}

	public void setQuestions(List<Item> questions) {
		this.questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions);
		this.questions.removeIf(item -> item == null);
	}

	public String getNewTitle() {
		return newTitle;
	}

	public void setNewTitle(String newTitle) {
		this.newTitle = newTitle;
	}

	public String getNewGood() {
		return newGood;
	}

	public void setNewGood(String newGood) {
		this.newGood = newGood;
	}

	public String getNewBad() {
		return newBad;
	}

	public void setNewBad(String newBad) {
		this.newBad = newBad;
	}

	public String getSearch() {
		return search;
	}

	public void setSearch(String search) {
		this.search = search;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getMode() {
		return mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getDeadline() {
		return deadline;
	}

	public void setDeadline(String deadline) {
		this.deadline = deadline;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public String getReminderHours() {
		return reminderHours;
	}

	public void setReminderHours(String reminderHours) {
		this.reminderHours = reminderHours;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	/** What keeps a question out of the list: a message key and its arguments, for the page to put into words. */
	record Problem(String key, Object... arguments) {
	}

	/**
	 * One question of the list; the key keeps its buttons (and the keyboard focus) with it as it moves. A post may
	 * leave out any of its fields (or name only a later row, which adds the rows before it): a missing text is
	 * empty and a missing key a new one, so such a row shows as an empty row and is left out like an emptied one,
	 * instead of failing the list's edits on a null.
	 */
	public static final class Item {

		private String key = newKey();

		private String title = "";

		private String good = "";

		private String bad = "";

		public Item() {
		}

		Item(String key, String title, String good, String bad) {
			setKey(key);
			setTitle(title);
			setGood(good);
			setBad(bad);
		}

		public String getKey() {
			return key;
		}

		public void setKey(String key) {
			this.key = key == null || key.isEmpty() ? newKey() : key;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title == null ? "" : title;
		}

		public String getGood() {
			return good;
		}

		public void setGood(String good) {
			this.good = good == null ? "" : good;
		}

		public String getBad() {
			return bad;
		}

		public void setBad(String bad) {
			this.bad = bad == null ? "" : bad;
		}

	}

}
