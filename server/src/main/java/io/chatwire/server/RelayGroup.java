package io.chatwire.server;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the server: one socket and one {@link Relay} per relay thread, and the relay the
 * event loop sends notices through.
 *
 * <pre>
 *   portable, N &gt;= 1:   N blocking channels (SO_REUSEPORT when N &gt; 1), one thread each, which
 *                         waits in receive; a send-only relay on channel 0 sends the event loop's
 *                         notices
 *   batch, N &gt;= 1:      N batch sockets (SO_REUSEPORT when N &gt; 1), one thread each; a send-only
 *                         relay on socket 0 sends the event loop's notices
 * </pre>
 */
final class RelayGroup implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(RelayGroup.class);
  private static final int UDP_BUFFER_BYTES = 1 << 20;

  private final RelayIo io;
  private final int port;
  private final Closeable[] sockets;
  private final Relay[] relays;
  private final Relay notices;
  private final Thread[] threads;
  private final ReceiveBufferDrops receiveBufferDrops;

  private RelayGroup(
      RelayIo io, int port, Closeable[] sockets, Relay[] relays, Relay notices, Thread[] threads) {
    this.io = io;
    this.port = port;
    this.sockets = sockets;
    this.relays = relays;
    this.notices = notices;
    this.threads = threads;
    this.receiveBufferDrops = new ReceiveBufferDrops(port);
  }

  /**
   * Binds {@code count} sockets to {@code address} (port 0: one free port for all of them).
   *
   * @throws IOException if a socket cannot be bound, or {@code io} is {@link RelayIo#BATCH} and
   *     batched I/O is not available here
   */
  static RelayGroup open(
      RelayIo io,
      ProtocolFamily family,
      InetSocketAddress address,
      int count,
      Rooms rooms,
      Clock clock)
      throws IOException {
    if (io == RelayIo.BATCH && !BatchSockets.available()) {
      throw new IOException("--io batch is not available: " + BatchSockets.unavailableReason());
    }
    boolean batch = io == RelayIo.BATCH || (io == RelayIo.AUTO && BatchSockets.available());
    try {
      InetSocketAddress bindTo = count > 1 ? claim(family, address) : address;
      return batch
          ? openBatch(bindTo, count, rooms, clock)
          : openPortable(family, bindTo, count, rooms, clock);
    } catch (BindException e) {
      throw inUse(address, e);
    }
  }

  /**
   * Checks that no socket holds the port, as the relay's own {@code SO_REUSEPORT} sockets would
   * silently share it with another process's: a probe bound without {@code SO_REUSEPORT} fails if
   * any socket has the port. Returns the address to bind (for port 0, the free port the probe got).
   */
  private static InetSocketAddress claim(ProtocolFamily family, InetSocketAddress address)
      throws IOException {
    try (DatagramChannel probe = DatagramChannel.open(family)) {
      probe.setOption(StandardSocketOptions.SO_REUSEADDR, false);
      probe.bind(address);
      int port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
      return new InetSocketAddress(address.getAddress(), port);
    }
  }

  private static BindException inUse(InetSocketAddress address, BindException e) {
    BindException named =
        new BindException(
            "udp port " + address.getPort() + " is taken by another socket: " + e.getMessage());
    named.initCause(e);
    return named;
  }

  private static RelayGroup openBatch(
      InetSocketAddress address, int count, Rooms rooms, Clock clock) throws IOException {
    BatchSocket[] sockets = new BatchSocket[count];
    try {
      InetSocketAddress bindTo = address;
      for (int i = 0; i < count; i++) {
        sockets[i] = BatchSockets.factory().open(bindTo, count > 1, UDP_BUFFER_BYTES);
        // Port 0 picked a port: the other sockets join that one.
        bindTo = new InetSocketAddress(address.getAddress(), sockets[0].port());
      }
      Relay[] relays = new Relay[count];
      Thread[] threads = new Thread[count];
      for (int i = 0; i < count; i++) {
        BatchRelay relay = new BatchRelay(sockets[i], true, rooms, clock);
        relays[i] = relay;
        threads[i] = thread(relay, i);
      }
      Relay notices = new BatchRelay(sockets[0], false, rooms, clock);
      return new RelayGroup(RelayIo.BATCH, sockets[0].port(), sockets, relays, notices, threads);
    } catch (IOException | RuntimeException e) {
      closeAll(sockets);
      throw e;
    }
  }

  private static RelayGroup openPortable(
      ProtocolFamily family, InetSocketAddress address, int count, Rooms rooms, Clock clock)
      throws IOException {
    DatagramChannel[] channels = new DatagramChannel[count];
    try {
      bind(family, address, channels);
      UdpRelay[] relays = new UdpRelay[count];
      Thread[] threads = new Thread[count];
      for (int i = 0; i < count; i++) {
        relays[i] = new UdpRelay(channels[i], rooms, clock);
        threads[i] = thread(relays[i], i);
      }
      // The event loop gets its own buffers and flyweights for the notices.
      Relay notices = new UdpRelay(channels[0], rooms, clock);
      int port = ((InetSocketAddress) channels[0].getLocalAddress()).getPort();
      return new RelayGroup(RelayIo.PORTABLE, port, channels, relays, notices, threads);
    } catch (IOException | RuntimeException e) {
      closeAll(channels);
      throw e;
    }
  }

  private static Thread thread(Runnable relay, int i) {
    Thread t = new Thread(relay, "chatwire-relay-" + (i + 1));
    t.setDaemon(true);
    return t;
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
      // Blocking: each relay thread waits in receive, one system call per datagram.
      channel.configureBlocking(true);
    }
  }

  int port() {
    return port;
  }

  int size() {
    return sockets.length;
  }

  /** How this group moves datagrams: {@link RelayIo#BATCH} or {@link RelayIo#PORTABLE}. */
  RelayIo io() {
    return io;
  }

  /** What the kernel dropped on this group's sockets because their receive buffers were full. */
  ReceiveBufferDrops receiveBufferDrops() {
    return receiveBufferDrops;
  }

  /** The relay the event loop sends notices through. */
  Relay notices() {
    return notices;
  }

  /** Starts the relay threads. */
  void start() {
    for (Thread t : threads) {
      t.start();
    }
  }

  /** The relay thread ids. */
  long[] threadIds() {
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
    for (Relay r : relays) {
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

  /**
   * Wakes every relay thread out of its receive (closing a channel, shutting down a batch socket),
   * waits for the threads, then closes every socket.
   */
  void stop(Duration timeout) {
    for (Closeable socket : sockets) {
      if (socket instanceof BatchSocket batch) {
        batch.shutdown();
      } else {
        closeQuietly(socket);
      }
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (t.isAlive()) {
        log.warn("{} did not stop within {}", t.getName(), timeout);
      }
    }
    close();
  }

  /** Closes every socket; idempotent. */
  @Override
  public void close() {
    closeAll(sockets);
  }

  private static void closeAll(Closeable[] sockets) {
    for (Closeable c : sockets) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      log.debug("close failed: {}", e.toString());
    }
  }
}
