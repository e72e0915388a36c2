package io.chatwire.server;

import io.chatwire.protocol.Operation;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * TCRP requests answered, by operation and status: written only by the event loop, read from any
 * thread (the metrics endpoint), with the single-writer release/acquire scheme of {@link
 * RelayCounters}.
 */
final class TcrpCounters {
  /** Every status a {@link Reply} carries, in the order of the counters. */
  static final int[] STATUSES = {
    Reply.OK,
    Reply.BAD_REQUEST,
    Reply.UNAUTHORIZED,
    Reply.FORBIDDEN,
    Reply.NOT_FOUND,
    Reply.CONFLICT,
    Reply.TOO_LARGE,
    Reply.TOO_MANY
  };

  private static final Operation[] OPERATIONS = Operation.values();

  // One row per operation, and a last one for answers sent before any header was read (refusals).
  private final AtomicLongArray counts =
      new AtomicLongArray((OPERATIONS.length + 1) * STATUSES.length);

  /**
   * Counts one answer; a status not in {@link #STATUSES} is not counted. Event loop only.
   *
   * @param operation the request's operation, or null when none was read (a refused connection)
   */
  void answered(Operation operation, int status) {
    int s = statusIndex(status);
    if (s < 0) {
      return;
    }
    int i = row(operation) * STATUSES.length + s;
    counts.setRelease(i, counts.getPlain(i) + 1);
  }

  /** Answers so far with {@code status} to {@code operation} (null: none read), any thread. */
  long get(Operation operation, int status) {
    int s = statusIndex(status);
    return s < 0 ? 0 : counts.getAcquire(row(operation) * STATUSES.length + s);
  }

  private static int row(Operation operation) {
    return operation == null ? OPERATIONS.length : operation.ordinal();
  }

  private static int statusIndex(int status) {
    for (int i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i] == status) {
        return i;
      }
    }
    return -1;
  }
}
