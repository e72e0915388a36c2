package io.chatwire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Integers of every width round-trip in both byte orders, whatever the buffer's own order. */
class WireBuffersTest {
  @Property(tries = 2000)
  void integersRoundTripInBothOrders(
      @ForAll long value,
      @ForAll @IntRange(min = 1, max = 8) int width,
      @ForAll boolean bigEndian,
      @ForAll boolean bufferBigEndian) {
    ByteBuffer buffer =
        ByteBuffer.allocate(12)
            .order(bufferBigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long mask = width == 8 ? -1L : (1L << (8 * width)) - 1;

    WireBuffers.putInteger(buffer, 3, width, bigEndian, value);

    assertThat(WireBuffers.getUnsigned(buffer, 3, width, bigEndian)).isEqualTo(value & mask);
    int shift = 64 - 8 * width;
    assertThat(WireBuffers.getSigned(buffer, 3, width, bigEndian))
        .isEqualTo((value << shift) >> shift);
    assertThat(buffer.get(2)).isZero();
    assertThat(buffer.get(3 + width)).isZero();
  }

  @Test
  void byteOrderIsTheRequestedOne() {
    ByteBuffer buffer = ByteBuffer.allocate(3).order(ByteOrder.LITTLE_ENDIAN);
    WireBuffers.putInteger(buffer, 0, 3, true, 0x010203);
    assertThat(buffer.array()).containsExactly(1, 2, 3);
    WireBuffers.putInteger(buffer, 0, 3, false, 0x010203);
    assertThat(buffer.array()).containsExactly(3, 2, 1);
  }

  @Property(tries = 1000)
  void firstNonZeroFindsTheFirstSetByte(
      @ForAll @IntRange(max = 40) int length, @ForAll @IntRange(max = 40) int set) {
    byte[] bytes = new byte[length];
    if (set < length) {
      bytes[set] = 7;
    }
    int found = WireBuffers.firstNonZero(ByteBuffer.wrap(bytes), 0, length);
    assertThat(found).isEqualTo(set < length ? set : -1);
  }

  @Test
  void hashMatchesArraysHashCode() {
    byte[] bytes = "lobby".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocateDirect(10).put(2, bytes);
    assertThat(WireBuffers.hash(buffer, 2, 5)).isEqualTo(Arrays.hashCode(bytes));
    assertThat(WireBuffers.contentEquals(buffer, 2, 5, bytes)).isTrue();
    assertThat(WireBuffers.contentEquals(buffer, 2, 4, bytes)).isFalse();
  }
}
