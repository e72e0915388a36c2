package io.chatwire.server;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.TcrpFrameDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One TCRP connection: one request in, one or two frames out, then closed. The connection owns its
 * phase, buffers, interest set and deadline: {@link TcpControlPlane} moves bytes and asks for the
 * transitions below, each of which checks that it starts from a phase the diagram allows.
 *
 * <pre>
 *  HEADER --32 bytes--> BODY --whole frame--> PROCESSING --reply--> WRITING --sent--> DRAINING
 *    |     readBody()    |     processing()   (PBKDF2 on a          ^  draining()        |
 *    |                   |   (payload over the worker, if any;     |  (output shut,     |
 *    |                   |    limit: only up to  input watched     |   input read and   |
 *    |                   |    the room name)     for EOF) writing()+   discarded)       |
 *    |                   +--- malformed: 400, over the limit: 413 -+                    |
 *    +--- state not REQUEST / bad size field: 400 -----------------+                    |
 *    |                                                                                  v
 *    +--- unknown operation or state code -------------------------------- close() --> CLOSED
 *    +--- server full, oldest without a whole header: reclaim() (the plane answers 429) -->
 *
 *  HEADER: the first byte is due within --first-byte-timeout, the whole request within
 *  --request-timeout (heard() moves the deadline when the first bytes come)
 *  every phase but PROCESSING: deadline passed, I/O error or early EOF ----------> CLOSED
 *  PROCESSING: EOF or I/O error (the client left: its password is never hashed) --> CLOSED
 *  DRAINING: EOF from the client or the 2 s linger deadline -----------------------> CLOSED
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

  private static final byte[] NO_ROOM = new byte[0];

  private final TcpControlPlane plane;
  private final SocketChannel channel;
  private final InetAddress peer;
  private final String peerText;
  private final InetAddress source;
  private final long requestDue;
  private boolean heard;
  // Read by password workers, which skip the work for a client that has gone.
  private volatile boolean closed;
  private SelectionKey key;
  private Phase phase = Phase.HEADER;
  private ByteBuffer in = ByteBuffer.allocate(TcrpFrameDecoder.FIXED_LENGTH);
  private ByteBuffer out;
  private long declaredPayload = -1;
  private Operation operation;
  private String roomName = "";
  private byte[] roomBytes = NO_ROOM;
  private long deadline;

  /**
   * A connection in {@link Phase#HEADER}, to be {@link #register registered}.
   *
   * @param source the key of per-source limits, null for an exempt source
   * @param silentDue when the connection is closed if it has sent nothing
   * @param requestDue when it is closed if its request is not whole
   */
  Connection(
      TcpControlPlane plane,
      SocketChannel channel,
      InetAddress peer,
      String peerText,
      InetAddress source,
      long silentDue,
      long requestDue) {
    this.plane = plane;
    this.channel = channel;
    this.peer = peer;
    this.peerText = peerText;
    this.source = source;
    this.deadline = silentDue;
    this.requestDue = requestDue;
  }

  /** Registers the channel for reading the request. */
  void register(Selector selector) throws IOException {
    key = channel.register(selector, SelectionKey.OP_READ, this);
  }

  Phase phase() {
    return phase;
  }

  SocketChannel channel() {
    return channel;
  }

  InetAddress peer() {
    return peer;
  }

  String peerText() {
    return peerText;
  }

  /** The key of per-source limits, or null for an exempt source. */
  InetAddress source() {
    return source;
  }

  /** Whether the client has sent any byte. */
  boolean heard() {
    return heard;
  }

  /** The first bytes came: the deadline becomes the whole request's. */
  void heardFrom() {
    if (!heard) {
      heard = true;
      deadline = requestDue;
    }
  }

  /** The buffer being read into: the header, then the frame (or its head); null once answered. */
  ByteBuffer in() {
    return in;
  }

  /** The frames still to write, while {@link Phase#WRITING}. */
  ByteBuffer out() {
    return out;
  }

  /** The request's operation, once its header was readable; null before. */
  Operation operation() {
    return operation;
  }

  void operation(Operation value) {
    operation = value;
  }

  String roomName() {
    return roomName;
  }

  byte[] roomBytes() {
    return roomBytes;
  }

  /** Remembers the room name, which every answer echoes. */
  void room(String name, byte[] bytes) {
    roomName = name;
    roomBytes = bytes;
  }

  /** Whether the declared payload is over the limit (only the frame's head is read). */
  boolean oversize() {
    return declaredPayload >= 0;
  }

  long declaredPayload() {
    return declaredPayload;
  }

  /**
   * HEADER to BODY: reads on into {@code whole}, which holds the header read so far.
   *
   * @param whole the frame's buffer: the whole frame, or up to the room name when oversize
   * @param oversizePayload the declared payload size when over the limit, else -1
   */
  void readBody(ByteBuffer whole, long oversizePayload) {
    expect(phase == Phase.HEADER);
    whole.put(in.flip());
    in = whole;
    declaredPayload = oversizePayload;
    phase = Phase.BODY;
  }

  /**
   * BODY to PROCESSING: the request is being handled; nothing is written meanwhile, and input is
   * read only to notice a client that leaves (EOF) and to discard what it sends beyond its frame.
   */
  void processing() {
    expect(phase == Phase.BODY);
    phase = Phase.PROCESSING;
    key.interestOps(SelectionKey.OP_READ);
  }

  /**
   * HEADER, BODY or PROCESSING to WRITING: drops the input and waits to write {@code frames}.
   *
   * @return false (and nothing changes) when an answer is already going out or the connection is
   *     closed
   */
  boolean writing(ByteBuffer frames, long due) {
    if (!awaitsAnswer()) {
      return false;
    }
    in = null;
    out = frames;
    phase = Phase.WRITING;
    deadline = due;
    key.interestOps(SelectionKey.OP_WRITE);
    return true;
  }

  /** Whether no answer has been started yet and the connection is open. */
  boolean awaitsAnswer() {
    return phase == Phase.HEADER || phase == Phase.BODY || phase == Phase.PROCESSING;
  }

  /** WRITING to DRAINING: the answer is out; output is shut and input read until EOF. */
  void draining(long due) throws IOException {
    expect(phase == Phase.WRITING && !out.hasRemaining());
    // Half-close and read until the client closes: closing with unread input would reset the
    // connection and could destroy the answer before the client reads it.
    out = null;
    channel.shutdownOutput();
    phase = Phase.DRAINING;
    deadline = due;
    key.interestOps(SelectionKey.OP_READ);
  }

  /** Whether the deadline of the current phase has passed (never while PROCESSING or CLOSED). */
  boolean expired(long now) {
    return phase != Phase.PROCESSING && phase != Phase.CLOSED && now - deadline > 0;
  }

  /**
   * Any phase to CLOSED: cancels the key and closes the channel.
   *
   * @return false if it was closed already
   */
  boolean close() {
    if (phase == Phase.CLOSED) {
      return false;
    }
    phase = Phase.CLOSED;
    closed = true;
    in = null;
    out = null;
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do for a connection that is gone.
    }
    return true;
  }

  /**
   * HEADER to CLOSED, keeping the channel open: the server is full and this connection has not sent
   * a whole header. The caller answers 429 on the returned channel and closes it.
   *
   * @return the channel, still open
   */
  SocketChannel reclaim() {
    expect(phase == Phase.HEADER);
    phase = Phase.CLOSED;
    closed = true;
    in = null;
    if (key != null) {
      key.cancel();
    }
    return channel;
  }

  /** Stops waiting for readiness (a phase with nothing to read or write). */
  void idle() {
    key.interestOps(0);
  }

  @Override
  public void ready(SelectionKey selected) {
    plane.ready(this);
  }

  @Override
  public void reply(Reply reply) {
    plane.respond(this, reply);
  }

  /** Whether the client is still there: from any thread (password workers ask). */
  @Override
  public boolean isOpen() {
    return !closed;
  }

  @Override
  public String toString() {
    return "connection from " + peerText;
  }

  private void expect(boolean allowed) {
    if (!allowed) {
      throw new IllegalStateException("transition not allowed from " + phase);
    }
  }
}
