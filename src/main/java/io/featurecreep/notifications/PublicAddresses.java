package io.featurecreep.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Whether an address is on the public internet. Outbound webhooks may only reach those: never this machine, the
 * private networks around it, link-local cloud metadata services or other special ranges, also not when such an
 * IPv4 address hides inside an IPv6 one.
 */
final class PublicAddresses {

	/** IANA's special-purpose IPv4 ranges that are not globally reachable, or that nobody's webhook lives in. */
	private static final List<IpAddressMatcher> NOT_PUBLIC_IPV4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
			"127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
			"192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3");

	/**
	 * The same for IPv6, after the ranges that carry an IPv4 address: {@code ::/80} holds {@code ::}, {@code ::1}
	 * and the deprecated IPv4-compatible addresses; {@code 2001::/23} the IETF's protocol assignments.
	 */
	private static final List<IpAddressMatcher> NOT_PUBLIC_IPV6 = ranges("::/80", "100::/64", "2001::/23",
			"2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

	/** SIIT's IPv4-translated addresses: the IPv4 host itself. */
	private static final IpAddressMatcher IPV4_TRANSLATED = new IpAddressMatcher("::ffff:0:0:0/96");

	/** NAT64's well-known prefix: a translator reaches the IPv4 address in the last 32 bits (DNS64 makes them). */
	private static final IpAddressMatcher NAT64 = new IpAddressMatcher("64:ff9b::/96");

	private static final IpAddressMatcher LOCAL_NAT64 = new IpAddressMatcher("64:ff9b:1::/48");

	/** 6to4: relays deliver to the IPv4 address in bits 16-47. */
	private static final IpAddressMatcher SIX_TO_FOUR = new IpAddressMatcher("2002::/16");

	/** Teredo: the server's IPv4 address in bits 32-63, the client's, inverted, in the last 32 bits. */
	private static final IpAddressMatcher TEREDO = new IpAddressMatcher("2001::/32");

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		if (address instanceof Inet4Address) {
			return isPublicIpv4(address);
		}
		if (address instanceof Inet6Address) {
			return isPublicIpv6(address);
		}
		return false;
	}

	private static boolean isPublicIpv4(InetAddress address) {
		String literal = address.getHostAddress();
		return NOT_PUBLIC_IPV4.stream().noneMatch(range -> range.matches(literal));
	}

	/**
	 * An IPv6 address that carries an IPv4 address is as public as that address, since the network delivers it
	 * there; one that carries two (Teredo) only if both are.
	 */
	private static boolean isPublicIpv6(InetAddress address) {
		byte[] bytes = address.getAddress();
		String literal = address.getHostAddress();
		if (isIpv4Mapped(bytes) || IPV4_TRANSLATED.matches(literal) || NAT64.matches(literal)) {
			return isPublicIpv4(ipv4(bytes, 12, false));
		}
		if (LOCAL_NAT64.matches(literal)) {
			// RFC 8215: each operator chooses the prefix length (/48 up to /96) and with it where the IPv4 address
			// sits, so the address it reaches cannot be read from it; and such a translator is local by definition
			return false;
		}
		if (SIX_TO_FOUR.matches(literal)) {
			return isPublicIpv4(ipv4(bytes, 2, false));
		}
		if (TEREDO.matches(literal)) {
			return isPublicIpv4(ipv4(bytes, 4, false)) && isPublicIpv4(ipv4(bytes, 12, true));
		}
		return NOT_PUBLIC_IPV6.stream().noneMatch(range -> range.matches(literal));
	}

	/**
	 * {@code ::ffff:0:0/96}. Java turns these into IPv4 addresses when it parses or resolves them, but an
	 * {@code Inet6Address} built from bytes keeps them (and a matcher cannot even be built for the range).
	 */
	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

	private static InetAddress ipv4(byte[] bytes, int at, boolean inverted) {
		byte[] ipv4 = new byte[4];
		for (int i = 0; i < 4; i++) {
			ipv4[i] = (byte) (inverted ? ~bytes[at + i] : bytes[at + i]);
		}
		try {
			return InetAddress.getByAddress(ipv4);
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static List<IpAddressMatcher> ranges(String... cidrs) {
		return Stream.of(cidrs).map(IpAddressMatcher::new).toList();
	}

}
