package io.chatwire.wire.tests.v2;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Counts the bytes the current thread allocates while it runs a piece of hot-path work (heap bytes,
 * from {@code ThreadMXBean}, not time: a bound on them holds on any machine).
 */
final class Allocations {
  /** Runs before measuring, so that the JIT has compiled the work. */
  static final int WARM_UP = 20_000;

  /** Runs measured. */
  static final int ROUNDS = 10_000;

  private Allocations() {}

  /**
   * What {@link #measure} saw.
   *
   * @param allocated bytes allocated by the measured rounds
   * @param sum the sum of the measured rounds' results (so that the work cannot be dropped)
   * @param rounds how many rounds were measured
   */
  record Measured(long allocated, long sum, int rounds) {}

  /** Runs {@code work} {@link #WARM_UP} times, then measures {@link #ROUNDS} runs. */
  static Measured measure(LongSupplier work) {
    long warm = 0;
    for (int i = 0; i < WARM_UP; i++) {
      warm += work.getAsLong();
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    long sum = 0;
    for (int i = 0; i < ROUNDS; i++) {
      sum += work.getAsLong();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    if (warm / WARM_UP != sum / ROUNDS) {
      throw new AssertionError("the work must give the same result every time");
    }
    return new Measured(allocated, sum, ROUNDS);
  }
}
