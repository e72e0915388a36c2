package io.chatwire.server;

import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import io.chatwire.server.Connection.Phase;
import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.Utf8;
import io.chatwire.wire.WireBuffers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP control plane: accepts connections up to the limits, frames each request with the
 * generated {@link TcrpFrameDecoder}, hands it to {@link ControlRequests} and writes the answer
 * with {@link TcrpFrameEncoder}. See {@link Connection} for the state machine.
 *
 * <pre>
 *   accept --source over --max-connect-rate / --max-connections-per-ip--> 429, close
 *          --server full--> reclaim the oldest connection without a whole header (429 to it)
 *                           or, if every connection has sent its header: 429, close
 *          --else--> a Connection (first byte due within --first-byte-timeout)
 * </pre>
 *
 * Refusals are answered and closed by {@link Refusals}.
 */
final class TcpControlPlane implements EventLoop.Handler {
  private static final Logger log = LoggerFactory.getLogger(TcpControlPlane.class);
  private static final int HEADER = TcrpFrameDecoder.FIXED_LENGTH;
  private static final int ACCEPT_BATCH = 64;
  private static final long LINGER_MILLIS = 2_000;

  private final ServerSocketChannel server;
  private final Selector selector;
  private final ControlRequests requests;
  private final ServerOptions options;
  private final Clock clock;
  private final long timeoutMillis;
  private final long silenceMillis;
  private final SourceLimits limits;
  // Oldest first, so that a full server reclaims the longest-silent connection.
  private final Set<Connection> connections = new LinkedHashSet<>();
  private final Refusals refusals;
  private final TcrpFrameDecoder decoder = new TcrpFrameDecoder();
  private final ByteBuffer discard = ByteBuffer.allocateDirect(8192);
  private final TcrpCounters answered = new TcrpCounters();
  // Written by the event loop only; volatile so that the metrics endpoint reads them.
  private volatile int open;
  private volatile long refused;
  private SelectionKey acceptKey;

  TcpControlPlane(
      ServerSocketChannel server,
      Selector selector,
      ControlRequests requests,
      ServerOptions options,
      SourceLimits limits) {
    this.server = server;
    this.selector = selector;
    this.requests = requests;
    this.options = options;
    this.limits = limits;
    this.clock = options.clock();
    this.timeoutMillis = options.requestTimeout().toMillis();
    this.silenceMillis = options.silenceTimeout().toMillis();
    this.refusals = new Refusals(options, limits, answered);
  }

  /** The per-source limits, for the metrics endpoint. */
  SourceLimits limits() {
    return limits;
  }

  /** TCP connections open now, from any thread. */
  int openConnections() {
    return open;
  }

  /** Connections refused with 429 by a connection limit, from any thread. */
  long refusedConnections() {
    return refused;
  }

  /** Requests answered, by operation and status, readable from any thread. */
  TcrpCounters answered() {
    return answered;
  }

