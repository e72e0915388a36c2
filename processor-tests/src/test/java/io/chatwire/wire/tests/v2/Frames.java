package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Byte helpers and the checks every codec must pass on truncated input. */
final class Frames {
  /** Bytes placed before a frame: anything a decoder reads there is a bug. */
  static final byte BEFORE = (byte) 0xA5;

  private Frames() {}

  /** Parses hex digits, ignoring spaces. */
  static byte[] hex(String digits) {
    return HexFormat.of().parseHex(digits.replace(" ", ""));
  }

  /** The bytes {@code [offset, offset + length)} of {@code buffer} as hex digits. */
  static String hex(ByteBuffer buffer, int offset, int length) {
    byte[] out = new byte[length];
    buffer.get(offset, out);
    return HexFormat.of().formatHex(out);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * A buffer holding {@code frame} at {@code offset}, with {@link #BEFORE} bytes ahead of it and
   * zeros after it (a NUL search that runs past the frame would find one there).
   */
  static ByteBuffer placed(byte[] frame, int offset, boolean direct) {
    int capacity = offset + frame.length + 16;
    ByteBuffer buffer =
        direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    for (int i = 0; i < offset; i++) {
      buffer.put(i, BEFORE);
    }
    buffer.put(offset, frame);
    return buffer;
  }

  /** The frame's length, or the {@code frameLength} result, or the exception. */
  static Object frameLengthOutcome(Codec codec, ByteBuffer src, int offset, int available) {
    try {
      return codec.frameLength().apply(src, offset, available);
    } catch (MalformedFrameException e) {
      return e;
    }
  }

  /**
   * Checks every proper prefix of {@code frame} (placed at offset 3 of a heap and of a direct
   * buffer): a prefix for which {@code validPrefix} is false is malformed for {@code decode},
   * {@code tryWrap} (naming {@code expectedField.apply(prefixLength)}) and {@code tryWrapPrefix}; a
   * valid prefix (one that only shortens a remainder) decodes. {@code frameLength} answers -1, the
   * full length, or, for layouts ending in a remainder, a length between the prefix and the frame.
   */
  static void assertEveryTruncationIsMalformed(
      Codec codec, byte[] frame, IntPredicate validPrefix, IntFunction<String> expectedField) {
    for (boolean direct : new boolean[] {false, true}) {
      for (int n = 0; n < frame.length; n++) {
        checkPrefix(codec, frame, n, direct, validPrefix.test(n), expectedField);
      }
    }
  }

  private static void checkPrefix(
      Codec codec,
      byte[] frame,
      int n,
      boolean direct,
      boolean valid,
      IntFunction<String> expectedField) {
    ByteBuffer src = placed(Arrays.copyOf(frame, n), 3, direct);
    String where = codec.name() + " prefix of " + n + " bytes (direct " + direct + ")";
    if (valid) {
      assertThat(codec.tryWrap().apply(src, 3, n)).as(where).isNull();
      assertThat(codec.tryWrapPrefix().apply(src, 3, n)).as(where).isEqualTo(n);
    } else {
      assertThatThrownBy(() -> codec.decode().apply(src, 3, n))
          .as(where)
          .isInstanceOf(MalformedFrameException.class);
      MalformedFrameException failure = codec.tryWrap().apply(src, 3, n);
      assertThat(failure).as(where).isNotNull();
      assertThat(failure.field()).as(where).isEqualTo(expectedField.apply(n));
      assertThat(failure.offset()).as(where).isBetween(0, n);
      assertThat(codec.tryWrapPrefix().apply(src, 3, n)).as(where).isEqualTo(-1);
    }
    Object length = frameLengthOutcome(codec, src, 3, n);
    if (codec.remainder()) {
      assertThat(length)
          .as(where)
          .satisfiesAnyOf(
              l -> assertThat(l).isEqualTo(-1),
              l -> assertThat((Integer) l).isBetween(Math.max(n, codec.minLength()), frame.length));
    } else {
      assertThat(length).as(where).isIn(-1, frame.length);
    }
  }

  /**
   * Whether {@code frame} decodes with every entry point, at offset 0 and at 5, heap and direct.
   */
  static void assertWholeFrameIsValid(Codec codec, byte[] frame) {
    for (boolean direct : new boolean[] {false, true}) {
      for (int offset : new int[] {0, 5}) {
        ByteBuffer src = placed(frame, offset, direct);
        assertThat(codec.tryWrap().apply(src, offset, frame.length)).isNull();
        assertThat(codec.tryWrapPrefix().apply(src, offset, frame.length)).isEqualTo(frame.length);
        assertThat(codec.frameLength().apply(src, offset, frame.length)).isEqualTo(frame.length);
        assertThat(codec.decode().apply(src, offset, frame.length)).isNotNull();
      }
    }
  }
}
