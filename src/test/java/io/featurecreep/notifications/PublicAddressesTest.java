package io.featurecreep.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which addresses a webhook may reach: public ones only, also when a private IPv4 address hides inside an IPv6
 * one (mapped, translated, 6to4, Teredo, NAT64).
 */
class PublicAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
			"0.0.0.0", "255.255.255.255", "224.0.0.1", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
			"2001:db8::1", "100::1", "::127.0.0.1" })
	void refusesThisMachinePrivateAndSpecialRanges(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			// IPv4-translated ::ffff:0:0:0/96 (SIIT): 127.0.0.1, 10.0.0.1, 169.254.169.254
			"::ffff:0:7f00:1", "::ffff:0:a00:1", "::ffff:0:a9fe:a9fe",
			// NAT64 64:ff9b::/96: 127.0.0.1, 169.254.169.254, 192.168.0.1
			"64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::c0a8:1",
			// local-use NAT64 64:ff9b:1::/48: where the IPv4 address sits depends on the operator's prefix
			"64:ff9b:1::808:808", "64:ff9b:1:808:808::",
			// 6to4 2002::/16: 127.0.0.1, 10.0.0.1, 169.254.169.254
			"2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1",
			// Teredo 2001::/32: server 127.0.0.1; server 192.168.1.1 with client 8.8.8.8;
			// server 65.54.227.120 with client 10.0.0.1, 127.0.0.1, 169.254.169.254 (client bits inverted)
			"2001:0:7f00:1::", "2001:0:c0a8:101::f7f7:f7f7", "2001:0:4136:e378:8000:63bf:f5ff:fffe",
			"2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:4136:e378:8000:63bf:5601:5601" })
	void refusesIpv6AddressesThatCarryANonPublicIpv4Address(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:c0a8:1" })
	void refusesIpv4MappedAddressesAlsoWhenJavaKeepsThemAsIpv6(String address) throws UnknownHostException {
		byte[] bytes = InetAddress.getByName(address).getAddress();
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(bytes, bytes.length - 4, mapped, 12, 4);

		assertThat(PublicAddresses.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "fe80::1", "2606:4700::6810:84e5" })
	void anAddressWithAScopeIsJudgedByItsAddress(String address) throws UnknownHostException {
		InetAddress plain = InetAddress.getByName(address);
		InetAddress scoped = Inet6Address.getByAddress(null, plain.getAddress(), 7);

		assertThat(PublicAddresses.isPublic(scoped)).isEqualTo(PublicAddresses.isPublic(plain));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "162.159.128.233", "2606:4700::6810:84e5", "2a00:1450:4001:80b::200e",
			// the same public 8.8.8.8 inside IPv6: translated, NAT64 (DNS64 in IPv6-only networks), 6to4, Teredo
			"::ffff:0:808:808", "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7" })
	void letsPublicAddressesThrough(String address) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).isTrue();
	}

}
