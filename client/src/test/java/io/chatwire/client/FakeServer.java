package io.chatwire.client;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted stand-in for the chat server on 127.0.0.1: TCP answers come from a function of the
 * decoded request, UDP datagrams are recorded and relay datagrams can be sent back. Every byte goes
 * through the generated codecs.
 */
final class FakeServer implements AutoCloseable {
  private final ServerSocket tcp;
  private final DatagramSocket udp;

  /** The token {@link #FakeServer()} hands out. */
  static final String TOKEN = "0123456789abcdef0123456789abcdef";

  private volatile Function<TcrpFrame, byte[]> answers;
  private final BlockingQueue<TcrpFrame> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChatDatagram> datagrams = new LinkedBlockingQueue<>();
  private volatile SocketAddress lastUdpPeer;

  /** A server that admits every CREATE and JOIN with {@link #TOKEN} and says 200 to the rest. */
  FakeServer() throws IOException {
    this(null);
    this.answers = this::standard;
  }

  FakeServer(Function<TcrpFrame, byte[]> answers) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.tcp = new ServerSocket(0, 50, loopback);
    this.udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
    this.answers = answers;
    daemon(this::acceptLoop, "fake-tcp");
    daemon(this::udpLoop, "fake-udp");
  }

  int tcpPort() {
    return tcp.getLocalPort();
  }

  int udpPort() {
    return udp.getLocalPort();
  }

  /** The next TCRP request, waiting at most ten seconds. */
  TcrpFrame nextRequest() throws InterruptedException {
    return requireNonNull(requests.poll(Output.WAIT.toSeconds(), TimeUnit.SECONDS), "TCRP request");
  }

  /** The next datagram from the client, waiting at most ten seconds. */
  ChatDatagram nextDatagram() throws InterruptedException {
    return requireNonNull(datagrams.poll(Output.WAIT.toSeconds(), TimeUnit.SECONDS), "datagram");
  }

  /** Sends a relay datagram to wherever the client's last datagram came from. */
  void relay(Kind kind, String sender, byte[] text) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(RelayDatagramEncoder.MAX_LENGTH);
    int n = new RelayDatagramEncoder().wrap(b, 0).kind(kind).sender(sender).text(text).length();
    udp.send(new DatagramPacket(b.array(), n, lastUdpPeer));
  }

  void relay(Kind kind, String sender, String text) throws IOException {
    relay(kind, sender, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One encoded TCRP frame. */
  static byte[] frame(Operation op, State state, String room, String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(TcrpFrameEncoder.FIXED_LENGTH + 255 + payload.length);
    int n =
        new TcrpFrameEncoder()
            .wrap(b, 0)
            .operation(op)
            .state(state)
            .roomName(room)
            .operationPayload(payload)
            .length();
    return Arrays.copyOf(b.array(), n);
  }

  /** Frames one after the other. */
  static byte[] concat(byte[]... frames) {
    ByteBuffer b = ByteBuffer.allocate(Arrays.stream(frames).mapToInt(f -> f.length).sum());
    for (byte[] f : frames) {
      b.put(f);
    }
    return b.array();
  }

  /** The usual answer to CREATE or JOIN: 200, then the token and this server's UDP port. */
  byte[] admitted(TcrpFrame request, String token) {
    return concat(
        frame(
            request.operation(),
            State.RESPONSE,
            request.roomName(),
            "{\"status\":200,\"message\":\"ok\"}"),
        frame(
            request.operation(),
            State.COMPLETE,
            request.roomName(),
            "{\"token\":\"" + token + "\",\"udpPort\":" + udpPort() + "}"));
  }

  /** A status-only answer. */
  static byte[] status(TcrpFrame request, int status, String message) {
    return frame(
        request.operation(),
        State.RESPONSE,
        request.roomName(),
        "{\"status\":" + status + ",\"message\":\"" + message + "\"}");
  }

  /** Changes how later requests are answered. */
  void answer(Function<TcrpFrame, byte[]> newAnswers) {
    this.answers = newAnswers;
  }

  private byte[] standard(TcrpFrame request) {
    return switch (request.operation()) {
      case CREATE, JOIN -> admitted(request, TOKEN);
      case LIST -> frame(Operation.LIST, State.RESPONSE, "", "{\"status\":200,\"rooms\":[]}");
      case LEAVE -> status(request, 200, "left");
    };
  }

  @Override
  public void close() throws IOException {
    tcp.close();
    udp.close();
  }

  private void acceptLoop() {
    while (!tcp.isClosed()) {
      try (Socket s = tcp.accept()) {
        s.setSoTimeout((int) Output.WAIT.toMillis());
        TcrpFrame request = readFrame(new DataInputStream(s.getInputStream()));
        requests.add(request);
        byte[] answer = answers.apply(request);
        if (answer != null) {
          OutputStream out = s.getOutputStream();
          out.write(answer);
          out.flush();
        }
        if (answer != null && answer.length == 0) {
          Thread.sleep(Output.WAIT.toMillis()); // an empty answer: stay silent, keep it open
        }
      } catch (IOException | InterruptedException e) {
        // closed, or a client that went away: next
      }
    }
  }

  private static TcrpFrame readFrame(DataInputStream in) throws IOException {
    byte[] header = new byte[TcrpFrameDecoder.FIXED_LENGTH];
    in.readFully(header);
    int length = TcrpFrameDecoder.frameLength(ByteBuffer.wrap(header), 0, header.length);
    byte[] frame = Arrays.copyOf(header, length);
    in.readFully(frame, header.length, length - header.length);
    return TcrpFrameDecoder.decode(ByteBuffer.wrap(frame), 0, length);
  }

  private void udpLoop() {
    byte[] buffer = new byte[1 << 16];
    while (!udp.isClosed()) {
      DatagramPacket p = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(p);
        lastUdpPeer = p.getSocketAddress();
        ByteBuffer copy = ByteBuffer.wrap(Arrays.copyOf(p.getData(), p.getLength()));
        datagrams.add(ChatDatagramDecoder.decode(copy, 0, p.getLength()));
      } catch (IOException | RuntimeException e) {
        // closed, or not a ChatDatagram
      }
    }
  }

  private static <T> T requireNonNull(T value, String what) {
    if (value == null) {
      throw new AssertionError("no " + what + " within " + Output.WAIT);
    }
    return value;
  }

  private static void daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }
}
