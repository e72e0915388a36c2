package io.chatwire.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for conditions the server reaches asynchronously. */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    until(what, Duration.ofSeconds(5), condition);
  }

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  /** Waits until the server has accepted {@code n} heartbeats in total. */
  static void heartbeats(ChatServer server, long n) {
    until(n + " heartbeats", () -> server.stats().heartbeats() >= n);
  }
}
