package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static io.chatwire.wire.tests.v2.Frames.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The first word of an IPv4 header (RFC 791 section 3.1): 4 + 4 + 6 + 2 bits, then 16. */
class Ipv4FirstWordTest {
  /**
   * The 20-byte IPv4 header of the worked checksum example on Wikipedia's "Internet checksum" and
   * "IPv4 header checksum" pages: {@code 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7}, a UDP
   * datagram of 115 bytes from 192.168.0.1 to 192.168.0.199.
   */
  static final byte[] HEADER = hex("4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7");

  /** Its first word: version 4, IHL 5, DSCP 0, ECN 0 (Not-ECT), total length 115. */
  static final byte[] PLAIN = hex("4500 0073");

  /**
   * A voice packet's first word: DSCP EF (46, RFC 3246, 101110) and ECN ECT(1) (RFC 3168, 01) make
   * the second byte {@code 1011 1001} = b9; total length 200 = 20 (IP) + 8 (UDP) + 12 (RTP) + 160
   * (20 ms of G.711).
   */
  static final byte[] VOICE = hex("45b9 00c8");

  @Test
  void decodesTheFirstWordOfARealHeader() {
    Ipv4FirstWord w = Ipv4FirstWordDecoder.decode(ByteBuffer.wrap(HEADER), 0, 4);

    assertThat(w).isEqualTo(new Ipv4FirstWord(4, 5, 0, 0, 115));
    // the word is the fixed prefix of the header: a stream reader cuts it at 4 bytes
    Ipv4FirstWordDecoder d = new Ipv4FirstWordDecoder();
    assertThat(d.tryWrapPrefix(ByteBuffer.wrap(HEADER), 0, HEADER.length)).isEqualTo(4);
    assertThat(d.totalLength()).isEqualTo(115);
    assertThat(Ipv4FirstWordDecoder.frameLength(ByteBuffer.wrap(HEADER), 0, HEADER.length))
        .isEqualTo(4);
  }

  @Test
  void decodesDscpAndEcnFromTheSameByte() {
    Ipv4FirstWordDecoder d = new Ipv4FirstWordDecoder().wrap(placed(VOICE, 7, true), 7, 4);

    assertThat(d.version()).isEqualTo(4);
    assertThat(d.ihl()).isEqualTo(5);
    assertThat(d.dscp()).isEqualTo(46);
    assertThat(d.ecn()).isEqualTo(1);
    assertThat(d.totalLength()).isEqualTo(200);
    assertThat(d.toRecord()).isEqualTo(new Ipv4FirstWord(4, 5, 46, 1, 200));
  }

  @Test
  void encodesTheExactBytes() {
    ByteBuffer dst = ByteBuffer.allocateDirect(16);

    assertThat(hex(dst, 3, Ipv4FirstWordEncoder.encode(new Ipv4FirstWord(4, 5, 0, 0, 115), dst, 3)))
        .isEqualTo(hex(PLAIN));
    assertThat(
            hex(dst, 9, Ipv4FirstWordEncoder.encode(new Ipv4FirstWord(4, 5, 46, 1, 200), dst, 9)))
        .isEqualTo(hex(VOICE));
    // every field at its maximum fills every bit
    assertThat(
            hex(
                dst,
                0,
                Ipv4FirstWordEncoder.encode(new Ipv4FirstWord(15, 15, 63, 3, 65535), dst, 0)))
        .isEqualTo("ffffffff");
  }

  @Test
  void flyweightSettersInAnyOrderGiveTheSameBytes() {
    List<Consumer<Ipv4FirstWordEncoder>> setters =
        new ArrayList<>(
            List.of(
                e -> e.version(4),
                e -> e.ihl(5),
                e -> e.dscp(46),
                e -> e.ecn(1),
                e -> e.totalLength(200)));
    Random random = new Random(791);
    for (int round = 0; round < 30; round++) {
      Collections.shuffle(setters, random);
      ByteBuffer dst = ByteBuffer.allocate(12);
      for (int i = 0; i < dst.capacity(); i++) {
        dst.put(i, (byte) 0xFF); // stale bytes: wrap must clear the bit group
      }
      Ipv4FirstWordEncoder e = new Ipv4FirstWordEncoder().wrap(dst, 5);
      setters.forEach(s -> s.accept(e));

      assertThat(e.length()).isEqualTo(4);
      assertThat(hex(dst, 5, 4)).as("order %s", setters).isEqualTo(hex(VOICE));
      assertThat(hex(dst, 0, 5)).isEqualTo("ffffffffff"); // nothing before the frame
    }
  }

  @Test
  void aSetterOverwritesOnlyItsOwnBits() {
    ByteBuffer dst = ByteBuffer.allocate(4);
    Ipv4FirstWordEncoder e =
        new Ipv4FirstWordEncoder().wrap(dst, 0).version(15).ihl(15).dscp(63).ecn(3);
    assertThat(hex(dst, 0, 2)).isEqualTo("ffff");

    e.dscp(0);
    assertThat(hex(dst, 0, 2)).isEqualTo("ff03");
    e.version(4).ecn(0).dscp(46).ihl(5).ecn(1);
    assertThat(hex(dst, 0, 2)).isEqualTo("45b9");
  }

  @Test
  void outOfRangeValuesAreIllegalArguments() {
    Ipv4FirstWordEncoder e = new Ipv4FirstWordEncoder().wrap(ByteBuffer.allocate(4), 0);
    List<Runnable> bad =
        List.of(
            () -> e.version(16),
            () -> e.version(-1),
            () -> e.ihl(16),
            () -> e.dscp(64),
            () -> e.dscp(-1),
            () -> e.ecn(4),
            () -> e.totalLength(65536),
            () -> e.totalLength(-1));
    for (Runnable setter : bad) {
      assertThatThrownBy(setter::run).isInstanceOf(IllegalArgumentException.class);
    }
    ByteBuffer dst = ByteBuffer.allocate(4);
    List<Ipv4FirstWord> records =
        List.of(
            new Ipv4FirstWord(16, 5, 0, 0, 20),
            new Ipv4FirstWord(4, 5, 64, 0, 20),
            new Ipv4FirstWord(4, -1, 0, 0, 20),
            new Ipv4FirstWord(4, 5, 0, 4, 20),
            new Ipv4FirstWord(4, 5, 0, 0, 65536));
    for (Ipv4FirstWord r : records) {
      assertThatThrownBy(() -> Ipv4FirstWordEncoder.encode(r, dst, 0))
          .as("%s", r)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(hex(dst, 0, 4)).as("nothing written for %s", r).isEqualTo("00000000");
    }
    assertThatThrownBy(() -> Ipv4FirstWordEncoder.encodedLength(new Ipv4FirstWord(16, 5, 0, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> Ipv4FirstWordEncoder.encodedLength(new Ipv4FirstWord(4, 5, 64, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dscp");
  }

  @Test
  void bytesAfterTheWordAreTrailingForAnExactDecode() {
    assertThatThrownBy(() -> Ipv4FirstWordDecoder.decode(ByteBuffer.wrap(HEADER), 0, 5))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FrameProblem.TRAILING_BYTES);
              assertThat(e.offset()).isEqualTo(4);
            });
  }

  @Test
  void everyTruncationIsMalformed() {
    for (byte[] word : new byte[][] {PLAIN, VOICE}) {
      Frames.assertWholeFrameIsValid(Codecs.ipv4FirstWord(), word);
      Frames.assertEveryTruncationIsMalformed(
          Codecs.ipv4FirstWord(), word, n -> false, n -> n < 2 ? "version" : "totalLength");
    }
  }
}
