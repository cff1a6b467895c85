package io.featurecreep.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.featurecreep.chat.ChatIdentityStore.LinkedAccount;
import io.featurecreep.identity.PersonErased;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * Which person a chat user is. A chat user who is not linked yet gets a one-time link (valid 15 minutes, single use;
 * only a hash of it is stored) to open signed in; confirming it there links the chat user to whoever is signed in.
 * Links are absolute, from the configured public address ({@code feature-creep.public-url}), never from a request's
 * Host header. An erased person's links go with their account.
 */
@Service
public class ChatLinks {

	static final Duration VALID = Duration.ofMinutes(15);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChatIdentityStore store;

	private final Clock clock;

	private final String publicUrl;

	ChatLinks(ChatIdentityStore store, Clock clock, @Value("${feature-creep.public-url:}") String publicUrl) {
		this.store = store;
		this.clock = clock;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** The person the chat user is linked to, if any. */
	@Transactional(readOnly = true)
	public Optional<String> personOf(ChatUser user) {
		return store.personOf(user);
	}

	/** Whether links can be made: they need the server's public address. */
	public boolean linksPossible() {
		return !publicUrl.isEmpty();
	}

	/** A new one-time link for the chat user to open signed in. */
	@Transactional
	public String newLink(ChatUser user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		store.deleteExpiredTokens(now);
		store.saveToken(hash(token), user, now, now.plus(VALID));
		return publicUrl + "/chat/link/" + token;
	}

	/** The chat user a link is for, while it is valid. */
	@Transactional(readOnly = true)
	Optional<ChatUser> pending(String token) {
		return store.tokenUser(hash(token), clock.instant());
	}

	/** Links the link's chat user to the person; the link is used up. */
	@Transactional
	ChatUser confirm(String token, String personId) {
		String hash = hash(token);
		ChatUser user = store.tokenUser(hash, clock.instant()).filter(found -> store.useToken(hash))
			.orElseThrow(() -> DomainException.of(ErrorCode.NOT_FOUND, "chat.link.invalid"));
		store.link(user, personId, clock.instant());
		return user;
	}

	@Transactional(readOnly = true)
	List<LinkedAccount> accountsOf(String personId) {
		return store.ofPerson(personId);
	}

	/** Unlinks one of the person's own chat accounts; another's is not theirs to touch. */
	@Transactional
	void unlink(String personId, ChatUser user) {
		if (store.personOf(user).filter(personId::equals).isEmpty()) {
			throw DomainException.of(ErrorCode.NOT_FOUND, "chat.link.invalid");
		}
		store.unlink(user);
	}

	@EventListener
	void on(PersonErased erased) {
		store.forgetPerson(erased.personId());
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
