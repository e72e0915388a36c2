package io.chatwire.bench;

/** Turns a finished {@link RunState} into a {@link RunResult}: counts over the measured ids. */
final class Tally {
  private Tally() {}

  static RunResult of(
      RunState run,
      Schedule schedule,
      LoadOptions options,
      Sender sender,
      double rate,
      double generatorCores,
      double relayCores,
      long kernelDrops) {
    int m = run.members;
    long sent = sender.sent;
    long warm = run.measureFrom - run.base;
    long expected = 0;
    long delivered = 0;
    long duplicates = 0;
    long failures = 0;
    long offered = 0;
    for (long n = warm; n < sent; n++) {
      offered++;
      long id = run.base + n;
      if (run.sendFailed[(int) n] != 0) {
        failures++;
        continue;
      }
      if (schedule.room(id) % options.observeEvery() != 0) {
        continue;
      }
      int from = schedule.senderSlot(id);
      int row = (int) n * m;
      for (int s = 0; s < m; s++) {
        if (s == from) {
          continue;
        }
        int count = run.seen[row + s];
        expected++;
        if (count > 0) {
          delivered++;
          duplicates += count - 1;
        }
      }
    }
    RunState.Stats total = new RunState.Stats();
    for (RunState.Stats s : run.stats) {
      total.add(s);
    }
    double window = Math.max(1, sender.measureEndNanos - sender.measureStartNanos) / 1e9;
    String anomalies =
        String.format(
            "kernel UDP receive-buffer drops %d (system-wide%s); notices %d, misrouted %d,"
                + " echoes %d, malformed %d, read errors %d, stale %d",
            kernelDrops,
            options.observeEvery() > 1 ? ", includes the unread members' sockets" : "",
            total.notices,
            total.misrouted,
            total.echoes,
            total.malformed,
            total.readErrors,
            total.stale);
    return new RunResult(
        options.label(),
        options.rooms(),
        options.members(),
        options.senders(),
        rate,
        offered / window,
        delivered * (double) options.observeEvery() / window,
        expected,
        delivered,
        duplicates,
        failures,
        RunResult.Latency.of(total.latency),
        generatorCores,
        relayCores,
        anomalies);
  }
}
