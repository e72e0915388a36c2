package io.chatwire.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chatwire chat server: a TCRP control plane on TCP served by one event loop thread, and a UDP
 * relay; {@link #main} is the command line, {@link #start} the programmatic entry.
 *
 * <pre>
 *   TCP :9001  --TcpControlPlane--> ControlRequests --+--> Membership --> Rooms / Room / Member
 *                                      | (PBKDF2 on   |         |          (copy on write)
 *                                      v  workers)    |         v  NOTICE / CLOSED / EXPIRED
 *   UDP :9002  --------------------------------------> Relay ---> every other member
 *     --io portable: UdpRelay, on the event loop (or N threads with --relay-threads N)
 *     --io batch:    BatchRelay, N threads (recvmmsg/sendmmsg, Java 22+ on Linux)
 *     N &gt; 1: N SO_REUSEPORT sockets on the one port, each thread reading the rooms lock-free
 *   HTTP --metrics-port: MetricsEndpoint, GET /metrics (reads the counters, never locks them)
 * </pre>
 */
public final class ChatServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final int PASSWORD_THREADS = 2;
  private static final int BACKLOG = 256;

  private final ServerOptions options;
  private final ServerSocketChannel tcp;
  private final RelayGroup udp;
  private final int tcpPort;
  private final int udpPort;
  private final EventLoop loop;
  private final ExecutorService workers;
  private final Rooms rooms;
  private final Membership membership;
  private final ControlRequests requests;
  private final TcpControlPlane control;
  private final MetricsEndpoint metrics;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile ServerStats finalStats;

  private ChatServer(
      ServerOptions options,
      Selector selector,
      ServerSocketChannel tcp,
      RelayGroup udp,
      Rooms rooms)
      throws IOException {
    this.options = options;
    this.rooms = rooms;
    this.tcp = tcp;
    this.udp = udp;
    this.tcpPort = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
    this.udpPort = udp.port();
    this.loop = new EventLoop(selector);
    this.workers = Executors.newFixedThreadPool(PASSWORD_THREADS, daemonThreads());
    SourceLimits limits = new SourceLimits(options);
    this.membership = new Membership(rooms, udp.notices(), options, limits);
    this.requests = new ControlRequests(membership, loop, workers, options, udpPort, limits);
    this.control = new TcpControlPlane(tcp, selector, requests, options, limits);
    tcp.register(selector, SelectionKey.OP_ACCEPT, control);
    // Bound last: nothing else here can fail once its HTTP threads run.
    this.metrics =
        options.metricsEnabled()
            ? MetricsEndpoint.start(
                address(options.host(), options.metricsPort()), rooms, udp, control)
            : null;
  }

  /**
   * Binds both sockets and starts serving.
   *
   * @param options the settings; port 0 picks a free port
   * @return the running server
   * @throws IOException if a socket cannot be bound
   */
  public static ChatServer start(ServerOptions options) throws IOException {
    InetSocketAddress tcpAddress = address(options.host(), options.tcpPort());
    InetSocketAddress udpAddress = address(options.host(), options.udpPort());
    ProtocolFamily family =
        tcpAddress.getAddress() instanceof Inet4Address
            ? StandardProtocolFamily.INET
            : StandardProtocolFamily.INET6;
    Selector selector = Selector.open();
    ServerSocketChannel tcp = null;
    RelayGroup udp = null;
    try {
      tcp = ServerSocketChannel.open(family);
      tcp.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      try {
        tcp.bind(tcpAddress, BACKLOG);
      } catch (BindException e) {
        BindException named =
            new BindException("tcp port " + tcpAddress.getPort() + ": " + e.getMessage());
        named.initCause(e);
        throw named;
      }
      tcp.configureBlocking(false);
      Rooms rooms = new Rooms(FloodControl.of(options, options::exempt));
      udp =
          RelayGroup.open(
              options.io(), family, udpAddress, options.relayThreads(), rooms, options.clock());
      ChatServer server = new ChatServer(options, selector, tcp, udp, rooms);
      udp.start();
      server.loop.start(server::sweep, server::stopOnLoop);
      log.info(
          "listening tcp={} udp={} on {} ({} relay thread{}, {} I/O), instance {}",
          server.tcpPort,
          server.udpPort,
          options.host(),
          udp.size(),
          udp.size() > 1 ? "s" : "",
          udp.io(),
          rooms.instance());
      if (server.metrics != null) {
        log.info("metrics on http://{}:{}/metrics", options.host(), server.metrics.port());
      }
      if (options.io() == RelayIo.AUTO && udp.io() == RelayIo.PORTABLE) {
        log.info("batched I/O is not used: {}", BatchSockets.unavailableReason());
      }
      return server;
    } catch (IOException | RuntimeException e) {
      closeQuietly(udp);
      closeQuietly(tcp);
      closeQuietly(selector);
      throw e;
    }
  }

  /**
   * The bound TCP (TCRP) port.
   *
   * @return the port
   */
  public int tcpPort() {
    return tcpPort;
  }

  /**
   * The bound UDP (relay) port.
   *
   * @return the port
   */
  public int udpPort() {
    return udpPort;
  }

  /**
   * The bound port of {@code GET /metrics}.
   *
   * @return the port, or {@link ServerOptions#METRICS_OFF} when no metrics are served
   */
  public int metricsPort() {
    return metrics == null ? ServerOptions.METRICS_OFF : metrics.port();
  }

  /**
   * This server instance's id, sent with every token (state-2 {@code "instance"}): new at every
   * start, so that a client can tell a restarted server from one that does not answer.
   *
   * @return 16 lowercase hex characters
   */
  public String instance() {
    return rooms.instance();
  }

  /**
   * The settings the server runs with.
   *
   * @return the options
   */
  public ServerOptions options() {
    return options;
  }

  /**
   * A snapshot of the counters, taken on the event loop (waits at most a few seconds).
   *
   * @return the counters; after {@link #close} the last ones
   */
  public ServerStats stats() {
    ServerStats last = finalStats;
    if (last != null || !loop.running()) {
      return last;
    }
    CompletableFuture<ServerStats> snapshot = new CompletableFuture<>();
    loop.execute(() -> snapshot.complete(snapshot()));
    try {
      return snapshot.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return finalStats;
    } catch (ExecutionException | TimeoutException e) {
      return finalStats;
    }
  }

  /**
   * The id of the event loop thread, for allocation and profiling checks.
   *
   * @return the thread id
   */
  public long loopThreadId() {
    return loop.threadId();
  }

  /**
   * The ids of the threads that receive and relay datagrams, for allocation and profiling checks.
   *
   * @return one id per relay thread
   */
  public long[] relayThreadIds() {
    return udp.threadIds();
  }

  /**
   * How the relay moves datagrams.
   *
   * @return {@link RelayIo#BATCH} or {@link RelayIo#PORTABLE}, never {@link RelayIo#AUTO}
   */
  public RelayIo relayIo() {
    return udp.io();
  }

  /** Datagrams received so far by each relay (one entry per UDP socket), for tests. */
  long[] receivedPerRelay() {
    return udp.receivedPerSocket();
  }

  /**
   * Whether the server is still serving.
   *
   * @return {@code false} once closing has begun or the loop has stopped
   */
  public boolean isRunning() {
    return !closing.get() && loop.running();
  }

  /**
   * Stops serving: every member gets {@code CLOSED}, every socket closes; waits a few seconds at
   * most. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      try {
        if (!loop.stop(STOP_TIMEOUT)) {
          log.warn("event loop did not stop within {}", STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    awaitTermination(STOP_TIMEOUT);
  }

  /** Waits until the server has stopped; returns whether it did within {@code timeout}. */
  boolean awaitTermination(Duration timeout) {
    try {
      return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The command line: see {@code --help}.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.exit(code);
  }

  /**
   * Runs the command line until the server stops (SIGTERM or Ctrl+C ends the JVM with code 0).
   *
   * @return the exit code: 0, 1 when the sockets cannot be bound, 2 for bad arguments
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return ServerCommand.run(args, out, err);
  }

  private void sweep() {
    membership.sweep();
    control.sweep();
    udp.receiveBufferDrops().check(options.clock().millis());
  }

  private void stopOnLoop() {
    try {
      membership.closeAll("server stopping");
      control.closeAll();
      udp.stop(STOP_TIMEOUT);
      finalStats = snapshot();
    } finally {
      closeQuietly(tcp);
      closeQuietly(udp);
      closeQuietly(metrics);
      workers.shutdownNow();
      log.info("stopped");
      terminated.countDown();
    }
  }

  /** How often {@code limit} bit so far, for tests. */
  long limited(Limit limit) {
    return control.limits().count(limit);
  }

  /** Password jobs skipped because their client had gone, for tests. */
  long passwordJobsSkipped() {
    return requests.passwordJobsSkipped();
  }

  /** Requests answered with {@code status} to {@code operation} (null: refused unread). */
  long answered(io.chatwire.protocol.Operation operation, int status) {
    return control.answered().get(operation, status);
  }

  /** Relay threads still running (none once the server has stopped), for tests. */
  int liveRelayThreads() {
    return udp.liveThreads();
  }

  private ServerStats snapshot() {
    long[] sum = udp.counters();
    return new ServerStats(
        rooms.size(),
        rooms.memberCount(),
        control.openConnections(),
        control.refusedConnections(),
        sum[RelayCounters.RECEIVED],
        sum[RelayCounters.HEARTBEATS],
        sum[RelayCounters.RELAYED],
        sum[RelayCounters.SENT],
        sum[RelayCounters.DROPPED_MALFORMED],
        sum[RelayCounters.DROPPED_UNKNOWN_ROOM],
        sum[RelayCounters.DROPPED_BAD_TOKEN],
        sum[RelayCounters.DROPPED_WRONG_ADDRESS],
        sum[RelayCounters.DROPPED_OVERSIZE],
        sum[RelayCounters.SEND_FAILURES],
        sum[RelayCounters.RECEIVE_ERRORS],
        sum[RelayCounters.DROPPED_RATE]);
  }

  private static InetSocketAddress address(String host, int port) throws IOException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IOException("cannot resolve host " + host);
    }
    return address;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, "chatwire-password-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      log.debug("close failed: {}", e.toString());
    }
  }
}
