package io.chatwire.server;

/** A source of milliseconds for idle expiry and request deadlines, injectable for tests. */
@FunctionalInterface
public interface Clock {
  /**
   * The current time in milliseconds from an arbitrary, monotonic origin.
   *
   * @return the time
   */
  long millis();

  /**
   * The system's monotonic clock ({@link System#nanoTime()} in milliseconds).
   *
   * @return the clock
   */
  static Clock system() {
    return () -> System.nanoTime() / 1_000_000L;
  }
}
