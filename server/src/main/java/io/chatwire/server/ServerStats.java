package io.chatwire.server;

/**
 * A snapshot of the server's counters.
 *
 * @param rooms rooms open now
 * @param members members of every room now
 * @param openConnections TCP connections open now
 * @param refusedConnections TCP connections refused with a 429 frame by a connection limit
 * @param datagramsReceived every UDP datagram received
 * @param heartbeats accepted datagrams with an empty message
 * @param messagesRelayed accepted datagrams relayed to the room
 * @param datagramsSent relay datagrams sent (messages, notices, closings)
 * @param droppedMalformed datagrams that are not a valid {@code ChatDatagram}
 * @param droppedUnknownRoom datagrams naming no open room
 * @param droppedBadToken datagrams whose token is not of that room
 * @param droppedWrongAddress datagrams with a valid token from another IP address
 * @param droppedOversize messages whose relay datagram would pass 4096 bytes
 * @param sendFailures relay datagrams the socket did not take
 * @param receiveErrors failed UDP receives
 * @param droppedRate messages over their sender's {@code --max-rate}
 */
public record ServerStats(
    int rooms,
    int members,
    int openConnections,
    long refusedConnections,
    long datagramsReceived,
    long heartbeats,
    long messagesRelayed,
    long datagramsSent,
    long droppedMalformed,
    long droppedUnknownRoom,
    long droppedBadToken,
    long droppedWrongAddress,
    long droppedOversize,
    long sendFailures,
    long receiveErrors,
    long droppedRate) {

  /**
   * Every dropped datagram, whatever the reason.
   *
   * @return the sum of the drop counters
   */
  public long dropped() {
    return droppedMalformed
        + droppedUnknownRoom
        + droppedBadToken
        + droppedWrongAddress
        + droppedOversize
        + droppedRate;
  }
}
