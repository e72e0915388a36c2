package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** NTP timestamps (RFC 5905 section 6): an unsigned 64-bit value with its top bit set. */
class NtpTimestampTest {
  @Test
  void decodesATimestampWithTheTopBitSet() {
    // e9a1b2c3 seconds since 1900 is 2024-03-17 18:19:47 UTC; the fraction is 12345678 / 2^32
    byte[] frame = hex("e9a1b2c312345678");

    NtpTimestamp t = NtpTimestampDecoder.decode(ByteBuffer.wrap(frame), 0, 8);

    assertThat(Long.toUnsignedString(t.value())).isEqualTo("16834933432981411448");
    assertThat(t.value() >>> 32).isEqualTo(0xe9a1b2c3L);
    assertThat(t.value() & 0xffffffffL).isEqualTo(0x12345678L);
    ByteBuffer dst = ByteBuffer.allocate(8);
    assertThat(NtpTimestampEncoder.encode(t, dst, 0)).isEqualTo(8);
    assertThat(hex(dst, 0, 8)).isEqualTo("e9a1b2c312345678");
  }

  @Test
  void theExtremesRoundTrip() {
    for (long value : new long[] {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1}) {
      ByteBuffer dst = ByteBuffer.allocate(8);
      new NtpTimestampEncoder().wrap(dst, 0).value(value);
      assertThat(hex(dst, 0, 8)).isEqualTo(String.format("%016x", value));
      assertThat(new NtpTimestampDecoder().wrap(dst, 0, 8).value()).isEqualTo(value);
    }
  }

  @Property(tries = 1000)
  void everySixtyFourBitValueRoundTrips(@ForAll long value) {
    NtpTimestamp t = new NtpTimestamp(value);
    ByteBuffer dst = ByteBuffer.allocateDirect(20);

    int n = NtpTimestampEncoder.encode(t, dst, 5);

    assertThat(n).isEqualTo(8).isEqualTo(NtpTimestampEncoder.encodedLength(t));
    assertThat(hex(dst, 5, 8)).isEqualTo(String.format("%016x", value));
    assertThat(NtpTimestampDecoder.decode(dst, 5, 8)).isEqualTo(t);
    assertThat(Long.toUnsignedString(NtpTimestampDecoder.decode(dst, 5, 8).value()))
        .isEqualTo(Long.toUnsignedString(value));
  }
}
