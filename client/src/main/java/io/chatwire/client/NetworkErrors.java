package io.chatwire.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Turns network exceptions into the one line the user reads. */
final class NetworkErrors {
  private NetworkErrors() {}

  /** Why connecting to {@code peer} failed. */
  static String connectFailure(String peer, Duration timeout, IOException e) {
    String prefix = "cannot connect to " + peer + ": ";
    if (e instanceof UnknownHostException) {
      return prefix + "unknown host";
    }
    if (e instanceof SocketTimeoutException) {
      return prefix + "no answer within " + seconds(timeout);
    }
    if (e instanceof NoRouteToHostException) {
      return prefix + "no route to host";
    }
    if (e instanceof ConnectException) {
      String m = e.getMessage();
      return prefix
          + (m == null
              ? "connection refused"
              : m.replaceFirst(" \\(.*\\)$", "").toLowerCase(java.util.Locale.ROOT));
    }
    return prefix + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  /** {@code 10s}, {@code 1.5s}. */
  static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
  }
}
