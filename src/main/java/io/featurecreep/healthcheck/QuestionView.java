package io.featurecreep.healthcheck;

/** A session question over GraphQL, together with its session, which decides what of it the caller may see. */
record QuestionView(SessionQuestion source, HealthSession session) {

	public String id() {
		return source.id();
	}

	public String question() {
		return source.title();
	}

	public String descriptionGood() {
		return source.descriptionGood();
	}

	public String descriptionBad() {
		return source.descriptionBad();
	}

	public int position() {
		return source.position();
	}

	public String libraryQuestionId() {
		return source.libraryQuestionId();
	}

	public boolean revealed() {
		return source.revealed();
	}

}
