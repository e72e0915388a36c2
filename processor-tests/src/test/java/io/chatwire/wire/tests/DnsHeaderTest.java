package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Someone else's protocol: a DNS query header decodes and encodes byte for byte. */
class DnsHeaderTest {
  /** Header of a standard recursive query for one name (id 0x1234, RD set). */
  private static final byte[] QUERY = HexFormat.of().parseHex("123401000001000000000000");

  @Test
  void decodesARealQueryHeader() {
    DnsHeader header = DnsHeaderDecoder.decode(ByteBuffer.wrap(QUERY), 0, QUERY.length);

    assertThat(header).isEqualTo(new DnsHeader(0x1234, 0x0100, 1, 0, 0, 0));
  }

  @Test
  void encodesTheSameBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(12);
    int length = DnsHeaderEncoder.encode(new DnsHeader(0x1234, 0x0100, 1, 0, 0, 0), buffer, 0);

    assertThat(length).isEqualTo(12);
    assertThat(buffer.array()).isEqualTo(QUERY);
  }

  @Test
  void flyweightReadsFlagsWithoutCopying() {
    DnsHeaderDecoder decoder = new DnsHeaderDecoder().wrap(ByteBuffer.wrap(QUERY), 0, 12);

    assertThat(decoder.flags() & 0x0100).as("RD bit").isNotZero();
    assertThat(decoder.questions()).isEqualTo(1);
    assertThat(DnsHeaderDecoder.FLAGS_OFFSET).isEqualTo(2);
  }

  @Test
  void frameLengthIsKnownOnceTwelveBytesArrive() {
    ByteBuffer buffer = ByteBuffer.wrap(QUERY);
    assertThat(DnsHeaderDecoder.frameLength(buffer, 0, 11)).isEqualTo(-1);
    assertThat(DnsHeaderDecoder.frameLength(buffer, 0, 12)).isEqualTo(12);
  }

  @Test
  void rejectsValuesThatDoNotFitAndShortFrames() {
    assertThatThrownBy(() -> DnsHeaderEncoder.encodedLength(new DnsHeader(70_000, 0, 0, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DnsHeader.id = 70000 does not fit");
    assertThatThrownBy(() -> DnsHeaderDecoder.decode(ByteBuffer.wrap(QUERY), 0, 11))
        .isInstanceOf(MalformedFrameException.class)
        .hasMessage("additionals at offset 10: needs 2 bytes but only 1 remain");
  }
}
