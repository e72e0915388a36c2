package io.chatwire.client;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A thread-safe capture of one output stream, with bounded waits for expected text. */
final class Output {
  /** How long any expected output may take to appear. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  PrintStream stream() {
    return stream;
  }

  /** Everything written so far. */
  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The complete lines written so far. */
  List<String> lines() {
    String t = text();
    int end = t.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(t.substring(0, end).split("\r?\n", -1));
  }

  /** Waits until a whole line equals {@code line}. */
  void awaitLine(String line) {
    await("a line " + line, o -> o.lines().contains(line));
  }

  /** Waits until the output contains {@code part}. */
  void awaitContains(String part) {
    await("text " + part, o -> o.text().contains(part));
  }

  /** Waits until {@code condition} holds. */
  void await(String what, Predicate<Output> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.test(this)) {
      if (System.nanoTime() > deadline) {
        fail("waited " + WAIT + " for " + what + "; output so far:\n" + text());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }
}