  /** Accepts pending connections; beyond a limit they are answered 429 and closed. */
  @Override
  public void ready(SelectionKey key) throws IOException {
    for (int i = 0; i < ACCEPT_BATCH; i++) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        // e.g. out of file descriptors: stop accepting until the next sweep instead of spinning
        key.interestOps(0);
        acceptKey = key;
        log.warn("accepting connections failed, pausing until the next sweep: {}", e.toString());
        return;
      }
      if (channel == null) {
        return;
      }
      try {
        accept(channel);
      } catch (IOException e) {
        closeQuietly(channel);
      }
    }
  }

  private void accept(SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
    InetAddress ip = remote.getAddress();
    InetAddress source = limits.sourceOf(ip);
    Limit limit = limits.admit(source);
    if (limit == null && connections.size() >= options.maxConnections() && !reclaimSilent()) {
      limit = Limit.CONNECTIONS;
    }
    if (limit != null) {
      refused++;
      refusals.refuse(channel, ip, limit);
      return;
    }
    long now = clock.millis();
    Connection c =
        new Connection(
            this, channel, ip, remote.toString(), source, now + silenceMillis, now + timeoutMillis);
    c.register(selector);
    connections.add(c);
    limits.opened(source);
    open = connections.size();
  }

  /** Frees the slot of the oldest connection without a whole header, answering it 429. */
  private boolean reclaimSilent() {
    for (Connection c : connections) {
      if (c.phase() == Phase.HEADER) {
        forget(c);
        refusals.refuse(c.reclaim(), c.peer(), Limit.SILENT_RECLAIMED);
        return true;
      }
    }
    return false;
  }

  /** Reads, writes or drains, whichever the connection's phase needs. */
  void ready(Connection c) {
    try {
      switch (c.phase()) {
        case HEADER, BODY -> read(c);
        case WRITING -> write(c);
        case DRAINING -> drain(c);
        case PROCESSING -> watch(c);
        case CLOSED -> c.idle();
      }
    } catch (IOException | RuntimeException e) {
      close(c, "failed: " + e);
    }
  }

  /** Closes connections past their deadline and the refused ones, once a sweep. */
  void sweep() {
    long now = clock.millis();
    for (Connection c : connections.toArray(new Connection[0])) {
      if (c.expired(now)) {
        if (c.phase() == Phase.DRAINING) {
          close(c, null);
        } else if (c.phase() == Phase.WRITING) {
          close(c, "client did not read the response in time");
        } else if (!c.heard()) {
          limits.bit(
              Limit.FIRST_BYTE_TIMEOUT, c.peer(), "sent nothing within " + silenceMillis + " ms");
          close(c, null);
        } else {
          close(c, "no whole request within " + timeoutMillis + " ms");
        }
      }
    }
    refusals.sweep();
    limits.sweep();
    if (acceptKey != null && acceptKey.isValid()) {
      acceptKey.interestOps(SelectionKey.OP_ACCEPT);
      acceptKey = null;
    }
  }

  void closeAll() {
    for (Connection c : connections.toArray(new Connection[0])) {
      close(c, null);
    }
    refusals.closeAll();
  }

  /** Encodes the answer's frames (room name and operation echoed) and starts writing them. */
  void respond(Connection c, Reply reply) {
    if (!c.awaitsAnswer()) {
      return;
    }
    answered.answered(c.operation(), reply.status());
    TcrpFrame first = frame(c, State.RESPONSE, reply.response());
    TcrpFrame second =
        reply.completion() == null ? null : frame(c, State.COMPLETE, reply.completion());
    int length =
        TcrpFrameEncoder.encodedLength(first)
            + (second == null ? 0 : TcrpFrameEncoder.encodedLength(second));
    ByteBuffer out = ByteBuffer.allocate(length);
    int written = TcrpFrameEncoder.encode(first, out, 0);
    if (second != null) {
      TcrpFrameEncoder.encode(second, out, written);
    }
    c.writing(out, clock.millis() + timeoutMillis);
    try {
      write(c);
    } catch (IOException e) {
      close(c, "failed: " + e);
    }
  }

  private static TcrpFrame frame(Connection c, State state, byte[] payload) {
    return new TcrpFrame(
        c.roomBytes().length,
        c.operation(),
        state,
        payload.length,
        c.roomName(),
        ByteBuffer.wrap(payload));
  }

  private void read(Connection c) throws IOException {
    while (c.phase() == Phase.HEADER || c.phase() == Phase.BODY) {
      ByteBuffer in = c.in();
      if (!in.hasRemaining()) {
        if (c.phase() == Phase.HEADER) {
          onHeader(c);
        } else {
          onFrame(c);
        }
        continue;
      }
      int n = c.channel().read(in);
      if (n < 0) {
        close(c, "closed by the client after " + in.position() + " bytes of a request");
        return;
      }
      if (n == 0) {
        return;
      }
      c.heardFrom();
    }
  }

  private void onHeader(Connection c) {
    try {
      decoder.wrapFixedPart(c.in(), 0, HEADER);
    } catch (MalformedFrameException e) {
      malformedHeader(c, e);
      return;
    }
    c.operation(decoder.operation());
    if (decoder.state() != State.REQUEST) {
      reject(c, Reply.BAD_REQUEST, "expected a request frame (state 0), got " + decoder.state());
      return;
    }
    long declared = decoder.operationPayloadSize();
    if (declared > options.maxPayload()) {
      // Read only up to the end of the room name (to echo it); the payload is never stored.
      int head = TcrpFrameDecoder.ROOM_NAME_OFFSET + decoder.roomNameSize();
      c.readBody(ByteBuffer.allocate(head), declared);
    } else {
      c.readBody(ByteBuffer.allocate(TcrpFrameDecoder.frameLength(c.in(), 0, HEADER)), -1);
    }
  }

  /**
   * A header that did not validate. The exception's problem says which part: an unknown operation
   * or state code cannot be echoed, so the connection is closed; anything else (the 29-byte size
   * field) is answered with 400, echoing the operation, which the decoder reads from a copy whose
   * size field is zeroed (operation and state come before it and were valid).
   */
  private void malformedHeader(Connection c, MalformedFrameException e) {
    if (e.problem() == FrameProblem.UNKNOWN_CODE) {
      close(c, "unreadable header: " + e.getMessage());
      return;
    }
    ByteBuffer copy = ByteBuffer.allocate(HEADER);
    copy.put(0, c.in(), 0, HEADER);
    WireBuffers.fillZeros(
        copy,
        TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET,
        TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_OFFSET
            + TcrpFrameDecoder.OPERATION_PAYLOAD_SIZE_LENGTH);
    c.operation(decoder.wrapFixedPart(copy, 0, HEADER).operation());
    reject(c, Reply.BAD_REQUEST, "malformed header: " + e.getMessage());
  }

  private void onFrame(Connection c) {
    ByteBuffer in = c.in();
    if (c.oversize()) {
      int nameLength = in.capacity() - TcrpFrameDecoder.ROOM_NAME_OFFSET;
      if (Utf8.firstMalformed(in, TcrpFrameDecoder.ROOM_NAME_OFFSET, in.capacity()) < 0) {
        byte[] name = new byte[nameLength];
        in.get(TcrpFrameDecoder.ROOM_NAME_OFFSET, name);
        c.room(Utf8.decode(in, TcrpFrameDecoder.ROOM_NAME_OFFSET, nameLength), name);
      }
      reject(
          c,
          Reply.TOO_LARGE,
          "payload of "
              + c.declaredPayload()
              + " bytes is over the limit of "
              + options.maxPayload());
      return;
    }
    Payload payload;
    try {
      decoder.wrap(in, 0, in.capacity());
      byte[] name = new byte[decoder.roomNameLength()];
      in.get(decoder.roomNameOffset(), name);
      c.room(decoder.roomName(), name);
      payload =
          Payload.parse(in, decoder.operationPayloadOffset(), decoder.operationPayloadLength());
    } catch (MalformedFrameException | BadRequestException e) {
      reject(c, Reply.BAD_REQUEST, "malformed request: " + e.getMessage());
      return;
    }
    c.processing();
    requests.handle(new Request(c.operation(), c.roomName(), c.roomBytes(), payload, c.peer()), c);
  }

  private void reject(Connection c, int status, String message) {
    log.info(
        "rejected {} '{}' from {}: {} {}",
        c.operation(),
        Name.forLog(c.roomName()),
        c.peerText(),
        status,
        message);
    respond(c, Reply.status(status, message));
  }

  private void write(Connection c) throws IOException {
    ByteBuffer out = c.out();
    c.channel().write(out);
    if (!out.hasRemaining()) {
      c.draining(clock.millis() + Math.min(LINGER_MILLIS, timeoutMillis));
    }
  }

  /** While a request is processed: discards extra input and notices a client that has gone. */
  private void watch(Connection c) throws IOException {
    for (int i = 0; i < 16; i++) {
      discard.clear();
      int n = c.channel().read(discard);
      if (n < 0) {
        close(c, "closed by the client before its answer");
        return;
      }
      if (n == 0) {
        return;
      }
    }
  }

  private void drain(Connection c) throws IOException {
    for (int i = 0; i < 16; i++) {
      discard.clear();
      int n = c.channel().read(discard);
      if (n < 0) {
        close(c, null);
        return;
      }
      if (n == 0) {
        return;
      }
    }
  }

  /** Closes the connection; a non-null reason is logged. */
  private void close(Connection c, String reason) {
    if (!c.close()) {
      return;
    }
    forget(c);
    if (reason != null) {
      log.info("closed {}: {}", c, reason);
    }
  }

  private void forget(Connection c) {
    connections.remove(c);
    limits.closed(c.source());
    open = connections.size();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do for a connection that is gone.
    }
  }
}
