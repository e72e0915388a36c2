package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static io.chatwire.wire.tests.v2.Frames.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Declared lengths that do not fit an {@code int} (or a {@code long} sum): every entry point,
 * {@code frameLength} included and also without {@code maxLength}, calls them malformed instead of
 * answering 0, 3, a negative number or less than the header.
 */
class WideSizesTest {
  /**
   * Gives {@code frame} (all of it available, plus 16 more bytes after it) to every entry point.
   */
  private static void assertMalformedEverywhere(Codec codec, byte[] frame, String field) {
    for (boolean direct : new boolean[] {false, true}) {
      ByteBuffer src = placed(frame, 7, direct);
      assertThatThrownBy(() -> codec.frameLength().apply(src, 7, frame.length + 16))
          .as("%s frameLength", codec)
          .isInstanceOfSatisfying(
              MalformedFrameException.class, e -> assertThat(e.field()).isEqualTo(field));
      assertThatThrownBy(() -> codec.frameLength().apply(src, 7, frame.length))
          .isInstanceOf(MalformedFrameException.class);
      assertThatThrownBy(() -> codec.decode().apply(src, 7, frame.length))
          .isInstanceOf(MalformedFrameException.class);
      assertThat(codec.tryWrap().apply(src, 7, frame.length)).isNotNull();
      assertThat(codec.tryWrapPrefix().apply(src, 7, frame.length + 16)).isEqualTo(-1);
    }
  }

  @Test
  void fourByteSizeNearTwoToTheThirtyTwoIsMalformed() {
    for (String size : new String[] {"fffffffc", "ffffffff", "80000000", "7ffffffc"}) {
      assertMalformedEverywhere(Codecs.wide4(), hex(size + "0102030405"), "size");
    }
  }

  @Test
  void fourByteSizeThatFitsGivesTheWholeLength() {
    byte[] frame = hex("00000003 616263");
    ByteBuffer src = ByteBuffer.wrap(frame);

    assertThat(Wide4Decoder.frameLength(src, 0, 4)).isEqualTo(7);
    assertThat(Wide4Decoder.frameLength(src, 0, 3)).isEqualTo(-1);
    assertThat(Wide4Decoder.decode(src, 0, 7).data()).isEqualTo(ByteBuffer.wrap(hex("616263")));
  }

  @Test
  void pngChunkWithTheLargestLengthIsMalformed() {
    // PNG section 5.3 allows chunk lengths up to 2^31 - 1: IDAT of 7fffffff bytes
    assertMalformedEverywhere(Codecs.pngChunk(), hex("7fffffff 49444154 789c"), "length");
  }

  @Test
  void pngChunkOfTheSpecDecodes() {
    // the IEND chunk that ends every PNG file (without its CRC ae426082)
    byte[] iend = hex("00000000 49454e44");
    PngChunk chunk = PngChunkDecoder.decode(ByteBuffer.wrap(iend), 0, iend.length);

    assertThat(chunk.type()).isEqualTo(0x49454e44);
    assertThat(chunk.data().remaining()).isZero();
    assertThat(PngChunkDecoder.frameLength(ByteBuffer.wrap(iend), 0, 8)).isEqualTo(8);
  }

  @Test
  void zip64LocalHeaderWithAllOnesSizesIsMalformed() {
    // APPNOTE 4.5.3: a ZIP64 entry stores ffffffff in both sizes and the real ones in the extra
    // field
    byte[] header =
        hex(
            "504b0304 2d00 0000 0000 8318 2258 537424f4 ffffffff ffffffff 0900 1400"
                + "68656c6c6f2e747874"
                + "0100 1000 0d00000000000000 0d00000000000000");
    assertMalformedEverywhere(Codecs.zipLocalHeader(), header, "compressedSize");
  }

  @Test
  void twentyNineByteSizeOfTwoToTheThirtyTwoIsMalformed() {
    byte[] frame = new byte[29 + 8];
    frame[29 - 5] = 1; // 0x0000000100000000 in the low eight bytes
    assertMalformedEverywhere(Codecs.wide29(), frame, "size");
  }

  @Test
  void twentyNineByteSizeWithAHighByteSetIsMalformed() {
    byte[] frame = new byte[29 + 8];
    frame[0] = 1;
    assertMalformedEverywhere(Codecs.wide29(), frame, "size");
  }

  @Test
  void eightByteSizeOverMaxLengthIsMalformed() {
    byte[] frame = hex("7fffffffffffffff 0102");
    assertMalformedEverywhere(Codecs.capped8(), frame, "n");
    assertThat(Capped8Decoder.MAX_LENGTH).isEqualTo(100);
    byte[] justOver = hex("000000000000005d"); // 8 + 93 = 101 > 100
    assertThatThrownBy(() -> Capped8Decoder.frameLength(ByteBuffer.wrap(justOver), 0, 8))
        .isInstanceOf(MalformedFrameException.class);
    byte[] atMax = hex("000000000000005c");
    assertThat(Capped8Decoder.frameLength(ByteBuffer.wrap(atMax), 0, 8)).isEqualTo(100);
  }

  @Test
  void twoEightByteSizesWhoseSumOverflowsALongAreMalformed() {
    byte[] frame = hex("4000000000000000 4000000000000000 0102");
    assertMalformedEverywhere(Codecs.twoSizes8(), frame, "a");
  }

  @Test
  void unsignedEightByteSizeAboveIntMaxIsMalformed() {
    for (String size :
        new String[] {
          "0000000080000000", "00000000ffffffff", "8000000000000000", "ffffffffffffffff"
        }) {
      assertMalformedEverywhere(Codecs.wide8(), hex(size + "00"), "size");
    }
    byte[] fits = hex("0000000000000002 abcd");
    assertThat(Wide8Decoder.decode(ByteBuffer.wrap(fits), 0, fits.length).size()).isEqualTo(2);
  }

  @Test
  void eightByteCountOfTwoToTheThirtyOneInAFortyByteFrameIsMalformedAtOnce() {
    byte[] frame = new byte[40];
    frame[4] = (byte) 0x80; // count 0x0000000080000000
    Counted8Decoder d = new Counted8Decoder();

    assertThat(d.tryWrap(ByteBuffer.wrap(frame), 0, frame.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("items");
    assertThat(d.failure()).hasMessageContaining("declared count 2147483648");
    assertThatThrownBy(() -> Counted8Decoder.frameLength(ByteBuffer.wrap(frame), 0, 40))
        .isInstanceOf(MalformedFrameException.class);
    Arrays.fill(frame, 0, 8, (byte) 0xFF); // count 2^64 - 1
    assertThat(d.tryWrap(ByteBuffer.wrap(frame), 0, frame.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("items");
    assertThatThrownBy(() -> Counted8Decoder.frameLength(ByteBuffer.wrap(frame), 0, 40))
        .isInstanceOf(MalformedFrameException.class);
  }
}
