package io.chatwire.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LEB128 varints: the shortest form on write, every malformed form refused on read. */
class VarintTest {
  private static ByteBuffer hex(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @Property(tries = 2000)
  void everyLongRoundTripsInItsShortestForm(@ForAll long value) {
    ByteBuffer buffer = ByteBuffer.allocate(13);

    int written = WireBuffers.putVarint(buffer, 2, value);

    assertThat(written).isEqualTo(WireBuffers.varintSize(value));
    assertThat(WireBuffers.varintLength(buffer, 2, 13, 64)).isEqualTo(written);
    assertThat(WireBuffers.getVarint(buffer, 2)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({
    // MQTT 3.1.1, table 2.4: the remaining-length boundaries
    "00, 0",
    "7f, 127",
    "8001, 128",
    "ff7f, 16383",
    "808001, 16384",
    "ffff7f, 2097151",
    "80808001, 2097152",
    "ffffff7f, 268435455",
    // protobuf's encoding guide: 150
    "9601, 150",
  })
  void readsTheSpecificationExamples(String hex, long value) {
    ByteBuffer buffer = hex(hex);

    assertThat(WireBuffers.varintLength(buffer, 0, buffer.limit(), 31)).isEqualTo(hex.length() / 2);
    assertThat(WireBuffers.getVarint(buffer, 0)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({
    "'', 31, -1",
    "80, 31, -1",
    "ffff, 31, -1",
    "8000, 31, -2",
    "ff80808000, 64, -2",
    "ffffffff07, 31, 5",
    "ffffffff08, 31, -3",
    "ffffffff0f, 31, -3",
    "8080808080, 31, -3",
    "ffffffffffffffffff01, 64, 10",
    "ffffffffffffffffff02, 64, -3",
    "ffffffffffffffffff81, 64, -3",
  })
  void refusesTruncatedOverlongAndOverflowingForms(String hex, int bits, int expected) {
    ByteBuffer buffer = hex(hex);

    assertThat(WireBuffers.varintLength(buffer, 0, buffer.limit(), bits)).isEqualTo(expected);
  }

  @Test
  void findsTheFirstZeroByteInRange() {
    ByteBuffer buffer = hex("0161620063");

    assertThat(WireBuffers.indexOfZero(buffer, 1, 5)).isEqualTo(3);
    assertThat(WireBuffers.indexOfZero(buffer, 4, 5)).isEqualTo(-1);
    assertThat(WireBuffers.indexOfZero(buffer, 4, 3)).isEqualTo(-1);
  }

  @Test
  void elementProblemsAreMovedIntoTheEnclosingFrame() {
    MalformedFrameException inner =
        FrameProblem.exception("qname", 3, FrameProblem.NO_TERMINATOR, 0, 0);

    MalformedFrameException outer = FrameProblem.inElement("questions", 2, 30, inner);

    assertThat(outer.field()).isEqualTo("questions[2].qname");
    assertThat(outer.offset()).isEqualTo(33);
    assertThat(outer.problem()).isEqualTo(FrameProblem.NO_TERMINATOR);
    assertThat(outer.getMessage())
        .isEqualTo(
            "questions[2].qname at offset 33: no 0x00 terminator before the end of the frame");
  }
}
