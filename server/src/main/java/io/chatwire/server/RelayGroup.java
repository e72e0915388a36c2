package io.chatwire.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the server: one socket and one {@link UdpRelay} per relay thread, and the relay
 * the event loop sends notices through.
 *
 * <pre>
 *   1 relay thread:   1 non-blocking socket, selected by the event loop; its relay sends notices
 *   N relay threads:  N blocking sockets on one port (SO_REUSEPORT), thread i receives on socket
 *                     i; a send-only relay on socket 0 sends the notices from the event loop
 * </pre>
 */
final class RelayGroup implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(RelayGroup.class);
  private static final int UDP_BUFFER_BYTES = 1 << 20;

  private final DatagramChannel[] channels;
  private final UdpRelay[] relays;
  private final UdpRelay notices;
  private final Thread[] threads;

  private RelayGroup(DatagramChannel[] channels, Rooms rooms, Clock clock) {
    this.channels = channels;
    this.relays = new UdpRelay[channels.length];
    for (int i = 0; i < channels.length; i++) {
      relays[i] = new UdpRelay(channels[i], rooms, clock);
    }
    boolean onLoop = channels.length == 1;
    // With relay threads the event loop gets its own buffers and flyweights for the notices.
    this.notices = onLoop ? relays[0] : new UdpRelay(channels[0], rooms, clock);
    this.threads = new Thread[onLoop ? 0 : channels.length];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(relays[i], "chatwire-relay-" + (i + 1));
      threads[i].setDaemon(true);
    }
  }

  /** Binds {@code count} sockets to {@code address} (port 0: one free port for all of them). */
  static RelayGroup open(
      ProtocolFamily family, InetSocketAddress address, int count, Rooms rooms, Clock clock)
      throws IOException {
    DatagramChannel[] channels = new DatagramChannel[count];
    try {
      bind(family, address, channels);
      return new RelayGroup(channels, rooms, clock);
    } catch (IOException | RuntimeException e) {
      closeAll(channels);
      throw e;
    }
  }

  private static void bind(ProtocolFamily family, InetSocketAddress address, DatagramChannel[] into)
      throws IOException {
    boolean shared = into.length > 1;
    InetSocketAddress bindTo = address;
    for (int i = 0; i < into.length; i++) {
      DatagramChannel channel = DatagramChannel.open(family);
      into[i] = channel;
      channel.setOption(StandardSocketOptions.SO_RCVBUF, UDP_BUFFER_BYTES);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, UDP_BUFFER_BYTES);
      if (shared) {
        if (!channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
          throw new IOException("more than one relay thread needs SO_REUSEPORT (Linux)");
        }
        channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      }
      channel.bind(bindTo);
      if (i == 0) {
        // Port 0 picked a port: the other sockets join that one.
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        bindTo = new InetSocketAddress(address.getAddress(), port);
      }
      channel.configureBlocking(shared);
    }
  }

  int port() throws IOException {
    return ((InetSocketAddress) channels[0].getLocalAddress()).getPort();
  }

  int size() {
    return channels.length;
  }

  /** The relay the event loop sends notices through. */
  UdpRelay notices() {
    return notices;
  }

  /** Hands the socket to the event loop (one relay thread) or starts the relay threads. */
  void start(Selector selector) throws IOException {
    if (threads.length == 0) {
      channels[0].register(selector, SelectionKey.OP_READ, relays[0]);
    }
    for (Thread t : threads) {
      t.start();
    }
  }

  /** The relay thread ids, or {@code loopThreadId} with one relay thread. */
  long[] threadIds(long loopThreadId) {
    if (threads.length == 0) {
      return new long[] {loopThreadId};
    }
    long[] ids = new long[threads.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = threads[i].getId();
    }
    return ids;
  }

  int liveThreads() {
    int live = 0;
    for (Thread t : threads) {
      if (t.isAlive()) {
        live++;
      }
    }
    return live;
  }

  /** Datagrams received so far through each socket. */
  long[] receivedPerSocket() {
    long[] received = new long[relays.length];
    for (int i = 0; i < received.length; i++) {
      received[i] = relays[i].counters().get(RelayCounters.RECEIVED);
    }
    return received;
  }

  /** Every relay's counters added up, indexed as in {@link RelayCounters}. */
  long[] counters() {
    long[] sum = new long[RelayCounters.COUNT];
    for (UdpRelay r : relays) {
      add(sum, r.counters());
    }
    if (notices != relays[0]) {
      add(sum, notices.counters());
    }
    return sum;
  }

  private static void add(long[] sum, RelayCounters counters) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += counters.get(i);
    }
  }

  /** Closes the sockets, which ends each relay thread's receive, and waits for the threads. */
  void stop(Duration timeout) {
    close();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (t.isAlive()) {
        log.warn("{} did not stop within {}", t.getName(), timeout);
      }
    }
  }

  /** Closes every socket; idempotent. */
  @Override
  public void close() {
    closeAll(channels);
  }

  private static void closeAll(DatagramChannel[] channels) {
    for (DatagramChannel c : channels) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException e) {
        log.debug("close failed: {}", e.toString());
      }
    }
  }
}
