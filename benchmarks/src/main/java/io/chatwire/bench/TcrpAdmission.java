package io.chatwire.bench;

import com.fasterxml.jackson.jr.ob.JSON;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import io.chatwire.wire.MalformedFrameException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal TCRP client for the load generator: one CREATE or JOIN per connection, framed with the
 * generated codecs.
 *
 * <pre>
 * connect ─▶ REQUEST {"username"} ─▶ RESPONSE {"status":200} ─▶ COMPLETE {"token","udpPort"} ─▶ close
 * </pre>
 */
final class TcrpAdmission {
  private static final int TIMEOUT_MILLIS = 10_000;
  private static final int MAX_FRAME = 1 << 16;

  /** What the server handed out. */
  record Admission(String token, int udpPort) {}

  private TcrpAdmission() {}

  static Admission admit(String host, int port, Operation operation, String room, String username)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      byte[] payload = JSON.std.asBytes(Map.of("username", username));
      ByteBuffer frame =
          ByteBuffer.allocate(
              TcrpFrameEncoder.FIXED_LENGTH
                  + room.getBytes(StandardCharsets.UTF_8).length
                  + payload.length);
      int length =
          new TcrpFrameEncoder()
              .wrap(frame, 0)
              .operation(operation)
              .state(State.REQUEST)
              .roomName(room)
              .operationPayload(payload)
              .length();
      socket.getOutputStream().write(frame.array(), 0, length);
      FrameReader in = new FrameReader(socket.getInputStream());
      Map<String, Object> status = JSON.std.mapFrom(in.payload(operation, State.RESPONSE));
      if (!(status.get("status") instanceof Number code) || code.intValue() != 200) {
        throw new IOException(operation + " " + room + " as " + username + " refused: " + status);
      }
      Map<String, Object> done = JSON.std.mapFrom(in.payload(operation, State.COMPLETE));
      if (!(done.get("token") instanceof String token)
          || !(done.get("udpPort") instanceof Number udpPort)) {
        throw new IOException(operation + " " + room + ": bad completion " + done);
      }
      return new Admission(token, udpPort.intValue());
    }
  }

  /** Reads whole frames off a stream with {@link TcrpFrameDecoder#frameLength}. */
  private static final class FrameReader {
    private final InputStream in;
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_FRAME);
    private final TcrpFrameDecoder decoder = new TcrpFrameDecoder();
    private int filled;

    FrameReader(InputStream in) {
      this.in = in;
    }

    byte[] payload(Operation operation, State state) throws IOException {
      try {
        int length;
        while ((length = TcrpFrameDecoder.frameLength(buffer, 0, filled)) < 0 || filled < length) {
          if (length > MAX_FRAME) {
            throw new IOException("answer of " + length + " bytes is too long");
          }
          int n = in.read(buffer.array(), filled, MAX_FRAME - filled);
          if (n < 0) {
            throw new IOException("server closed the connection before " + state);
          }
          filled += n;
        }
        decoder.wrap(buffer, 0, length);
        if (decoder.operation() != operation || decoder.state() != state) {
          throw new IOException(
              "expected " + operation + "/" + state + ", got " + decoder.toRecord());
        }
        byte[] payload = new byte[decoder.operationPayloadLength()];
        buffer.get(decoder.operationPayloadOffset(), payload);
        byte[] a = buffer.array();
        System.arraycopy(a, length, a, 0, filled - length);
        filled -= length;
        return payload;
      } catch (MalformedFrameException e) {
        throw new IOException("malformed answer: " + e.getMessage(), e);
      }
    }
  }
}
