package io.chatwire.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The server's settings, validated on construction. {@link #builder()} starts from the one set of
 * defaults ({@code DEFAULT_*} below), which the command line shows and falls back to as well.
 *
 * <pre>
 *   ServerOptions.builder().host("127.0.0.1").tcpPort(0).build()    (a ServerOptionsBuilder)
 *   options.toBuilder().maxRooms(10).build()     (or options.withMaxRooms(10))
 * </pre>
 *
 * @param host the address every socket binds to
 * @param tcpPort the TCRP port (0 = any free port)
 * @param udpPort the relay port (0 = any free port)
 * @param idleTimeout how long a member may stay silent before it is removed
 * @param maxRooms the most rooms open at once
 * @param maxMembers the most members of one room, host included
 * @param maxPayload the largest TCRP operation payload accepted, in bytes
 * @param maxConnections the most TCP connections open at once
 * @param requestTimeout how long a TCP client has to send its whole request
 * @param relayThreads UDP relay threads: 1 relays on the event loop; N &gt; 1 runs N threads, each
 *     on its own {@code SO_REUSEPORT} socket bound to the UDP port (Linux); with batched I/O even
 *     one relay thread is a thread of its own
 * @param io how the relay moves datagrams: batched system calls or one per datagram
 * @param metricsPort the HTTP port of {@code GET /metrics} (0 = any free port), or {@link
 *     #METRICS_OFF}
 * @param maxRate messages per second one member may send, on average (0 = no flood control)
 * @param maxBurst messages one member may send at once after a quiet spell
 * @param clock the time source for idle expiry and deadlines
 * @param maxConnectionsPerIp the most TCP connections open at once from one source (see {@link
 *     #sourceOf})
 * @param connectRate new TCP connections per second one source may open, on average
 * @param connectBurst new TCP connections one source may open at once before {@code connectRate}
 *     applies
 * @param firstByteTimeout how long a new TCP connection may stay silent: the first byte of its
 *     request must come within this, the rest within {@code requestTimeout}
 * @param maxRoomsPerIp the most rooms one source may have open, or {@link #ROOMS_PER_IP_AUTO} for
 *     {@code max(10, 1% of maxRooms)} (see {@link #roomsPerIp()})
 * @param registerTimeout a room whose host has sent no datagram within this is removed
 * @param maxPasswordJobs the most password hashing jobs (PBKDF2) queued or running at once
 * @param maxPasswordFailures wrong passwords one source may send per minute
 * @param exemptIps sources to which no per-source limit applies
 */
public record ServerOptions(
    String host,
    int tcpPort,
    int udpPort,
    Duration idleTimeout,
    int maxRooms,
    int maxMembers,
    int maxPayload,
    int maxConnections,
    Duration requestTimeout,
    int relayThreads,
    RelayIo io,
    int metricsPort,
    Clock clock,
    // Abuse resistance (issue 16, TCP side): per-source limits of the control plane.
    int maxConnectionsPerIp,
    int connectRate,
    int connectBurst,
    Duration firstByteTimeout,
    int maxRoomsPerIp,
    Duration registerTimeout,
    int maxPasswordJobs,
    int maxPasswordFailures,
    IpRanges exemptIps,
    // Flood control (issue 16, UDP side): per member.
    int maxRate,
    int maxBurst) {

  /** The largest payload the TCRP frame can carry ({@code 2^29} bytes). */
  public static final int PROTOCOL_MAX_PAYLOAD = 1 << 29;

  /** The most relay threads accepted. */
  public static final int MAX_RELAY_THREADS = 64;

  /** {@link #metricsPort()} when no metrics endpoint is served. */
  public static final int METRICS_OFF = -1;

  /** Default bind address: every interface. */
  public static final String DEFAULT_HOST = "0.0.0.0";

  /** Default TCRP port. */
  public static final int DEFAULT_TCP_PORT = 9001;

  /** Default relay port. */
  public static final int DEFAULT_UDP_PORT = 9002;

  /** Default idle timeout: 300 s. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);

  /** Default room limit. */
  public static final int DEFAULT_MAX_ROOMS = 10_000;

  /** Default per-room member limit, host included. */
  public static final int DEFAULT_MAX_MEMBERS = 1_000;

  /** Default TCRP payload limit: 64 KiB. */
  public static final int DEFAULT_MAX_PAYLOAD = 65_536;

  /** Default limit of open TCP connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1_024;

  /** Default deadline for a whole TCP request: 10 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** Default number of relay threads. */
  public static final int DEFAULT_RELAY_THREADS = 1;

  /** Default relay I/O: batched where available. */
  public static final RelayIo DEFAULT_IO = RelayIo.AUTO;

  /** Default metrics port: off. */
  public static final int DEFAULT_METRICS_PORT = METRICS_OFF;

  /**
   * Default limit of open TCP connections per source: a client makes one at a time, sixteen leave
   * room for a NAT of a few users, and 64 sources are needed to fill the 1024 slots.
   */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 16;

  /** Default connection rate per source: 10 per second on average. */
  public static final int DEFAULT_CONNECT_RATE = 10;

  /** Default connection burst per source: 40, enough for a paginated LIST and a JOIN at once. */
  public static final int DEFAULT_CONNECT_BURST = 40;

  /** Default deadline for the first byte of a request: 3 s. */
  public static final Duration DEFAULT_FIRST_BYTE_TIMEOUT = Duration.ofSeconds(3);

  /** {@link #maxRoomsPerIp()} meaning {@code max(10, 1% of maxRooms)}, never above maxRooms. */
  public static final int ROOMS_PER_IP_AUTO = 0;

  /** Default rooms per source: {@link #ROOMS_PER_IP_AUTO}. */
  public static final int DEFAULT_MAX_ROOMS_PER_IP = ROOMS_PER_IP_AUTO;

  /** Default deadline for a room's host to send its first datagram: 8 s. */
  public static final Duration DEFAULT_REGISTER_TIMEOUT = Duration.ofSeconds(8);

  /** Default limit of password hashing jobs queued or running: 32 (about 1 s of work). */
  public static final int DEFAULT_MAX_PASSWORD_JOBS = 32;

  /** Default wrong passwords per source and minute: 10. */
  public static final int DEFAULT_MAX_PASSWORD_FAILURES = 10;

  /** Default exempt sources: none. */
  public static final IpRanges DEFAULT_EXEMPT_IPS = IpRanges.none();

  /** The highest {@code --max-rate} and {@code --max-burst} accepted. */
  public static final int MAX_RATE = 1_000_000;

  /** Default per-member rate: 20 messages per second. */
  public static final int DEFAULT_MAX_RATE = 20;

  /** Default per-member burst: 40 messages. */
  public static final int DEFAULT_MAX_BURST = 40;

  /** Validates every setting. */
  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(io, "io");
    Objects.requireNonNull(clock, "clock");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    checkRange("tcp port", tcpPort, 0, 65_535);
    checkRange("udp port", udpPort, 0, 65_535);
    checkPositive("idle timeout", idleTimeout);
    checkPositive("request timeout", requestTimeout);
    checkRange("max rooms", maxRooms, 1, Integer.MAX_VALUE);
    checkRange("max members", maxMembers, 1, Integer.MAX_VALUE);
    checkRange("max payload", maxPayload, 0, PROTOCOL_MAX_PAYLOAD);
    checkRange("max connections", maxConnections, 1, Integer.MAX_VALUE);
    checkRange("relay threads", relayThreads, 1, MAX_RELAY_THREADS);
    checkRange("metrics port", metricsPort, METRICS_OFF, 65_535);
    Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
    Objects.requireNonNull(registerTimeout, "registerTimeout");
    Objects.requireNonNull(exemptIps, "exemptIps");
    checkRange("max connections per ip", maxConnectionsPerIp, 1, Integer.MAX_VALUE);
    checkRange("connect rate", connectRate, 1, Integer.MAX_VALUE);
    checkRange("connect burst", connectBurst, 1, Integer.MAX_VALUE);
    checkPositive("first byte timeout", firstByteTimeout);
    checkRange("max rooms per ip", maxRoomsPerIp, ROOMS_PER_IP_AUTO, Integer.MAX_VALUE);
    checkPositive("register timeout", registerTimeout);
    checkRange("max password jobs", maxPasswordJobs, 1, Integer.MAX_VALUE);
    checkRange("max password failures", maxPasswordFailures, 1, Integer.MAX_VALUE);
    checkRange("max rate", maxRate, 0, MAX_RATE);
    checkRange("max burst", maxBurst, 1, MAX_RATE);
  }

  /**
   * Whether no per-source limit applies to {@code address} ({@code --exempt-ips}): neither the
   * control plane's nor the relay's flood control.
   *
   * @param address a client's address
   * @return true if it is in {@link #exemptIps()}
   */
  public boolean exempt(InetAddress address) {
    return exemptIps.contains(address);
  }

  /**
   * The rooms one source may hold: {@link #maxRoomsPerIp()}, or with {@link #ROOMS_PER_IP_AUTO}
   * {@code max(10, maxRooms / 100)}: at least a hundred sources are needed to fill the room table,
   * and a small server still lets one user open a few rooms. Never above {@link #maxRooms()}.
   *
   * @return at least 1
   */
  public int roomsPerIp() {
    int n = maxRoomsPerIp == ROOMS_PER_IP_AUTO ? Math.max(10, maxRooms / 100) : maxRoomsPerIp;
    return Math.min(n, maxRooms);
  }

  /**
   * The deadline of a silent new connection: {@link #firstByteTimeout()}, at most {@link
   * #requestTimeout()}.
   *
   * @return the first byte's deadline
   */
  public Duration silenceTimeout() {
    return firstByteTimeout.compareTo(requestTimeout) < 0 ? firstByteTimeout : requestTimeout;
  }

  /**
   * The key per-source limits count under: the address itself for IPv4, its /64 network for IPv6
   * (one IPv6 host usually holds a whole /64 and could otherwise take a fresh address per
   * connection).
   *
   * @param address a client's address
   * @return the source's key
   */
  public static InetAddress sourceOf(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] bytes = address.getAddress();
    Arrays.fill(bytes, 8, 16, (byte) 0);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are an IPv6 address", e);
    }
  }

  /**
   * The documented defaults: 0.0.0.0, ports 9001 and 9002, 300 s idle timeout, 10000 rooms, 1000
   * members, 64 KiB payloads, 1024 connections, 10 s request deadline, one relay thread, batched
   * I/O where available, no metrics endpoint, 20 messages per second per member in bursts of 40 at
   * most, system clock.
   *
   * @return the defaults
   */
  public static ServerOptions defaults() {
    return builder().build();
  }

  /**
   * A builder holding the defaults.
   *
   * @return a new builder
   */
  public static ServerOptionsBuilder builder() {
    return new ServerOptionsBuilder();
  }

  /**
   * A builder holding these settings.
   *
   * @return a new builder
   */
  public ServerOptionsBuilder toBuilder() {
    return new ServerOptionsBuilder(this);
  }

  /**
   * Whether {@code GET /metrics} is served.
   *
   * @return {@code false} for {@link #METRICS_OFF}
   */
  public boolean metricsEnabled() {
    return metricsPort != METRICS_OFF;
  }

  /**
   * A copy with another bind address.
   *
   * @param value the host
   * @return the copy
   */
  public ServerOptions withHost(String value) {
    return toBuilder().host(value).build();
  }

  /**
   * A copy with another TCP port.
   *
   * @param value the port, 0 for any free port
   * @return the copy
   */
  public ServerOptions withTcpPort(int value) {
    return toBuilder().tcpPort(value).build();
  }

  /**
   * A copy with another UDP port.
   *
   * @param value the port, 0 for any free port
   * @return the copy
   */
  public ServerOptions withUdpPort(int value) {
    return toBuilder().udpPort(value).build();
  }

  /**
   * A copy with another idle timeout.
   *
   * @param value the timeout, positive
   * @return the copy
   */
  public ServerOptions withIdleTimeout(Duration value) {
    return toBuilder().idleTimeout(value).build();
  }

  /**
   * A copy with another room limit.
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxRooms(int value) {
    return toBuilder().maxRooms(value).build();
  }

  /**
   * A copy with another per-room member limit (host included).
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxMembers(int value) {
    return toBuilder().maxMembers(value).build();
  }

  /**
   * A copy with another TCRP payload limit.
   *
   * @param value 0 to {@link #PROTOCOL_MAX_PAYLOAD} bytes
   * @return the copy
   */
  public ServerOptions withMaxPayload(int value) {
    return toBuilder().maxPayload(value).build();
  }

  /**
   * A copy with another connection limit.
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxConnections(int value) {
    return toBuilder().maxConnections(value).build();
  }

  /**
   * A copy with another deadline for a whole TCP request.
   *
   * @param value the deadline, positive
   * @return the copy
   */
  public ServerOptions withRequestTimeout(Duration value) {
    return toBuilder().requestTimeout(value).build();
  }

  /**
   * A copy with another number of UDP relay threads.
   *
   * @param value 1 (relay on the event loop, the default) to {@link #MAX_RELAY_THREADS}; more than
   *     1 needs {@code SO_REUSEPORT} (Linux)
   * @return the copy
   */
  public ServerOptions withRelayThreads(int value) {
    return toBuilder().relayThreads(value).build();
  }

  /**
   * A copy with another way of moving datagrams.
   *
   * @param value the relay I/O
   * @return the copy
   */
  public ServerOptions withIo(RelayIo value) {
    return toBuilder().io(value).build();
  }

  /**
   * A copy with another metrics port.
   *
   * @param value the port, 0 for any free port, {@link #METRICS_OFF} for none
   * @return the copy
   */
  public ServerOptions withMetricsPort(int value) {
    return toBuilder().metricsPort(value).build();
  }

  /**
   * A copy with another time source.
   *
   * @param value the clock
   * @return the copy
   */
  public ServerOptions withClock(Clock value) {
    return toBuilder().clock(value).build();
  }

  private static void checkPositive(String what, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }

  private static void checkRange(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
