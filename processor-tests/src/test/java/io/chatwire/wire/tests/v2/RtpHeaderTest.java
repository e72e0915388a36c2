package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.tests.v2.RtpHeader.Csrc;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTP packets (RFC 3550 section 5.1): bit fields, CSRCs counted by the 4-bit CC, a payload. */
class RtpHeaderTest {
  /**
   * An RTP packet laid out from the figure of RFC 3550 section 5.1: V=2, P=0, X=0, CC=2, M=1, PT=0
   * (PCMU, RFC 3551), sequence 1234, timestamp deadbeef, SSRC 01020304, CSRCs 11111111 and
   * 22222222, then two payload bytes.
   */
  static final byte[] PACKET = hex("8280 1234 deadbeef 01020304 11111111 22222222 7f80");

  private static RtpHeader packet() {
    return new RtpHeader(
        2,
        false,
        false,
        2,
        true,
        0,
        0x1234,
        0xdeadbeefL,
        0x01020304L,
        List.of(new Csrc(0x11111111L), new Csrc(0x22222222L)),
        ByteBuffer.wrap(hex("7f80")));
  }

  @Test
  void decodesThePacketWithItsCsrcs() {
    RtpHeaderDecoder d = new RtpHeaderDecoder().wrap(ByteBuffer.wrap(PACKET), 0, PACKET.length);

    assertThat(d.version()).isEqualTo(2);
    assertThat(d.padding()).isFalse();
    assertThat(d.extension()).isFalse();
    assertThat(d.csrcCount()).isEqualTo(2);
    assertThat(d.marker()).isTrue();
    assertThat(d.payloadType()).isZero();
    assertThat(d.timestamp()).isEqualTo(0xdeadbeefL);
    assertThat(d.csrcsCount()).isEqualTo(2);
    assertThat(d.csrcs(0).id()).isEqualTo(0x11111111L);
    assertThat(d.csrcs(1).id()).isEqualTo(0x22222222L);
    assertThat(d.payloadOffset()).isEqualTo(20);
    assertThat(d.toRecord()).isEqualTo(packet());
  }

  @Test
  void encodesTheSameBytesWithEitherEncoderAndAnySetterOrder() {
    ByteBuffer dst = ByteBuffer.allocateDirect(64);
    assertThat(hex(dst, 1, RtpHeaderEncoder.encode(packet(), dst, 1))).isEqualTo(hex(PACKET));

    ByteBuffer fly = ByteBuffer.allocate(64);
    int n =
        new RtpHeaderEncoder()
            .wrap(fly, 3)
            .ssrc(0x01020304L)
            .payloadType(0)
            .marker(true)
            .csrcCount(2)
            .timestamp(0xdeadbeefL)
            .extension(false)
            .sequenceNumber(0x1234)
            .version(2)
            .csrcs(packet().csrcs())
            .payload(hex("7f80"))
            .length();
    assertThat(hex(fly, 3, n)).isEqualTo(hex(PACKET));
  }

  @Test
  void bitFieldSettersOverwriteOnlyTheirOwnBits() {
    ByteBuffer dst = ByteBuffer.allocate(16);
    RtpHeaderEncoder e =
        new RtpHeaderEncoder().wrap(dst, 0).version(3).padding(true).extension(true).csrcCount(15);
    e.marker(true).payloadType(127);
    assertThat(hex(dst, 0, 2)).isEqualTo("ffff");

    e.version(2).csrcCount(0).payloadType(96).padding(false);
    assertThat(hex(dst, 0, 2)).isEqualTo("90e0");
    assertThatThrownBy(() -> e.version(4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.csrcCount(16)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.payloadType(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCsrcCountThatDisagreesWithTheListCannotBeEncoded() {
    RtpHeader p = packet();
    RtpHeader wrong =
        new RtpHeader(2, false, false, 3, true, 0, 1, 2, 3, p.csrcs(), ByteBuffer.allocate(0));
    assertThatThrownBy(() -> RtpHeaderEncoder.encode(wrong, ByteBuffer.allocate(64), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("csrcCount");
    RtpHeaderEncoder e = new RtpHeaderEncoder().wrap(ByteBuffer.allocate(64), 0).csrcCount(1);
    assertThatThrownBy(() -> e.csrcs(p.csrcs())).isInstanceOf(IllegalArgumentException.class);
    RtpHeaderEncoder none = new RtpHeaderEncoder().wrap(ByteBuffer.allocate(64), 0);
    assertThatThrownBy(() -> none.csrcs(p.csrcs())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomAccessOutsideTheListThrowsIndexOutOfBounds() {
    RtpHeaderDecoder d = new RtpHeaderDecoder().wrap(ByteBuffer.wrap(PACKET), 0, PACKET.length);

    assertThatThrownBy(() -> d.csrcs(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> d.csrcs(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> d.csrcs(Integer.MAX_VALUE))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void zeroCsrcsIsValid() {
    byte[] frame = hex("8000 0001 00000002 00000003");
    RtpHeader p = RtpHeaderDecoder.decode(ByteBuffer.wrap(frame), 0, frame.length);

    assertThat(p.csrcs()).isEmpty();
    assertThat(p.payload().remaining()).isZero();
    assertThat(new RtpHeaderDecoder().wrap(ByteBuffer.wrap(frame), 0, 12).csrcs().hasNext())
        .isFalse();
  }

  @Test
  void iteratingTheCsrcsAllocatesNothing() {
    RtpHeaderDecoder d = new RtpHeaderDecoder();
    ByteBuffer src = ByteBuffer.allocateDirect(PACKET.length).put(0, PACKET);
    long sum = 0;
    for (int i = 0; i < 20_000; i++) { // warm-up, so that the JIT has compiled the loop
      sum += walk(d, src);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      sum += walk(d, src);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(sum).isEqualTo(30_000L * (0x11111111L + 0x22222222L + 0x11111111L));
    assertThat(allocated).as("bytes allocated by 10,000 wraps and walks").isLessThan(1024);
  }

  private static long walk(RtpHeaderDecoder d, ByteBuffer src) {
    d.wrap(src, 0, PACKET.length);
    long sum = 0;
    for (CsrcDecoder c : d.csrcs()) {
      sum += c.id();
    }
    return sum + d.csrcs(0).id();
  }

  @Test
  void everyTruncationIsMalformed() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.rtpHeader(),
        PACKET,
        n -> n >= 20,
        n -> {
          if (n < 2) {
            return "version";
          } else if (n < 4) {
            return "sequenceNumber";
          } else if (n < 8) {
            return "timestamp";
          } else if (n < 12) {
            return "ssrc";
          }
          return "csrcs";
        });
  }
}
