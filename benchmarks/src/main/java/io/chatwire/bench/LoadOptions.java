package io.chatwire.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the load generator sets up and how it sends.
 *
 * @param host the relay's address; must be a loopback address
 * @param membershipFile {@code null} for TCRP setup against a chatwire server, else the membership
 *     file to read (or to invent and write when it does not exist)
 * @param tcpPort the server's TCRP port (TCRP setup only)
 * @param udpPort the relay's UDP port; 0 = the one the server names in its TCRP answer
 * @param rooms rooms
 * @param members members per room, host included
 * @param senders members per room that send, from slot 0 (the host) up
 * @param ratePerSender messages per second per sender in the default scenario
 * @param payloadBytes message text length in bytes (at least the id and timestamp)
 * @param receivers receiving threads
 * @param observeEvery count deliveries in every n-th room only (the others are registered and
 *     relayed to, but not read), to keep the generator off the critical path
 * @param heartbeat how often every member sends a heartbeat during a run
 * @param label the relay's name in the output
 * @param relayPid the relay's process id for its CPU use; 0 when unknown or in-process
 * @param senderSockets 0: every message leaves from its sender's own socket; n &gt; 0: from one of
 *     n shared sockets in turn, so that a sender's source address keeps changing (as behind a NAT
 *     that rebinds, or a client with several sockets); heartbeats still use the member's own. The
 *     relay then sends to a sender at its last shared socket, which nobody reads: use it with one
 *     sender per room (the host), which receives no messages
 */
public record LoadOptions(
    String host,
    Path membershipFile,
    int tcpPort,
    int udpPort,
    int rooms,
    int members,
    int senders,
    double ratePerSender,
    int payloadBytes,
    int receivers,
    int observeEvery,
    Duration heartbeat,
    String label,
    long relayPid,
    int senderSockets) {

  /** Checks ranges. */
  public LoadOptions {
    if (rooms < 1 || members < 2 || senders < 1 || senders > members) {
      throw new IllegalArgumentException("need rooms >= 1, members >= 2, 1 <= senders <= members");
    }
    if (!(ratePerSender > 0) || payloadBytes < 1 || payloadBytes > 3000 || receivers < 1) {
      throw new IllegalArgumentException("rate > 0, 1 <= payload <= 3000, receivers >= 1");
    }
    if (senderSockets < 0) {
      throw new IllegalArgumentException("sender-sockets >= 0");
    }
    if (observeEvery < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("observe-every >= 1, heartbeat > 0");
    }
  }

  /**
   * The original requirement: 500 rooms x 10 members, every member sending 2 msgs/s (10,000 msgs/s
   * in, 90,000 datagrams/s out), TCRP setup against 127.0.0.1:9001.
   *
   * @return the defaults
   */
  public static LoadOptions defaults() {
    return new LoadOptions(
        "127.0.0.1",
        null,
        9001,
        0,
        500,
        10,
        10,
        2.0,
        64,
        2,
        1,
        Duration.ofSeconds(10),
        "relay",
        0,
        0);
  }

  /**
   * The messages per second in of the default scenario.
   *
   * @return rooms x senders x rate per sender
   */
  public double scenarioRate() {
    return rooms * (double) senders * ratePerSender;
  }

  /**
   * A copy with another room layout.
   *
   * @param rooms rooms
   * @param members members per room
   * @param senders senders per room
   * @param rate messages per second per sender
   * @return the copy
   */
  public LoadOptions withScenario(int rooms, int members, int senders, double rate) {
    return new LoadOptions(
        host,
        membershipFile,
        tcpPort,
        udpPort,
        rooms,
        members,
        senders,
        rate,
        payloadBytes,
        receivers,
        observeEvery,
        heartbeat,
        label,
        relayPid,
        senderSockets);
  }

  /**
   * A copy that sends messages from shared sockets.
   *
   * @param senderSockets how many; 0 = from each sender's own socket
   * @return the copy
   */
  public LoadOptions withSenderSockets(int senderSockets) {
    return new LoadOptions(
        host,
        membershipFile,
        tcpPort,
        udpPort,
        rooms,
        members,
        senders,
        ratePerSender,
        payloadBytes,
        receivers,
        observeEvery,
        heartbeat,
        label,
        relayPid,
        senderSockets);
  }

  /**
   * A copy that targets another relay.
   *
   * @param membershipFile null for TCRP setup
   * @param tcpPort TCRP port
   * @param udpPort UDP port, 0 to take it from TCRP
   * @param label name in the output
   * @return the copy
   */
  public LoadOptions withTarget(Path membershipFile, int tcpPort, int udpPort, String label) {
    return new LoadOptions(
        host,
        membershipFile,
        tcpPort,
        udpPort,
        rooms,
        members,
        senders,
        ratePerSender,
        payloadBytes,
        receivers,
        observeEvery,
        heartbeat,
        label,
        relayPid,
        senderSockets);
  }
}
