package io.chatwire.bench;

import java.util.Locale;

/**
 * The outcome of one load run: rates over the measured window, delivery, latency, and how busy the
 * generator and (when its pid is known) the relay were. {@link #markdownRow()} is one line of the
 * table in {@code docs/BENCHMARKS.md}.
 *
 * @param label what was measured, e.g. {@code chatwire} or {@code naive}
 * @param rooms rooms
 * @param members members per room
 * @param senders senders per room
 * @param targetRate messages per second asked for
 * @param offeredRate messages per second actually sent in the measured window
 * @param deliveredRate first deliveries per second (datagrams out) in the measured window
 * @param expected deliveries expected for measured messages at observed members
 * @param delivered first deliveries of those
 * @param duplicates deliveries beyond the first
 * @param sendFailures measured messages the generator's socket refused (excluded from expected)
 * @param latency one-way latency of measured first deliveries, in nanoseconds
 * @param generatorCores CPU time of the generator's threads over wall time, in cores
 * @param relayCores CPU time of the relay process over wall time, in cores; negative if unknown
 * @param anomalies misrouted, echoed, malformed or notice datagrams seen (notices are normal)
 */
public record RunResult(
    String label,
    int rooms,
    int members,
    int senders,
    double targetRate,
    double offeredRate,
    double deliveredRate,
    long expected,
    long delivered,
    long duplicates,
    long sendFailures,
    Latency latency,
    double generatorCores,
    double relayCores,
    String anomalies) {

  /**
   * Latency percentiles in nanoseconds.
   *
   * @param count samples
   * @param p50 median
   * @param p99 99th percentile
   * @param p999 99.9th percentile
   * @param max largest
   */
  public record Latency(long count, long p50, long p99, long p999, long max) {
    static Latency of(LatencyHistogram h) {
      return new Latency(
          h.count(), h.percentile(50), h.percentile(99), h.percentile(99.9), h.max());
    }
  }

  /**
   * Delivered over expected, in percent (100 when nothing was expected).
   *
   * @return the delivery ratio
   */
  public double deliveryPercent() {
    return expected == 0 ? 100.0 : 100.0 * delivered / expected;
  }

  /**
   * Whether at least {@code percent} of the expected deliveries arrived.
   *
   * @param percent e.g. 99.9
   * @return whether the run passed
   */
  public boolean deliveredAtLeast(double percent) {
    return deliveryPercent() >= percent;
  }

  /**
   * The table header matching {@link #markdownRow()}.
   *
   * @return two lines: names and the separator
   */
  public static String markdownHeader() {
    return "| relay | rooms x members | senders/room | target msg/s in | offered msg/s in"
        + " | delivered dgram/s out | delivered % | dup | p50 | p99 | p99.9 | max"
        + " | generator cores | relay cores |\n"
        + "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  }

  /**
   * This run as one markdown table row.
   *
   * @return the row
   */
  public String markdownRow() {
    return String.format(
        Locale.ROOT,
        "| %s | %d x %d | %d | %,.0f | %,.0f | %,.0f | %s | %d | %s | %s | %s | %s | %.2f | %s |",
        label,
        rooms,
        members,
        senders,
        targetRate,
        offeredRate,
        deliveredRate,
        percent(deliveryPercent()),
        duplicates,
        micros(latency.p50()),
        micros(latency.p99()),
        micros(latency.p999()),
        micros(latency.max()),
        generatorCores,
        relayCores < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", relayCores));
  }

  /**
   * A one-line human summary for standard error.
   *
   * @return the summary
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: target %,.0f/s offered %,.0f/s, delivered %d/%d (%s), dup %d, send failures %d,"
            + " latency n=%d p50=%s p99=%s p99.9=%s max=%s, generator %.2f cores, relay %s; %s",
        label,
        targetRate,
        offeredRate,
        delivered,
        expected,
        percent(deliveryPercent()),
        duplicates,
        sendFailures,
        latency.count(),
        micros(latency.p50()),
        micros(latency.p99()),
        micros(latency.p999()),
        micros(latency.max()),
        generatorCores,
        relayCores < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f cores", relayCores),
        anomalies);
  }

  private static String percent(double p) {
    // 99.95 must not print as 100: the knee is about the last nines.
    return p >= 100.0
        ? "100 %"
        : String.format(Locale.ROOT, "%.3f %%", Math.floor(p * 1000) / 1000);
  }

  static String micros(long nanos) {
    if (nanos >= 10_000_000) {
      return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%,.0f µs", nanos / 1e3);
  }
}
