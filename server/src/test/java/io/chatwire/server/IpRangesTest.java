package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** CIDR parsing and matching of {@code --exempt-ips}, without sockets. */
class IpRangesTest {
  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void matchesIpv4Ranges() throws UnknownHostException {
    IpRanges r = IpRanges.parse("10.0.0.0/8, 192.168.1.7,172.16.0.0/12");
    assertThat(r.contains(ip("10.255.1.2"))).isTrue();
    assertThat(r.contains(ip("11.0.0.1"))).isFalse();
    assertThat(r.contains(ip("192.168.1.7"))).isTrue();
    assertThat(r.contains(ip("192.168.1.8"))).isFalse();
    assertThat(r.contains(ip("172.31.255.255"))).isTrue();
    assertThat(r.contains(ip("172.32.0.0"))).isFalse();
  }

  @Test
  void matchesIpv6RangesAndNotTheOtherFamily() throws UnknownHostException {
    IpRanges r = IpRanges.parse("2001:db8::/33,::1");
    assertThat(r.contains(ip("2001:db8:7fff::1"))).isTrue();
    assertThat(r.contains(ip("2001:db8:8000::1"))).isFalse();
    assertThat(r.contains(ip("::1"))).isTrue();
    assertThat(r.contains(ip("127.0.0.1"))).isFalse();
    assertThat(IpRanges.parse("0.0.0.0/0").contains(ip("::2"))).isFalse();
    assertThat(IpRanges.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
    assertThat(IpRanges.parse("::/0").contains(ip("2001:db8::1"))).isTrue();
  }

  @Test
  void hostBitsUnderThePrefixAreIgnored() throws UnknownHostException {
    assertThat(IpRanges.parse("10.1.2.3/8").contains(ip("10.9.9.9"))).isTrue();
    assertThat(IpRanges.parse("10.1.2.3/23").contains(ip("10.1.3.200"))).isTrue();
    assertThat(IpRanges.parse("10.1.2.3/23").contains(ip("10.1.4.0"))).isFalse();
  }

  @Test
  void noneMatchesNothingAndPrintsEmpty() throws UnknownHostException {
    assertThat(IpRanges.parse(" ")).isEqualTo(IpRanges.none());
    assertThat(IpRanges.none().contains(ip("127.0.0.1"))).isFalse();
    assertThat(IpRanges.none().toString()).isEmpty();
    assertThat(IpRanges.parse("10.0.0.0/8,::1").toString()).isEqualTo("10.0.0.0/8,::1");
  }

  @Test
  void rejectsWhatIsNotACidr() {
    for (String bad :
        new String[] {
          "localhost", "10.0.0.0/33", "::1/129", "10.0.0/8", "10.0.0.0/x", "1.2.3.4,"
        }) {
      assertThatThrownBy(() -> IpRanges.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void ipv6SourcesCountPerSlash64() throws UnknownHostException {
    assertThat(ServerOptions.sourceOf(ip("2001:db8:1:2:aaaa::1")))
        .isEqualTo(ServerOptions.sourceOf(ip("2001:db8:1:2:bbbb::9")))
        .isNotEqualTo(ServerOptions.sourceOf(ip("2001:db8:1:3::1")));
    assertThat(ServerOptions.sourceOf(ip("192.0.2.1"))).isEqualTo(ip("192.0.2.1"));
  }
}
