package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A blocking TCRP test client built on the generated codecs. */
final class Tcrp {
  /**
   * The relay I/O every test server uses: portable, or batch in the second test run on Java 22+
   * ({@code -Dchatwire.test.io=batch}, see the server's pom). Never auto, so that a run cannot
   * silently test the other one.
   */
  static final RelayIo IO =
      new ServerCommand.IoConverter().convert(System.getProperty("chatwire.test.io", "portable"));

  /**
   * Server options for a test: loopback only, free ports, {@link #IO}, and 127.0.0.1 exempt from
   * the per-address limits (these tests play many clients from one address, as a load generator
   * does; {@code AbuseResistanceTest} plays its clients from 127.0.0.2 and up), and no flood
   * control (tests send bursts; {@code FloodControlTest} turns it on).
   */
  static ServerOptions loopback() {
    return ServerOptions.defaults().toBuilder()
        .host("127.0.0.1")
        .tcpPort(0)
        .udpPort(0)
        .io(IO)
        .exemptIps(IpRanges.parse("127.0.0.1"))
        .maxRate(0)
        .build();
  }

  static final int TIMEOUT_MS = 5_000;

  /** The frames of one exchange, as decoded. */
  record Answer(List<TcrpFrame> frames) {
    int status() {
      return ((Number) body().get("status")).intValue();
    }

    Map<String, Object> body() {
      return json(frames.get(0));
    }

    String message() {
      return String.valueOf(body().get("message"));
    }

    Map<String, Object> completion() {
      return frames.size() > 1 ? json(frames.get(1)) : null;
    }

    String token() {
      return (String) completion().get("token");
    }
  }

  private Tcrp() {}

  static byte[] frame(Operation op, State state, String room, byte[] payload) {
    TcrpFrame frame =
        new TcrpFrame(
            room.getBytes(StandardCharsets.UTF_8).length,
            op,
            state,
            payload.length,
            room,
            ByteBuffer.wrap(payload));
    ByteBuffer out = ByteBuffer.allocate(TcrpFrameEncoder.encodedLength(frame));
    TcrpFrameEncoder.encode(frame, out, 0);
    return out.array();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Answer request(int port, Operation op, String room, String payload) throws IOException {
    return exchange(port, null, frame(op, State.REQUEST, room, utf8(payload)));
  }

  static Answer requestFrom(InetAddress from, int port, Operation op, String room, String payload)
      throws IOException {
    return exchange(port, from, frame(op, State.REQUEST, room, utf8(payload)));
  }

  /** Sends raw bytes and decodes every frame until the server closes. */
  static Answer exchange(int port, InetAddress from, byte[] bytes) throws IOException {
    byte[] all = sendAndReadAll(port, from, bytes);
    ByteBuffer in = ByteBuffer.wrap(all);
    List<TcrpFrame> frames = new ArrayList<>();
    int at = 0;
    while (at < all.length) {
      int length = TcrpFrameDecoder.frameLength(in, at, all.length - at);
      assertThat(length).as("a whole frame").isPositive().isLessThanOrEqualTo(all.length - at);
      frames.add(TcrpFrameDecoder.decode(in, at, length));
      at += length;
    }
    for (TcrpFrame f : frames) {
      assertThat(f.state()).isNotEqualTo(State.REQUEST);
    }
    return new Answer(frames);
  }

  static byte[] sendAndReadAll(int port, InetAddress from, byte[] bytes) throws IOException {
    try (Socket socket = new Socket()) {
      if (from != null) {
        socket.bind(new InetSocketAddress(from, 0));
      }
      socket.setSoTimeout(TIMEOUT_MS);
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  static Map<String, Object> json(TcrpFrame frame) {
    ByteBuffer payload = frame.operationPayload().duplicate();
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    try {
      return JSON.std.mapFrom(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("response payload is not JSON: " + new String(bytes), e);
    }
  }

  static String create(int port, String room, String user) throws IOException {
    Answer a = request(port, Operation.CREATE, room, "{\"username\":\"" + user + "\"}");
    assertThat(a.status()).as(a.message()).isEqualTo(200);
    return a.token();
  }

  static String join(int port, String room, String user) throws IOException {
    Answer a = request(port, Operation.JOIN, room, "{\"username\":\"" + user + "\"}");
    assertThat(a.status()).as(a.message()).isEqualTo(200);
    return a.token();
  }
}
