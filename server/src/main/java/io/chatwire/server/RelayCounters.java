package io.chatwire.server;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters of one relay thread: written only by that thread, read by {@code stats()} on the
 * event loop. A release write of a plain read-plus-one never tears and costs no fence on x86 (a
 * plain store); a reader that sees a count also sees what the relay thread did before it (e.g. the
 * member's last-seen time a heartbeat set). The array is padded so that two relay threads' counters
 * never share a cache line.
 */
final class RelayCounters {
  static final int RECEIVED = 0;
  static final int HEARTBEATS = 1;
  static final int RELAYED = 2;
  static final int SENT = 3;
  static final int DROPPED_MALFORMED = 4;
  static final int DROPPED_UNKNOWN_ROOM = 5;
  static final int DROPPED_BAD_TOKEN = 6;
  static final int DROPPED_WRONG_ADDRESS = 7;
  static final int DROPPED_OVERSIZE = 8;
  static final int SEND_FAILURES = 9;
  static final int RECEIVE_ERRORS = 10;
  static final int DROPPED_RATE = 11;
  static final int COUNT = 12;

  // 16 longs = two 64-byte cache lines of padding on each side.
  private static final int PAD = 16;

  private final AtomicLongArray counts = new AtomicLongArray(PAD + COUNT + PAD);

  /** Adds one; only the owning thread may call it. */
  void increment(int counter) {
    add(counter, 1);
  }

  /** Adds {@code n}; only the owning thread may call it. */
  void add(int counter, long n) {
    int i = PAD + counter;
    counts.setRelease(i, counts.getPlain(i) + n);
  }

  /** The current value, from any thread. */
  long get(int counter) {
    return counts.getAcquire(PAD + counter);
  }
}
