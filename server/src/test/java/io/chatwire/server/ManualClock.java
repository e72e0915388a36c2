package io.chatwire.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
final class ManualClock implements Clock {
  private final AtomicLong millis = new AtomicLong(1_000_000L);

  @Override
  public long millis() {
    return millis.get();
  }

  void advance(Duration by) {
    millis.addAndGet(by.toMillis());
  }
}
