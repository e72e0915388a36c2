package io.chatwire.server;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Per-member flood control ({@code --max-rate}, {@code --max-burst}): a token bucket of {@code
 * maxBurst} messages refilled at {@code maxRate} per second, from the relay's clock. Heartbeats
 * (empty messages) take nothing from it. A message over the rate is dropped and counted, and its
 * sender gets one {@code NOTICE} {@code slow down: N messages per second at most} every {@link
 * #NOTICE_EVERY_MILLIS} at most.
 *
 * <p>Each {@link Member} keeps its own bucket as one {@code long} (the generic cell rate algorithm:
 * the time at which the bucket will be full again, which is the same bucket stored as a time
 * instead of a count and a refill time):
 *
 * <pre>
 *   interval = 1 s / maxRate, capacity = maxBurst * interval
 *   full  = max(full, now) + interval      a message takes one interval from the bucket
 *   full - now &gt; capacity  --&gt;  dropped, full unchanged
 * </pre>
 *
 * One field, no allocation, no lock: the relay thread that receives a member's datagrams updates it
 * with plain reads and writes (two threads racing on one member lose at most one update).
 */
final class FloodControl {
  /** How often a member over the rate is told to slow down, at most. */
  static final long NOTICE_EVERY_MILLIS = 5_000;

  /** How often a member over the rate is logged, at most. */
  static final long LOG_EVERY_MILLIS = 60_000;

  /** Nobody is exempt. */
  static final Predicate<InetAddress> NOBODY = ip -> false;

  /** No flood control at all ({@code --max-rate 0}). */
  static final FloodControl OFF = new FloodControl(0, 1, NOBODY);

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final int maxRate;
  private final int maxBurst;
  private final long intervalMicros;
  private final long capacityMicros;
  private final byte[] slowDown;
  private final Predicate<InetAddress> exempt;

  /**
   * @param maxRate messages per second per member, 0 for no limit
   * @param maxBurst messages a member may send at once after a quiet spell, at least 1
   * @param exempt the member IPs to which no flood control applies
   */
  FloodControl(int maxRate, int maxBurst, Predicate<InetAddress> exempt) {
    if (maxRate < 0 || maxBurst < 1) {
      throw new IllegalArgumentException("max rate " + maxRate + ", max burst " + maxBurst);
    }
    this.maxRate = maxRate;
    this.maxBurst = maxBurst;
    this.intervalMicros = maxRate == 0 ? 0 : MICROS_PER_SECOND / maxRate;
    this.capacityMicros = maxBurst * intervalMicros;
    this.slowDown =
        ("slow down: " + maxRate + " messages per second at most").getBytes(StandardCharsets.UTF_8);
    this.exempt = exempt;
  }

  /** The settings of {@code options}, sparing the IPs {@code exempt} accepts. */
  static FloodControl of(ServerOptions options, Predicate<InetAddress> exempt) {
    return options.maxRate() == 0
        ? OFF
        : new FloodControl(options.maxRate(), options.maxBurst(), exempt);
  }

  int maxRate() {
    return maxRate;
  }

  int maxBurst() {
    return maxBurst;
  }

  /** Whether a member from {@code ip} is held to the rate (never with a rate of 0). */
  boolean limits(InetAddress ip) {
    return maxRate > 0 && !exempt.test(ip);
  }

  /** The bucket of a member created at {@code nowMillis}: full. */
  static long fullBucket(long nowMillis) {
    return nowMillis * 1_000;
  }

  /**
   * The bucket {@code full} after one more message at {@code nowMillis}, or {@link Long#MIN_VALUE}
   * when that message is over the rate (the bucket is then left as it was).
   */
  long take(long full, long nowMillis) {
    long now = nowMillis * 1_000;
    long next = Math.max(full, now) + intervalMicros;
    return next - now > capacityMicros ? Long.MIN_VALUE : next;
  }

  /** The text of the slow-down notice, shared: never modify it. */
  byte[] slowDownText() {
    return slowDown;
  }
}
