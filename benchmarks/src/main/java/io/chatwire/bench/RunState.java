package io.chatwire.bench;

/**
 * What one run shares between the sender and the receivers: the range of message ids it sends,
 * which of them are measured, and a delivery count per (message, member slot).
 *
 * <pre>
 * id:  base ........ measureFrom ............................. end
 *      |  warm-up   |  measured: latency recorded, loss counted |
 * seen[(id - base) * members + slot] = deliveries of message id at member slot (saturates at 127)
 * </pre>
 *
 * <p>Each receiver writes only the {@code seen} bytes of its own members and its own {@link Stats};
 * the main thread reads them after every receiver has acknowledged the next run's epoch.
 */
final class RunState {
  final int epoch;
  final long base;
  final long measureFrom;
  final long end;
  final int members;
  final byte[] seen;

  /** 1 where the sender's socket refused the message (buffer full), written by the sender. */
  final byte[] sendFailed;

  final Stats[] stats;

  RunState(int epoch, long base, long measureFrom, long end, int members, int receivers) {
    this.epoch = epoch;
    this.base = base;
    this.measureFrom = measureFrom;
    this.end = end;
    this.members = members;
    this.seen = new byte[Math.toIntExact((end - base) * members)];
    this.sendFailed = new byte[Math.toIntExact(end - base)];
    this.stats = new Stats[receivers];
    for (int i = 0; i < receivers; i++) {
      stats[i] = new Stats();
    }
  }

  /** A state that counts every datagram as stale: between runs. */
  static RunState idle(int epoch, int receivers) {
    return new RunState(epoch, 0, 0, 0, 1, receivers);
  }

  /** One receiver's counters for one run. */
  static final class Stats {
    final LatencyHistogram latency = new LatencyHistogram();
    long datagrams;
    long firstDeliveries;
    long notices;
    long malformed;
    long stale;
    long misrouted;
    long echoes;
    long readErrors;

    void add(Stats o) {
      latency.add(o.latency);
      datagrams += o.datagrams;
      firstDeliveries += o.firstDeliveries;
      notices += o.notices;
      malformed += o.malformed;
      stale += o.stale;
      misrouted += o.misrouted;
      echoes += o.echoes;
      readErrors += o.readErrors;
    }
  }
}
