package io.chatwire.server;

import java.net.InetSocketAddress;

/**
 * A UDP peer's address as the kernel writes it into a {@code struct sockaddr}: up to 32 bytes held
 * as four words, so that a batched relay can tell whether a datagram came from a member's last
 * address with four comparisons and no allocation. Immutable; made only when a member's address
 * changes. {@link #address} is the same peer for everything that is not the hot path.
 */
final class SockAddr {
  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;
  private final int length;
  private final InetSocketAddress address;

  /**
   * @param w0 the first eight {@code sockaddr} bytes as one native-order word; {@code w1} to {@code
   *     w3} the next ones, zero past {@code length}
   * @param length the {@code socklen_t} to pass with it
   * @param address the same peer
   */
  SockAddr(long w0, long w1, long w2, long w3, int length, InetSocketAddress address) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
    this.length = length;
    this.address = address;
  }

  long word0() {
    return w0;
  }

  long word1() {
    return w1;
  }

  long word2() {
    return w2;
  }

  long word3() {
    return w3;
  }

  /** Whether these are the four words given. */
  boolean is(long v0, long v1, long v2, long v3) {
    return w0 == v0 && w1 == v1 && w2 == v2 && w3 == v3;
  }

  int length() {
    return length;
  }

  InetSocketAddress address() {
    return address;
  }

  @Override
  public String toString() {
    return address.toString();
  }
}
