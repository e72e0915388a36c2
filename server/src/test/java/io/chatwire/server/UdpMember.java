package io.chatwire.server;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.RelayDatagram;
import io.chatwire.protocol.RelayDatagramDecoder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A room member's UDP side for tests: sends ChatDatagrams, receives RelayDatagrams. */
final class UdpMember implements AutoCloseable {
  /** A received relay datagram, decoded. */
  record Received(Kind kind, String sender, String text) {}

  private final DatagramSocket socket;
  private final InetSocketAddress server;
  private final String room;
  private final String token;

  UdpMember(InetAddress bind, int serverPort, String room, String token) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(bind, 0));
    this.socket.setReceiveBufferSize(1 << 20);
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    this.room = room;
    this.token = token;
  }

  UdpMember(int serverPort, String room, String token) throws IOException {
    this(InetAddress.getLoopbackAddress(), serverPort, room, token);
  }

  static byte[] datagram(String room, String token, byte[] message) {
    ChatDatagram d =
        new ChatDatagram(
            room.getBytes(StandardCharsets.UTF_8).length,
            token.getBytes(StandardCharsets.UTF_8).length,
            room,
            token,
            ByteBuffer.wrap(message));
    ByteBuffer out = ByteBuffer.allocate(ChatDatagramEncoder.encodedLength(d));
    ChatDatagramEncoder.encode(d, out, 0);
    return out.array();
  }

  String token() {
    return token;
  }

  void heartbeat() throws IOException {
    sendRaw(datagram(room, token, new byte[0]));
  }

  void say(String text) throws IOException {
    sendRaw(datagram(room, token, text.getBytes(StandardCharsets.UTF_8)));
  }

  void sendRaw(byte[] bytes) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, server));
  }

  /** The next datagram, or null if none arrives within {@code timeout}. */
  Received receive(Duration timeout) throws IOException {
    byte[] buf = new byte[8192];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    RelayDatagram d = RelayDatagramDecoder.decode(ByteBuffer.wrap(buf), 0, packet.getLength());
    ByteBuffer text = d.text();
    byte[] bytes = new byte[text.remaining()];
    text.get(bytes);
    return new Received(d.kind(), d.sender(), new String(bytes, StandardCharsets.UTF_8));
  }

  /** Every datagram until none arrives for {@code quiet}. */
  List<Received> drain(Duration quiet) throws IOException {
    List<Received> all = new ArrayList<>();
    for (Received r = receive(quiet); r != null; r = receive(quiet)) {
      all.add(r);
    }
    return all;
  }

  @Override
  public void close() {
    socket.close();
  }
}
