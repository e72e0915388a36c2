package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static io.chatwire.wire.tests.v2.Frames.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.tests.v2.TlvFrame.Tlv;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A list of type-length-value items that runs to the end of the frame. */
class TlvFrameTest {
  /**
   * Version 1, then three TLVs: type 01 with the 3 bytes "abc", type 02 with an empty value, type
   * 7f with de ad be ef.
   *
   * <pre>
   * offset  0   1        6     8          14
   *         01 |01 03 616263|02 00|7f 04 deadbeef|
   * </pre>
   */
  static final byte[] FRAME = hex("01 0103616263 0200 7f04deadbeef");

  /** Where each TLV starts, and the end of the frame: the cuts that leave a valid frame. */
  private static final Set<Integer> BOUNDARIES = Set.of(1, 6, 8, 14);

  private static final List<Tlv> ITEMS =
      List.of(
          new Tlv(1, 3, ByteBuffer.wrap(hex("616263"))),
          new Tlv(2, 0, ByteBuffer.allocate(0)),
          new Tlv(0x7f, 4, ByteBuffer.wrap(hex("deadbeef"))));

  @Test
  void decodesTheItemsToTheEndOfTheFrame() {
    TlvFrameDecoder d = new TlvFrameDecoder().wrap(placed(FRAME, 4, true), 4, FRAME.length);

    assertThat(d.version()).isEqualTo(1);
    assertThat(d.itemsCount()).isEqualTo(3);
    assertThat(d.itemsOffset()).isEqualTo(4 + 1);
    assertThat(d.itemsLength()).isEqualTo(13);
    int[] types = new int[3];
    int[] starts = new int[3];
    int i = 0;
    for (TlvDecoder item : d.items()) {
      types[i] = item.type();
      starts[i] = item.wrappedOffset() - 4;
      assertThat(item.length()).isEqualTo(item.valueLength());
      i++;
    }
    assertThat(types).containsExactly(1, 2, 0x7f);
    assertThat(starts).containsExactly(1, 6, 8);
    assertThat(d.toRecord()).isEqualTo(new TlvFrame(1, ITEMS));
    assertThat(TlvFrameDecoder.decode(ByteBuffer.wrap(FRAME), 0, FRAME.length).items())
        .isEqualTo(ITEMS);
  }

  @Test
  void encodesTheExactBytesWithEitherEncoder() {
    ByteBuffer dst = ByteBuffer.allocate(32);
    TlvFrame frame = new TlvFrame(1, ITEMS);

    assertThat(TlvFrameEncoder.encodedLength(frame)).isEqualTo(FRAME.length);
    assertThat(hex(dst, 2, TlvFrameEncoder.encode(frame, dst, 2))).isEqualTo(hex(FRAME));
    ByteBuffer fly = ByteBuffer.allocateDirect(32);
    int n = new TlvFrameEncoder().wrap(fly, 6).version(1).items(ITEMS).length();
    assertThat(hex(fly, 6, n)).isEqualTo(hex(FRAME));
    // the items one by one with the element's own flyweight
    TlvEncoder item = new TlvEncoder();
    int p = 1;
    p += item.wrap(fly, p).type(1).value(hex("616263")).length();
    p += item.wrap(fly, p).type(2).value(new byte[0]).length();
    p += item.wrap(fly, p).type(0x7f).value(hex("deadbeef")).length();
    fly.put(0, (byte) 1);
    assertThat(hex(fly, 0, p)).isEqualTo(hex(FRAME));
  }

  @Test
  void justTheVersionByteIsAnEmptyList() {
    byte[] empty = hex("09");
    TlvFrameDecoder d = new TlvFrameDecoder().wrap(ByteBuffer.wrap(empty), 0, 1);

    assertThat(d.itemsCount()).isZero();
    assertThat(d.itemsLength()).isZero();
    assertThat(d.items().hasNext()).isFalse();
    assertThat(d.toRecord()).isEqualTo(new TlvFrame(9, List.of()));
    Frames.assertWholeFrameIsValid(Codecs.tlvFrame(), empty);
    ByteBuffer dst = ByteBuffer.allocate(4);
    assertThat(TlvFrameEncoder.encode(new TlvFrame(9, List.of()), dst, 0)).isEqualTo(1);
    assertThat(hex(dst, 0, 1)).isEqualTo("09");
  }

