package io.chatwire.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The validated settings of one client run, after flags were parsed and missing values asked for.
 *
 * @param server the server's host name or address
 * @param tcpPort the server's TCRP port
 * @param udpPort the UDP port to use when the server's answer does not name one
 * @param name the username in the room (empty for {@code --list})
 * @param action create, join or list
 * @param room the room to create or join (empty for {@code --list})
 * @param password the room password, or {@code null} for none
 * @param heartbeat how often to send a UDP heartbeat
 * @param timeout how long to wait for the TCP connection and for each answer
 */
record ClientOptions(
    String server,
    int tcpPort,
    int udpPort,
    String name,
    Action action,
    String room,
    String password,
    Duration heartbeat,
    Duration timeout) {

  /** Longest room name and username the wire can carry (a one-byte size field). */
  static final int MAX_NAME_BYTES = 255;

  /** What the client was asked to do. */
  enum Action {
    CREATE,
    JOIN,
    LIST
  }

  /** Checks what the wire format itself requires; the server checks its own policy. */
  ClientOptions {
    require(server != null && !server.isBlank(), "--server must not be empty");
    require(tcpPort > 0 && tcpPort <= 0xFFFF, "--tcp-port must be 1 to 65535, not " + tcpPort);
    require(udpPort > 0 && udpPort <= 0xFFFF, "--udp-port must be 1 to 65535, not " + udpPort);
    require(heartbeat != null && isPositive(heartbeat), "--heartbeat must be positive");
    require(timeout != null && isPositive(timeout), "--timeout must be positive");
    if (action != Action.LIST) {
      require(name != null && !name.isEmpty(), "--name must not be empty");
      require(utf8Length(name) <= MAX_NAME_BYTES, "--name is over " + MAX_NAME_BYTES + " bytes");
      require(room != null && !room.isEmpty(), "the room name must not be empty");
      require(utf8Length(room) <= MAX_NAME_BYTES, "the room name is over 255 bytes");
    }
  }

  /** The connect timeout: the answer timeout, but at most five seconds. */
  Duration connectTimeout() {
    Duration five = Duration.ofSeconds(5);
    return timeout.compareTo(five) < 0 ? timeout : five;
  }

  /** Returns a copy with another password. */
  ClientOptions withPassword(String newPassword) {
    return new ClientOptions(
        server, tcpPort, udpPort, name, action, room, newPassword, heartbeat, timeout);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new UsageException(message);
    }
  }
}
