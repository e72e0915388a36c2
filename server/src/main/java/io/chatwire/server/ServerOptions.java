package io.chatwire.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The server's settings, validated on construction.
 *
 * @param host the address both sockets bind to
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
 * @param clock the time source for idle expiry and deadlines
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
    Clock clock) {

  /** The largest payload the TCRP frame can carry ({@code 2^29} bytes). */
  public static final int PROTOCOL_MAX_PAYLOAD = 1 << 29;

  /** The most relay threads accepted. */
  public static final int MAX_RELAY_THREADS = 64;

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
    checkPort("tcp port", tcpPort);
    checkPort("udp port", udpPort);
    checkPositive("idle timeout", idleTimeout);
    checkPositive("request timeout", requestTimeout);
    checkRange("max rooms", maxRooms, 1, Integer.MAX_VALUE);
    checkRange("max members", maxMembers, 1, Integer.MAX_VALUE);
    checkRange("max payload", maxPayload, 0, PROTOCOL_MAX_PAYLOAD);
    checkRange("max connections", maxConnections, 1, Integer.MAX_VALUE);
    checkRange("relay threads", relayThreads, 1, MAX_RELAY_THREADS);
  }

  /**
   * The documented defaults: 0.0.0.0, ports 9001 and 9002, 300 s idle timeout, 10000 rooms, 1000
   * members, 64 KiB payloads, 1024 connections, 10 s request deadline, one relay thread, batched
   * I/O where available, system clock.
   *
   * @return the defaults
   */
  public static ServerOptions defaults() {
    return new ServerOptions(
        "0.0.0.0",
        9001,
        9002,
        Duration.ofSeconds(300),
        10_000,
        1_000,
        65_536,
        1_024,
        Duration.ofSeconds(10),
        1,
        RelayIo.AUTO,
        Clock.system());
  }

  /**
   * A copy with another bind address.
   *
   * @param value the host
   * @return the copy
   */
  public ServerOptions withHost(String value) {
    return new ServerOptions(
        value,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another TCP port.
   *
   * @param value the port, 0 for any free port
   * @return the copy
   */
  public ServerOptions withTcpPort(int value) {
    return new ServerOptions(
        host,
        value,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another UDP port.
   *
   * @param value the port, 0 for any free port
   * @return the copy
   */
  public ServerOptions withUdpPort(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        value,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another idle timeout.
   *
   * @param value the timeout, positive
   * @return the copy
   */
  public ServerOptions withIdleTimeout(Duration value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        value,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another room limit.
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxRooms(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        value,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another per-room member limit (host included).
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxMembers(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        value,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another TCRP payload limit.
   *
   * @param value 0 to {@link #PROTOCOL_MAX_PAYLOAD} bytes
   * @return the copy
   */
  public ServerOptions withMaxPayload(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        value,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another connection limit.
   *
   * @param value at least 1
   * @return the copy
   */
  public ServerOptions withMaxConnections(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        value,
        requestTimeout,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another deadline for a whole TCP request.
   *
   * @param value the deadline, positive
   * @return the copy
   */
  public ServerOptions withRequestTimeout(Duration value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        value,
        relayThreads,
        io,
        clock);
  }

  /**
   * A copy with another number of UDP relay threads.
   *
   * @param value 1 (relay on the event loop, the default) to {@link #MAX_RELAY_THREADS}; more than
   *     1 needs {@code SO_REUSEPORT} (Linux)
   * @return the copy
   */
  public ServerOptions withRelayThreads(int value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        value,
        io,
        clock);
  }

  /**
   * A copy with another way of moving datagrams.
   *
   * @param value the relay I/O
   * @return the copy
   */
  public ServerOptions withIo(RelayIo value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        value,
        clock);
  }

  /**
   * A copy with another time source.
   *
   * @param value the clock
   * @return the copy
   */
  public ServerOptions withClock(Clock value) {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        value);
  }

  private static void checkPort(String what, int port) {
    checkRange(what, port, 0, 65_535);
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
