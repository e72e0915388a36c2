package io.chatwire.server;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns the selector and every piece of room state, so that nothing the relay
 * touches needs a lock.
 *
 * <pre>
 *   loop:  select (at most 250 ms) -> dispatch ready keys -> run handed-over tasks
 *          -> sweep (idle members, request deadlines) every 250 ms
 * </pre>
 *
 * Other threads reach the state only through {@link #execute}, which queues a task and wakes the
 * selector.
 */
final class EventLoop implements Executor {
  /** What a selection key's attachment does when its channel is ready. */
  @FunctionalInterface
  interface Handler {
    void ready(SelectionKey key) throws IOException;
  }

  private static final Logger log = LoggerFactory.getLogger(EventLoop.class);
  private static final long SELECT_TIMEOUT_MS = 250;
  private static final long SWEEP_INTERVAL_NANOS = 250_000_000L;

  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Consumer<SelectionKey> dispatcher = this::dispatch;
  private volatile boolean running = true;
  private Thread thread;

  EventLoop(Selector selector) {
    this.selector = selector;
  }

  Selector selector() {
    return selector;
  }

  /** Starts the loop thread; {@code onStop} runs on it once, after the last iteration. */
  void start(Runnable sweep, Runnable onStop) {
    thread = new Thread(() -> run(sweep, onStop), "chatwire-loop");
    thread.setDaemon(true);
    thread.start();
  }

  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  long threadId() {
    return thread.getId();
  }

  boolean running() {
    return running;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Asks the loop to stop and waits for it (bounded); returns whether it has stopped. */
  boolean stop(Duration timeout) throws InterruptedException {
    running = false;
    selector.wakeup();
    if (inLoop()) {
      return false;
    }
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  private void run(Runnable sweep, Runnable onStop) {
    long lastSweep = System.nanoTime();
    try {
      while (running) {
        selector.select(dispatcher, SELECT_TIMEOUT_MS);
        runTasks();
        if (System.nanoTime() - lastSweep >= SWEEP_INTERVAL_NANOS) {
          lastSweep = System.nanoTime();
          safely(sweep);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.error("event loop failed, stopping", e);
    } finally {
      running = false;
      runTasks();
      safely(onStop);
      try {
        selector.close();
      } catch (IOException e) {
        log.warn("closing the selector failed: {}", e.toString());
      }
    }
  }

  private void dispatch(SelectionKey key) {
    if (!key.isValid()) {
      return;
    }
    try {
      ((Handler) key.attachment()).ready(key);
    } catch (IOException | RuntimeException e) {
      // Handlers deal with their own failures; this only keeps one bug from stopping the server.
      log.error("unexpected failure handling {}", key.attachment(), e);
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      safely(task);
    }
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("unexpected failure in a loop task", e);
    }
  }
}
