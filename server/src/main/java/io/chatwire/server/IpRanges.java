package io.chatwire.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of IPv4 and IPv6 CIDR ranges ({@code 10.0.0.0/8,2001:db8::/32,127.0.0.1}), as {@code
 * --exempt-ips} takes them. An IPv4 address never matches an IPv6 range or the reverse, except that
 * an IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) is matched as the IPv4 address it maps.
 */
public final class IpRanges {
  /** One range: the network's address bytes and the prefix length. */
  private record Range(byte[] network, int prefix, String text) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private static final IpRanges NONE = new IpRanges(List.of());

  private final List<Range> ranges;

  private IpRanges(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * No range at all: nothing matches.
   *
   * @return the empty set
   */
  public static IpRanges none() {
    return NONE;
  }

  /**
   * Parses comma-separated CIDR ranges; an address without {@code /N} is one host. Host bits set
   * under the prefix ({@code 10.1.2.3/8}) are ignored, as most firewalls do. Only literal addresses
   * are accepted: a host name is never resolved.
   *
   * @param text e.g. {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; blank for none
   * @return the ranges
   * @throws IllegalArgumentException naming the first range that is not a CIDR
   */
  public static IpRanges parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      return NONE;
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      ranges.add(range(part.trim()));
    }
    return new IpRanges(List.copyOf(ranges));
  }

  /**
   * Whether {@code address} is in one of the ranges.
   *
   * @param address any address
   * @return true if a range contains it
   */
  public boolean contains(InetAddress address) {
    if (ranges.isEmpty()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address && isMappedIpv4(bytes)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether there are no ranges.
   *
   * @return true for {@link #none()}
   */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** The ranges as given, comma-separated: parsing it again gives equal ranges. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Range range : ranges) {
      s.append(s.length() == 0 ? "" : ",").append(range.text());
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRanges other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  private static Range range(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!looksLiteral(host)) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
    }
    byte[] network;
    try {
      network = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
    }
    int bits = network.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "'" + cidr + "': prefix length must be between 0 and " + bits);
      }
    }
    return new Range(network, prefix, cidr);
  }

  /** Digits, dots, hex and colons only: InetAddress.getByName would resolve anything else. */
  private static boolean looksLiteral(String host) {
    if (host.isEmpty()) {
      return false;
    }
    boolean colon = host.indexOf(':') >= 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == '.'
              || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return false;
      }
    }
    return colon || host.chars().filter(c -> c == '.').count() == 3;
  }

  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
  }
}
