package io.chatwire.bench;

/**
 * A fixed log-linear histogram of nanosecond values (HdrHistogram's idea, dependency-free): 128
 * linear sub-buckets per power of two, so every recorded value is reported within 0.8 % of itself.
 * Recording allocates nothing; one instance per thread, merged afterwards.
 *
 * <pre>
 * index:  0 .. 127 | 128 .. 255 | 256 .. 383  | ...
 * value:  0 .. 127 | 128 .. 255 | 256 .. 511 (step 2) | 512 .. 1023 (step 4) ...
 * </pre>
 */
final class LatencyHistogram {
  private static final int SUB_BITS = 7;
  private static final int SUB_COUNT = 1 << SUB_BITS;

  /** Values are clamped to 2^40 ns (about 18 minutes). */
  private static final long MAX_VALUE = (1L << 40) - 1;

  private static final int BUCKETS = index(MAX_VALUE) + 1;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;
  private long sum;

  /** Records one value; negative values count as 0. */
  void record(long nanos) {
    long v = Math.min(Math.max(nanos, 0), MAX_VALUE);
    counts[index(v)]++;
    total++;
    sum += v;
    if (v > max) {
      max = v;
    }
  }

  /** Adds every value of {@code other} to this one. */
  void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    max = Math.max(max, other.max);
  }

  long count() {
    return total;
  }

  long max() {
    return max;
  }

  double mean() {
    return total == 0 ? 0 : (double) sum / total;
  }

  /** The value at {@code percentile} (0..100): the highest value equivalent to its bucket. */
  long percentile(double percentile) {
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(highestEquivalent(i), max);
      }
    }
    return max;
  }

  static int index(long v) {
    if (v < SUB_COUNT) {
      return (int) v;
    }
    int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
    int sub = (int) (v >>> shift);
    return ((shift + 1) << SUB_BITS) + (sub - SUB_COUNT);
  }

  static long highestEquivalent(int index) {
    if (index < SUB_COUNT) {
      return index;
    }
    int shift = (index >>> SUB_BITS) - 1;
    long sub = (index & (SUB_COUNT - 1)) + SUB_COUNT;
    return ((sub + 1) << shift) - 1;
  }
}
