package io.chatwire.bench;

import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagramDecoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.function.Consumer;

/**
 * One receiving thread: a selector over many members' sockets, one reused direct buffer, the
 * generated {@link RelayDatagramDecoder}. Per datagram it parses the message id and send time,
 * bumps the (message, member) delivery count and records the one-way latency of first deliveries of
 * measured messages. Allocates nothing per datagram.
 */
final class Receiver implements Runnable {
  /**
   * One read per ready socket per select: a member socket rarely holds two datagrams, so reading
   * until empty would cost a second (EAGAIN) syscall per datagram; level-triggered epoll reports a
   * socket with more again at once.
   */
  private static final int READS_PER_KEY = 1;

  private static final long SELECT_MILLIS = 10;

  private final int id;
  private final Selector selector;
  private final Schedule schedule;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(RelayDatagramDecoder.MAX_LENGTH + 1);
  private final RelayDatagramDecoder decoder = new RelayDatagramDecoder();
  private final int[] next = new int[1];
  private final Consumer<SelectionKey> onReady = this::ready;
  private volatile RunState current;
  private volatile boolean running = true;
  private volatile int acknowledged = -1;
  private RunState run;
  private RunState.Stats stats;
  private Thread thread;

  Receiver(int id, List<Endpoint> endpoints, Schedule schedule, RunState initial) {
    this.id = id;
    this.schedule = schedule;
    this.current = initial;
    try {
      this.selector = Selector.open();
      for (Endpoint e : endpoints) {
        e.channel.register(selector, SelectionKey.OP_READ, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void start() {
    thread = new Thread(this, "loadgen-receiver-" + id);
    thread.setDaemon(true);
    thread.start();
  }

  long threadId() {
    return thread.getId();
  }

  /** Switches to {@code next}; see {@link #acknowledged(int)}. */
  void switchTo(RunState next) {
    current = next;
    selector.wakeup();
  }

  /** Whether this receiver has stopped touching every state older than {@code epoch}. */
  boolean acknowledged(int epoch) {
    return acknowledged >= epoch;
  }

  /** A racy read of the first deliveries so far, for deciding when a drain is complete. */
  long firstDeliveriesSoFar(RunState of) {
    return of.stats[id].firstDeliveries;
  }

  void stop() throws InterruptedException {
    running = false;
    selector.wakeup();
    thread.join(5_000);
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing a selector of a finished thread cannot matter
    }
  }

  @Override
  public void run() {
    while (running) {
      run = current;
      stats = run.stats[id];
      try {
        selector.select(onReady, SELECT_MILLIS);
      } catch (IOException e) {
        stats.readErrors++;
      }
      acknowledged = run.epoch;
    }
  }

  private void ready(SelectionKey key) {
    Endpoint endpoint = (Endpoint) key.attachment();
    for (int i = 0; i < READS_PER_KEY; i++) {
      buffer.clear();
      int n;
      try {
        n = endpoint.channel.read(buffer);
      } catch (IOException e) {
        // e.g. PortUnreachableException from an ICMP error before the relay was up
        stats.readErrors++;
        return;
      }
      if (n <= 0) {
        return;
      }
      handle(endpoint, n, System.nanoTime());
    }
  }

  private void handle(Endpoint endpoint, int length, long now) {
    stats.datagrams++;
    try {
      decoder.wrap(buffer, 0, length);
    } catch (MalformedFrameException e) {
      stats.malformed++;
      return;
    }
    if (decoder.kind() != Kind.MESSAGE) {
      stats.notices++;
      return;
    }
    int end = decoder.textOffset() + decoder.textLength();
    long message = MessageText.parse(buffer, decoder.textOffset(), end, next);
    long sentAt = message < 0 ? -1 : MessageText.parse(buffer, next[0], end, next);
    if (sentAt < 0) {
      stats.malformed++;
      return;
    }
    if (message < run.base || message >= run.end) {
      stats.stale++;
      return;
    }
    if (schedule.room(message) != endpoint.room) {
      stats.misrouted++;
      return;
    }
    if (schedule.senderSlot(message) == endpoint.slot) {
      stats.echoes++;
      return;
    }
    int index = (int) (message - run.base) * run.members + endpoint.slot;
    byte count = run.seen[index];
    if (count == 0) {
      stats.firstDeliveries++;
      if (message >= run.measureFrom) {
        stats.latency.record(now - sentAt);
      }
    }
    if (count < Byte.MAX_VALUE) {
      run.seen[index] = (byte) (count + 1);
    }
  }
}
