package io.chatwire.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * One member of a room: name, token, the IP it is bound to, its last UDP address and its flood
 * control bucket.
 *
 * <p>The address and the last-seen time are written by whichever relay thread received the member's
 * datagram and read by the others and by the idle sweep, hence volatile. Both are single values
 * (the address an immutable object), so no lock is needed; a member whose datagrams arrive on two
 * sockets at once keeps whichever write came last, as with one thread.
 */
final class Member {
  private final Room room;
  private final String name;
  private final byte[] username;
  private final byte[] token;
  private final InetAddress ip;
  private final byte[] ipBytes;
  private volatile SockAddr sockAddr;
  private volatile InetSocketAddress address;
  private volatile long lastSeenMillis;
  // Flood control: read and written only by the relay thread that receives the member's
  // datagrams (a member moving to another socket's thread may lose one update: harmless).
  private final FloodControl flood;
  private final boolean rateExempt;
  private long bucket;
  private long slowDownToldMillis;
  private long rateLoggedMillis;
  private long rateDropped;

  Member(
      Room room,
      String name,
      byte[] username,
      byte[] token,
      InetAddress ip,
      long nowMillis,
      FloodControl flood) {
    this.room = room;
    this.name = name;
    this.username = username;
    this.token = token;
    this.ip = ip;
    this.ipBytes = ip.getAddress();
    this.lastSeenMillis = nowMillis;
    this.flood = flood;
    this.rateExempt = !flood.limits(ip);
    this.bucket = FloodControl.fullBucket(nowMillis);
    this.slowDownToldMillis = nowMillis - FloodControl.NOTICE_EVERY_MILLIS;
    this.rateLoggedMillis = nowMillis - FloodControl.LOG_EVERY_MILLIS;
  }

  Room room() {
    return room;
  }

  String name() {
    return name;
  }

  /** The UTF-8 username, shared: never modify it. */
  byte[] username() {
    return username;
  }

  /** The token as lowercase hex ASCII, shared: never modify it. */
  byte[] token() {
    return token;
  }

  InetAddress ip() {
    return ip;
  }

  /** {@link #ip} as 4 or 16 bytes, shared: never modify it. */
  byte[] ipBytes() {
    return ipBytes;
  }

  /** The member's last UDP address as batched I/O saw it, or null (none yet, or portable I/O). */
  SockAddr sockAddr() {
    return sockAddr;
  }

  /** The member's last UDP address, or null while it has sent no datagram. */
  InetSocketAddress address() {
    return address;
  }

  boolean registered() {
    return address != null;
  }

  boolean isHost() {
    return room.host() == this;
  }

  long lastSeenMillis() {
    return lastSeenMillis;
  }

  /** Records a datagram from {@code source} (whose IP the caller has checked) at {@code now}. */
  void seen(InetSocketAddress source, long nowMillis) {
    InetSocketAddress current = address;
    if (current == null || current.getPort() != source.getPort()) {
      address = source;
    }
    seen(nowMillis);
  }

  /** Records a datagram from {@code source}, a new address of the member's, at {@code now}. */
  void seen(SockAddr source, long nowMillis) {
    // The raw form first: batched relays read only it, and it is never older than the address.
    sockAddr = source;
    address = source.address();
    seen(nowMillis);
  }

  /** Records a datagram from the member's last address at {@code now}. */
  void seen(long nowMillis) {
    // Skip the fenced write when the millisecond has not moved (bursts from one member).
    if (lastSeenMillis != nowMillis) {
      lastSeenMillis = nowMillis;
    }
  }

  /** Whether flood control spares this member (an exempt IP, or no {@code --max-rate}). */
  boolean rateExempt() {
    return rateExempt;
  }

  FloodControl flood() {
    return flood;
  }

  /**
   * Takes one message sent at {@code nowMillis} from the member's bucket: false when it is over the
   * rate and must be dropped. Relay thread only.
   */
  boolean withinRate(long nowMillis) {
    if (rateExempt) {
      return true;
    }
    long next = flood.take(bucket, nowMillis);
    if (next == Long.MIN_VALUE) {
      rateDropped++;
      return false;
    }
    bucket = next;
    return true;
  }

  /**
   * Whether the member, over the rate at {@code nowMillis}, is due a slow-down notice (one every
   * {@link FloodControl#NOTICE_EVERY_MILLIS} at most); if so, counts it as told.
   */
  boolean slowDownDue(long nowMillis) {
    if (nowMillis - slowDownToldMillis < FloodControl.NOTICE_EVERY_MILLIS) {
      return false;
    }
    slowDownToldMillis = nowMillis;
    return true;
  }

  /**
   * The messages dropped over the rate since the last log line, if a line is due at {@code
   * nowMillis} (one every {@link FloodControl#LOG_EVERY_MILLIS} at most), else 0.
   */
  long rateDropsToLog(long nowMillis) {
    if (rateDropped == 0 || nowMillis - rateLoggedMillis < FloodControl.LOG_EVERY_MILLIS) {
      return 0;
    }
    long dropped = rateDropped;
    rateDropped = 0;
    rateLoggedMillis = nowMillis;
    return dropped;
  }
}