  @Test
  void aValueRunningPastTheEndIsReportedWithItsPathAndFrameOffset() {
    byte[] frame = FRAME.clone();
    frame[9] = 0x05; // the third TLV declares 5 value bytes; 4 remain

    assertThatThrownBy(() -> TlvFrameDecoder.decode(ByteBuffer.wrap(frame), 0, frame.length))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("items[2].value");
              assertThat(e.offset()).isEqualTo(10);
              assertThat(e.problem()).isEqualTo(FrameProblem.PAST_END);
            });
    TlvFrameDecoder d = new TlvFrameDecoder();
    ByteBuffer src = placed(frame, 11, false);
    assertThat(d.tryWrap(src, 11, frame.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("items[2].value");
    assertThat(d.failure().offset()).isEqualTo(10);
    assertThat(d.tryWrapPrefix(src, 11, frame.length)).isEqualTo(-1);
    assertThat(d.failure().field()).isEqualTo("items[2].value");
    // the decoder stays usable
    assertThat(d.tryWrap(ByteBuffer.wrap(FRAME), 0, FRAME.length)).isTrue();
    assertThat(d.itemsCount()).isEqualTo(3);
  }

  @Test
  void aLoneTypeByteAtTheEndIsATruncatedLength() {
    byte[] frame = hex("01 0200 7f");

    assertThatThrownBy(() -> TlvFrameDecoder.decode(ByteBuffer.wrap(frame), 0, frame.length))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("items[1].length");
              assertThat(e.offset()).isEqualTo(4);
              assertThat(e.problem()).isEqualTo(FrameProblem.TRUNCATED);
            });
  }

  @Test
  void aCutBetweenItemsIsAShorterValidFrame() {
    for (int cut : new int[] {1, 6, 8}) {
      for (boolean direct : new boolean[] {false, true}) {
        ByteBuffer src = placed(Arrays.copyOf(FRAME, cut), 3, direct);

        TlvFrame shorter = TlvFrameDecoder.decode(src, 3, cut);

        assertThat(shorter).as("cut at %s", cut).isEqualTo(new TlvFrame(1, itemsBefore(cut)));
        assertThat(TlvFrameEncoder.encodedLength(shorter)).isEqualTo(cut);
      }
    }
  }

  private static List<Tlv> itemsBefore(int cut) {
    return switch (cut) {
      case 1 -> List.of();
      case 6 -> ITEMS.subList(0, 1);
      case 8 -> ITEMS.subList(0, 2);
      default -> throw new IllegalArgumentException("not a boundary: " + cut);
    };
  }

  @Test
  void everyTruncationBehavesAsTheContractSays() {
    Frames.assertWholeFrameIsValid(Codecs.tlvFrame(), FRAME);
    Frames.assertEveryTruncationIsMalformed(
        Codecs.tlvFrame(), FRAME, BOUNDARIES::contains, TlvFrameTest::fieldCutInTheFrame);
  }

  /** A cut inside a TLV: after its type byte the length is missing, after that the value. */
  private static String fieldCutInTheFrame(int n) {
    if (n == 0) {
      return "version";
    }
    int index = n < 6 ? 0 : n < 8 ? 1 : 2;
    int start = new int[] {1, 6, 8}[index];
    return "items[" + index + "]." + (n == start + 1 ? "length" : "value");
  }

  @Test
  void frameLengthTakesEverythingAvailableOnceTheVersionHasArrived() {
    for (boolean direct : new boolean[] {false, true}) {
      ByteBuffer src = placed(FRAME, 2, direct);

      assertThat(TlvFrameDecoder.frameLength(src, 2, 0)).isEqualTo(-1);
      for (int n = 1; n <= FRAME.length; n++) {
        assertThat(TlvFrameDecoder.frameLength(src, 2, n)).as("%s bytes", n).isEqualTo(n);
      }
    }
    ByteBuffer big = ByteBuffer.allocate(TlvFrameDecoder.MAX_LENGTH + 1);
    assertThat(TlvFrameDecoder.frameLength(big, 0, TlvFrameDecoder.MAX_LENGTH))
        .isEqualTo(TlvFrameDecoder.MAX_LENGTH);
    assertThatThrownBy(() -> TlvFrameDecoder.frameLength(big, 0, TlvFrameDecoder.MAX_LENGTH + 1))
        .isInstanceOf(MalformedFrameException.class);
  }

  @Test
  void rejectingGarbageAllocatesNothing() {
    byte[] garbage = FRAME.clone();
    garbage[9] = 0x7f; // the third value runs far past the end
    TlvFrameDecoder d = new TlvFrameDecoder();
    ByteBuffer src = ByteBuffer.allocateDirect(garbage.length).put(0, garbage);
    ByteBuffer good = ByteBuffer.allocateDirect(FRAME.length).put(0, FRAME);

    Allocations.Measured m =
        Allocations.measure(
            () -> {
              long rejected = d.tryWrap(src, 0, garbage.length) ? 0 : 1;
              rejected += d.tryWrapPrefix(src, 0, garbage.length) < 0 ? 1 : 0;
              return rejected + (d.tryWrap(good, 0, FRAME.length) ? d.itemsCount() : 0);
            });

    assertThat(m.sum()).isEqualTo(5L * m.rounds());
    assertThat(m.allocated()).as("bytes allocated by rejecting garbage").isLessThan(1024);
    assertThat(d.tryWrap(src, 0, garbage.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("items[2].value");
  }

  @Test
  void aListTheFrameCannotHoldIsRefusedBeforeAnythingIsWritten() {
    // a buffer with room for the longest frame, and 16 full items: 1 + 16 * 257 = 4113 bytes
    ByteBuffer dst = ByteBuffer.allocate(TlvFrameDecoder.MAX_LENGTH);
    List<Tlv> items = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      items.add(new Tlv(i, 255, ByteBuffer.wrap(new byte[255]).put(0, (byte) 0xEE)));
    }
    TlvFrameEncoder e = new TlvFrameEncoder().wrap(dst, 0).version(1);

    assertThatThrownBy(() -> e.items(items))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLength");
    assertThat(dst.get(1)).as("first byte of the list").isZero();
    assertThat(e.items(items.subList(0, 15)).length()).isEqualTo(1 + 15 * 257);
  }

  @Test
  void aListWithAnInvalidElementIsRefusedBeforeAnythingIsWritten() {
    ByteBuffer dst = ByteBuffer.allocate(64);
    List<Tlv> items =
        List.of(ITEMS.get(0), new Tlv(9, 3, ByteBuffer.wrap(hex("0102")))); // length 3, 2 bytes
    TlvFrameEncoder e = new TlvFrameEncoder().wrap(dst, 0).version(1);

    assertThatThrownBy(() -> e.items(items)).isInstanceOf(IllegalArgumentException.class);
    assertThat(hex(dst, 0, 8)).isEqualTo("0100000000000000");
    assertThat(e.items(ITEMS).length()).isEqualTo(FRAME.length);
    assertThat(hex(dst, 0, FRAME.length)).isEqualTo(hex(FRAME));
  }
}
