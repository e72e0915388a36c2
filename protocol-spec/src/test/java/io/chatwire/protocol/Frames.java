package io.chatwire.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test helpers for building and printing frames. */
final class Frames {
  private static final HexFormat HEX = HexFormat.of();

  private Frames() {}

  static ByteBuffer hex(String hex) {
    return ByteBuffer.wrap(HEX.parseHex(hex.replace(" ", "")));
  }

  static String hex(ByteBuffer buffer, int offset, int length) {
    byte[] bytes = new byte[length];
    buffer.get(offset, bytes);
    return HEX.formatHex(bytes);
  }

  static String utf8Hex(String text) {
    return HEX.formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  static String text(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static TcrpFrame tcrp(Operation op, State state, String room, String payload) {
    ByteBuffer body = utf8(payload);
    return new TcrpFrame(
        room.getBytes(StandardCharsets.UTF_8).length, op, state, body.remaining(), room, body);
  }

  static ByteBuffer encode(TcrpFrame frame) {
    ByteBuffer buffer = ByteBuffer.allocate(TcrpFrameEncoder.encodedLength(frame));
    TcrpFrameEncoder.encode(frame, buffer, 0);
    return buffer;
  }
}
