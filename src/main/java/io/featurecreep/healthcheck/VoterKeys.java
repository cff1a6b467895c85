package io.featurecreep.healthcheck;

import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The key under which a vote is stored. In a named session it is the voter's id. In an anonymous session it
 * is an HMAC of question and voter under the {@link AnonymityKey}, a secret that never enters the database: the
 * database still enforces one vote per person per question, but reading it cannot tell who voted what, nor link
 * one person's votes across questions.
 */
@Component
class VoterKeys {

	private final AnonymityKey key;

	VoterKeys(AnonymityKey key) {
		this.key = key;
	}

	String keyFor(HealthSession session, String questionId, String personId) {
		return session.anonymous() ? anonymousKey(questionId, personId) : personId;
	}

	/** The key in an anonymous session, whether or not the session is one (see {@link VoteUpsert}). */
	String anonymousKey(String questionId, String personId) {
		return "anon:" + HexFormat.of().formatHex(key.hmac(questionId + "\n" + personId));
	}

}
