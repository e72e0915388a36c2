package io.chatwire.server;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.TcrpFrameDecoder;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCRP connection: one request in, one or two frames out, then closed.
 *
 * <pre>
 *  HEADER --32 bytes--> BODY --whole frame--> PROCESSING --reply--> WRITING --sent--> DRAINING
 *    |                   |   (payload over the   (PBKDF2 on a          ^   (output shut,     |
 *    |                   |    limit: only up to   worker, if any)      |    input read and   |
 *    |                   |    the room name)                           |    discarded)       |
 *    |                   +--- malformed: 400, over the limit: 413 -----+                     |
 *    +--- state not REQUEST / bad size field: 400 ---------------------+                     |
 *    |                                                                                       v
 *    +--- unknown operation or state code ---------------------------------------------> CLOSED
 *
 *  every phase but PROCESSING: deadline passed, I/O error or early EOF ---------------> CLOSED
 *  DRAINING: EOF from the client or the 2 s linger deadline ----------------------------> CLOSED
 * </pre>
 */
final class Connection implements EventLoop.Handler, ReplySink {
  /** Where the connection is in its one exchange. */
  enum Phase {
    HEADER,
    BODY,
    PROCESSING,
    WRITING,
    DRAINING,
    CLOSED
  }

  static final byte[] NO_ROOM = new byte[0];

  private final TcpControlPlane plane;
  final SocketChannel channel;
  final InetAddress peer;
  final String peerText;
  SelectionKey key;
  Phase phase = Phase.HEADER;
  ByteBuffer in = ByteBuffer.allocate(TcrpFrameDecoder.FIXED_LENGTH);
  ByteBuffer out;
  boolean oversize;
  long declaredPayload;
  Operation operation;
  String roomName = "";
  byte[] roomBytes = NO_ROOM;
  long deadline;

  Connection(TcpControlPlane plane, SocketChannel channel, InetAddress peer, String peerText) {
    this.plane = plane;
    this.channel = channel;
    this.peer = peer;
    this.peerText = peerText;
  }

  @Override
  public void ready(SelectionKey selected) {
    plane.ready(this);
  }

  @Override
  public void reply(Reply reply) {
    plane.respond(this, reply);
  }

  @Override
  public boolean isOpen() {
    return phase != Phase.CLOSED;
  }

  @Override
  public String toString() {
    return "connection from " + peerText;
  }
}
