package io.chatwire.client;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * One TCRP connection: one request frame out, then the server's frames in, framed with {@link
 * TcrpFrameDecoder#frameLength} and checked by the generated decoder.
 *
 * <pre>
 * open ──connect(timeout)──▶ send(REQUEST) ──▶ read(RESPONSE) [──▶ read(COMPLETE)] ──▶ close
 * </pre>
 */
final class TcrpConnection implements AutoCloseable {
  /** Largest answer accepted: far above any real LIST, far below what a liar could declare. */
  static final int MAX_ANSWER_BYTES = 16 << 20;

  private final Socket socket;
  private final InputStream in;
  private final String peer;
  private final long deadlineNanos;
  private final Duration timeout;
  private final TcrpFrameDecoder decoder = new TcrpFrameDecoder();
  private ByteBuffer buffer = ByteBuffer.allocate(4096);
  private int filled;

  private TcrpConnection(Socket socket, String peer, Duration timeout) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.peer = peer;
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  /**
   * Connects within {@code connectTimeout}; every later read must finish within {@code timeout}.
   */
  static TcrpConnection open(String host, int port, Duration connectTimeout, Duration timeout)
      throws ControlException {
    String peer = host + ":" + port;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      return new TcrpConnection(socket, peer, timeout);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new ControlException(NetworkErrors.connectFailure(peer, connectTimeout, e), e);
    }
  }

  /** Sends one request frame ({@code state = REQUEST}). */
  void send(Operation operation, String room, byte[] payload) throws ControlException {
    int length = TcrpFrameEncoder.FIXED_LENGTH + ClientOptions.utf8Length(room) + payload.length;
    ByteBuffer frame = ByteBuffer.allocate(length);
    TcrpFrameEncoder encoder = new TcrpFrameEncoder().wrap(frame, 0);
    encoder.operation(operation).state(State.REQUEST).roomName(room).operationPayload(payload);
    try {
      socket.getOutputStream().write(frame.array(), 0, encoder.length());
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new ControlException("sending the request to " + peer + " failed: " + reason(e), e);
    }
  }

  /**
   * Reads the next frame, which must carry {@code operation} and {@code state}; returns its
   * payload.
   */
  byte[] read(Operation operation, State state) throws ControlException {
    try {
      int length;
      while ((length = TcrpFrameDecoder.frameLength(buffer, 0, filled)) < 0) {
        fill();
      }
      if (length > MAX_ANSWER_BYTES) {
        throw malformed("a frame of " + length + " bytes is over " + MAX_ANSWER_BYTES);
      }
      if (buffer.capacity() < length) {
        buffer = ByteBuffer.allocate(length).put(buffer.array(), 0, filled);
      }
      while (filled < length) {
        fill();
      }
      decoder.wrap(buffer, 0, length);
      boolean refusal = decoder.operation() != operation && isRefusal(state);
      if ((decoder.operation() != operation && !refusal) || decoder.state() != state) {
        throw malformed(
            "expected "
                + operation
                + "/"
                + state
                + ", got "
                + decoder.operation()
                + "/"
                + decoder.state());
      }
      byte[] payload = new byte[decoder.operationPayloadLength()];
      buffer.get(decoder.operationPayloadOffset(), payload);
      if (refusal && Payloads.status(payload).ok()) {
        throw malformed("expected " + operation + "/" + state + ", got LIST/" + state);
      }
      consume(length);
      return payload;
    } catch (MalformedFrameException e) {
      throw malformed(e.getMessage());
    }
  }

  /**
   * Whether the frame in the decoder is a refusal sent before the server read the request (a
   * connection limit): a {@code LIST}/{@code RESPONSE} frame with an empty room name, whatever the
   * request was, whose status is not 200 (e.g. 429).
   */
  private boolean isRefusal(State expected) {
    return expected == State.RESPONSE
        && decoder.state() == State.RESPONSE
        && decoder.operation() == Operation.LIST
        && decoder.roomNameLength() == 0;
  }

  /** The server address this connection reached. */
  InetAddress remoteAddress() {
    return socket.getInetAddress();
  }

  /** The local address this connection came from. */
  InetAddress localAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }

  private void fill() throws ControlException {
    if (filled == buffer.capacity()) {
      buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.array(), 0, filled);
    }
    long left = deadlineNanos - System.nanoTime();
    try {
      if (left <= 0) {
        throw new SocketTimeoutException();
      }
      socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
      int n = in.read(buffer.array(), filled, buffer.capacity() - filled);
      if (n < 0) {
        throw new ControlException(
            ControlException.NO_STATUS, peer + " closed the connection without a complete answer");
      }
      filled += n;
    } catch (SocketTimeoutException e) {
      throw new ControlException(
          peer + " did not answer within " + NetworkErrors.seconds(timeout), e);
    } catch (IOException e) {
      throw new ControlException("reading the answer from " + peer + " failed: " + reason(e), e);
    }
  }

  private void consume(int length) {
    byte[] a = buffer.array();
    System.arraycopy(a, length, a, 0, filled - length);
    filled -= length;
  }

  private ControlException malformed(String what) {
    return new ControlException(
        ControlException.NO_STATUS,
        "malformed reply from " + peer + " (not a chatwire server?): " + what);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing left to do with a socket that cannot close
    }
  }
}
