package io.chatwire.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * One simulated member: its own UDP socket on 127.0.0.1, connected to the relay (so the kernel
 * filters other sources and {@code read}/{@code write} skip address conversion), and the room name
 * and token it puts in every datagram.
 */
final class Endpoint {
  /** Small receive buffer for members nobody reads: the relay's work stays the same. */
  private static final int UNOBSERVED_RCVBUF = 4096;

  final DatagramChannel channel;
  final int room;
  final int slot;
  final byte[] roomName;
  final byte[] token;
  final boolean observed;

  private Endpoint(
      DatagramChannel channel,
      int room,
      int slot,
      String roomName,
      String token,
      boolean observed) {
    this.channel = channel;
    this.room = room;
    this.slot = slot;
    this.roomName = roomName.getBytes(StandardCharsets.UTF_8);
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.observed = observed;
  }

  /** A socket that only sends (for {@code --sender-sockets}), connected to {@code relay}. */
  static DatagramChannel sendOnly(InetSocketAddress relay) throws IOException {
    DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, UNOBSERVED_RCVBUF);
      channel.bind(new InetSocketAddress(relay.getAddress(), 0));
      channel.connect(relay);
      channel.configureBlocking(false);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  static Endpoint open(
      InetSocketAddress relay, int room, int slot, String roomName, String token, boolean observed)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      if (!observed) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, UNOBSERVED_RCVBUF);
      }
      channel.bind(new InetSocketAddress(relay.getAddress(), 0));
      channel.connect(relay);
      channel.configureBlocking(false);
      return new Endpoint(channel, room, slot, roomName, token, observed);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
