package io.featurecreep.shared;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers of new records: random (version 4) UUID strings, as the original API hands out.
 * <p>
 * Not {@link UUID#randomUUID()}: it draws from one {@code SecureRandom} for the whole JVM, whose default on Linux
 * (NativePRNG) takes a global lock and reads {@code /dev/urandom} under it. With every request thread creating ids
 * (a vote creates one) the threads queued on that lock: JFR counted 3,200 waits of 10 ms or more in a 110 s recording
 * of votes. The ids come from a few DRBG generators instead (the JDK's NIST SP 800-90A generator, seeded from the
 * system's entropy once each), picked by thread: as unpredictable, and a thread seldom meets another on its generator.
 */
public final class Ids {

	/** Four a core, rounded up to a power of two, so a thread's generator is picked with a mask. */
	private static final int GENERATORS = 1 << (32
			- Integer.numberOfLeadingZeros(4 * Runtime.getRuntime().availableProcessors() - 1));

	private static final SecureRandom[] RANDOMS = new SecureRandom[GENERATORS];

	static {
		for (int i = 0; i < GENERATORS; i++) {
			RANDOMS[i] = drbg();
		}
	}

	private Ids() {
	}

	public static String newId() {
		byte[] bytes = new byte[16];
		RANDOMS[(int) Thread.currentThread().threadId() & (GENERATORS - 1)].nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4: random
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the IETF variant
		ByteBuffer halves = ByteBuffer.wrap(bytes);
		return new UUID(halves.getLong(), halves.getLong()).toString();
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException notInThisJdk) {
			// every JDK since 9 has it; were it removed, the platform's default is still a secure generator
			return new SecureRandom();
		}
	}

}
