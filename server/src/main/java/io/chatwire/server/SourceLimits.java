package io.chatwire.server;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-source accounting of the control plane (InspIRCd's {@code localmax} and connect throttle):
 * open connections, a token bucket of new connections and one of wrong passwords, and when each
 * limit was last logged. A source is an IPv4 address or an IPv6 /64 ({@link
 * ServerOptions#sourceOf}); sources in {@code --exempt-ips} are never tracked. Event loop only,
 * except {@link #count}, which any thread reads.
 *
 * <pre>
 *   accept --admit()--> null: counted, opened() ... closed()   |  a Limit: refused with 429
 *   wrong password --passwordFailed()-->  bucket empty: passwordAllowed() is false until it refills
 *   a limit bites --bit()--> counted always, logged at most once per source and limit a minute
 * </pre>
 *
 * <p>Memory is bounded by the sources with open connections plus those seen in the last minute:
 * {@link #sweep} forgets a source with no connection, full buckets and no recent log line.
 */
final class SourceLimits {
  private static final Logger log = LoggerFactory.getLogger(SourceLimits.class);
  private static final long MINUTE_MILLIS = 60_000;
  private static final long SWEEP_INTERVAL_MILLIS = 1_000;
  private static final Limit[] LIMITS = Limit.values();

  /** One source's state. */
  private static final class Source {
    int connections;
    double connectTokens;
    long connectRefilled;
    double failureTokens;
    long failureRefilled;
    long lastLogged = Long.MIN_VALUE;
    final long[] logged = new long[LIMITS.length];
    final long[] unlogged = new long[LIMITS.length];

    Source() {
      Arrays.fill(logged, Long.MIN_VALUE);
    }
  }

  private final ServerOptions options;
  private final Clock clock;
  private final Map<InetAddress, Source> sources = new HashMap<>();
  private final AtomicLongArray bites = new AtomicLongArray(LIMITS.length);
  private long lastSweep;

  SourceLimits(ServerOptions options) {
    this.options = options;
    this.clock = options.clock();
  }

  /** The key {@code ip} counts under, or null when it is exempt from every per-source limit. */
  InetAddress sourceOf(InetAddress ip) {
    return options.exempt(ip) ? null : ServerOptions.sourceOf(ip);
  }

  /**
   * Takes one connection token of {@code source} (null: exempt) and checks its open connections.
   *
   * @return null if the connection may open (then call {@link #opened}), else the limit it hits
   */
  Limit admit(InetAddress source) {
    if (source == null) {
      return null;
    }
    long now = clock.millis();
    Source s = source(source, now);
    s.connectTokens =
        refill(
            s.connectTokens,
            now - s.connectRefilled,
            options.connectBurst(),
            options.connectRate() / 1000.0);
    s.connectRefilled = now;
    if (s.connectTokens < 1) {
      return Limit.CONNECT_RATE;
    }
    s.connectTokens--;
    return s.connections >= options.maxConnectionsPerIp() ? Limit.CONNECTIONS_PER_IP : null;
  }

  void opened(InetAddress source) {
    if (source != null) {
      source(source, clock.millis()).connections++;
    }
  }

  void closed(InetAddress source) {
    Source s = source == null ? null : sources.get(source);
    if (s != null && s.connections > 0) {
      s.connections--;
    }
  }

  /** Whether {@code source} (null: exempt) may have one more password checked. */
  boolean passwordAllowed(InetAddress source) {
    if (source == null) {
      return true;
    }
    long now = clock.millis();
    Source s = source(source, now);
    refillFailures(s, now);
    return s.failureTokens >= 1;
  }

  /** Counts one wrong password of {@code source} (null: exempt). */
  void passwordFailed(InetAddress source) {
    if (source == null) {
      return;
    }
    long now = clock.millis();
    Source s = source(source, now);
    refillFailures(s, now);
    s.failureTokens = Math.max(0, s.failureTokens - 1);
  }

  /**
   * Counts that {@code limit} bit {@code ip}, and logs it unless this source's line for this limit
   * was written less than a minute ago (the next line says how many were not logged).
   */
  void bit(Limit limit, InetAddress ip, String what) {
    int i = limit.ordinal();
    bites.setRelease(i, bites.getPlain(i) + 1);
    InetAddress key = ServerOptions.sourceOf(ip);
    long now = clock.millis();
    Source s = source(key, now);
    if (s.logged[i] != Long.MIN_VALUE && now - s.logged[i] < MINUTE_MILLIS) {
      s.unlogged[i]++;
      return;
    }
    long more = s.unlogged[i];
    s.logged[i] = now;
    s.lastLogged = now;
    s.unlogged[i] = 0;
    log.warn(
        "limit {} for {}: {}{}",
        limit.label(),
        ip.getHostAddress(),
        what,
        more == 0 ? "" : " (" + more + " more in the last minute, not logged)");
  }

  /** How often {@code limit} bit so far, from any thread. */
  long count(Limit limit) {
    return bites.getAcquire(limit.ordinal());
  }

  /** Sources tracked now, for tests. */
  int tracked() {
    return sources.size();
  }

  /** Forgets sources that have nothing left to remember; at most once a second. */
  void sweep() {
    long now = clock.millis();
    if (now - lastSweep < SWEEP_INTERVAL_MILLIS && now >= lastSweep) {
      return;
    }
    lastSweep = now;
    for (Iterator<Source> it = sources.values().iterator(); it.hasNext(); ) {
      Source s = it.next();
      refillFailures(s, now);
      double connect =
          refill(
              s.connectTokens,
              now - s.connectRefilled,
              options.connectBurst(),
              options.connectRate() / 1000.0);
      boolean quiet = s.lastLogged == Long.MIN_VALUE || now - s.lastLogged >= MINUTE_MILLIS;
      if (s.connections == 0
          && connect >= options.connectBurst()
          && s.failureTokens >= options.maxPasswordFailures()
          && quiet) {
        it.remove();
      }
    }
  }

  private Source source(InetAddress key, long now) {
    Source s = sources.get(key);
    if (s == null) {
      s = new Source();
      s.connectTokens = options.connectBurst();
      s.connectRefilled = now;
      s.failureTokens = options.maxPasswordFailures();
      s.failureRefilled = now;
      sources.put(key, s);
    }
    return s;
  }

  private void refillFailures(Source s, long now) {
    int max = options.maxPasswordFailures();
    s.failureTokens =
        refill(s.failureTokens, now - s.failureRefilled, max, max / (double) MINUTE_MILLIS);
    s.failureRefilled = now;
  }

  private static double refill(double tokens, long elapsedMillis, int capacity, double perMilli) {
    return elapsedMillis <= 0 ? tokens : Math.min(capacity, tokens + elapsedMillis * perMilli);
  }
}
