package io.featurecreep.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet. Outbound webhooks may only reach those: never this machine, the
 * private networks around it, link-local cloud metadata services or other special ranges.
 */
final class PublicAddresses {

	private PublicAddresses() {
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return isPublicIpv6(bytes);
		}
		return false;
	}

	private static boolean isPublicIpv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		return !(first == 0 // this network
				|| first == 10 || first == 127 // private, loopback
				|| (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
				|| (first == 169 && second == 254) // link-local, cloud metadata
				|| (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168) // private
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
				|| (first == 192 && second == 0 && (b[2] & 0xff) == 2) // documentation
				|| (first == 198 && (second == 18 || second == 19)) // benchmarking
				|| (first == 198 && second == 51 && (b[2] & 0xff) == 100) // documentation
				|| (first == 203 && second == 0 && (b[2] & 0xff) == 113) // documentation
				|| first >= 224); // multicast, reserved, broadcast
	}

	private static boolean isPublicIpv6(byte[] b) {
		int first = b[0] & 0xff;
		if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
			return false;
		}
		if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4 2002::/16 embeds an IPv4 address
			return false;
		}
		if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) { // documentation
			return false;
		}
		boolean zeroPrefix = true;
		for (int i = 0; i < 10; i++) {
			zeroPrefix &= b[i] == 0;
		}
		if (zeroPrefix) { // ::, ::1, IPv4-compatible and IPv4-mapped addresses
			return false;
		}
		// NAT64 64:ff9b::/96 reaches IPv4 addresses through a translator
		return !(first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b);
	}

}
