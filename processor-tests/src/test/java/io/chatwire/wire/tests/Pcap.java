package io.chatwire.wire.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a pcap capture of IPv4 packets on 127.0.0.1 (link type RAW) carrying frames produced by
 * the generated encoders: enough for tshark to run the generated dissectors over real framing.
 */
final class Pcap {
  private static final int LINKTYPE_RAW = 101;
  private final List<byte[]> packets = new ArrayList<>();
  private final java.util.Map<String, Long> sequence = new java.util.HashMap<>();

  /** Adds a UDP datagram. */
  Pcap udp(int srcPort, int dstPort, ByteBuffer payload) {
    byte[] data = bytes(payload);
    ByteBuffer udp = ByteBuffer.allocate(8 + data.length);
    udp.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + data.length));
    udp.putShort((short) 0).put(data);
    packets.add(ipv4(17, udp.array()));
    return this;
  }

  /** Adds a TCP segment (PSH, ACK) continuing the byte stream from srcPort to dstPort. */
  Pcap tcp(int srcPort, int dstPort, ByteBuffer payload) {
    byte[] data = bytes(payload);
    String key = srcPort + ">" + dstPort;
    long seq = sequence.getOrDefault(key, 1000L);
    sequence.put(key, seq + data.length);
    long ack = sequence.getOrDefault(dstPort + ">" + srcPort, 1000L);
    ByteBuffer tcp = ByteBuffer.allocate(20 + data.length);
    tcp.putShort((short) srcPort).putShort((short) dstPort).putInt((int) seq).putInt((int) ack);
    tcp.put((byte) 0x50).put((byte) 0x18).putShort((short) 0xFFFF).putShort((short) 0);
    tcp.putShort((short) 0).put(data);
    packets.add(ipv4(6, tcp.array()));
    return this;
  }

  void write(Path file) throws IOException {
    ByteBuffer out = ByteBuffer.allocate(24 + packets.stream().mapToInt(p -> 16 + p.length).sum());
    out.order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0);
    out.putInt(65535).putInt(LINKTYPE_RAW);
    int second = 1_700_000_000;
    for (byte[] p : packets) {
      out.putInt(second++).putInt(0).putInt(p.length).putInt(p.length).put(p);
    }
    Files.write(file, out.array());
  }

  private static byte[] bytes(ByteBuffer payload) {
    byte[] data = new byte[payload.remaining()];
    payload.duplicate().get(data);
    return data;
  }

  private static byte[] ipv4(int protocol, byte[] body) {
    ByteBuffer ip = ByteBuffer.allocate(20 + body.length);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + body.length));
    ip.putShort((short) 0).putShort((short) 0x4000).put((byte) 64).put((byte) protocol);
    ip.putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
    int sum = 0;
    for (int i = 0; i < 20; i += 2) {
      sum += ip.getShort(i) & 0xFFFF;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >> 16);
    }
    ip.putShort(10, (short) ~sum);
    ip.put(body);
    return ip.array();
  }
}
