package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** TFTP read requests (RFC 1350 section 5): two NUL-terminated strings. */
class TftpReadRequestTest {
  /** The RRQ of RFC 1350 figure 5-1 for "rfc1350.txt" in octet mode. */
  static final byte[] RRQ = hex("0001 72666331333530 2e747874 00 6f63746574 00");

  @Test
  void decodesTheRfcReadRequest() {
    TftpReadRequestDecoder d =
        new TftpReadRequestDecoder().wrap(ByteBuffer.wrap(RRQ), 0, RRQ.length);

    assertThat(d.opcode()).isEqualTo(1);
    assertThat(d.filename()).isEqualTo("rfc1350.txt");
    assertThat(d.mode()).isEqualTo("octet");
    assertThat(d.toRecord()).isEqualTo(new TftpReadRequest(1, "rfc1350.txt", "octet"));
  }

  @Test
  void encodesTheRfcBytesWithBothEncoders() {
    ByteBuffer dst = ByteBuffer.allocate(64);
    TftpReadRequest rrq = new TftpReadRequest(1, "rfc1350.txt", "octet");

    assertThat(hex(dst, 2, TftpReadRequestEncoder.encode(rrq, dst, 2))).isEqualTo(hex(RRQ));
    ByteBuffer fly = ByteBuffer.allocateDirect(64);
    int n =
        new TftpReadRequestEncoder()
            .wrap(fly, 9)
            .opcode(1)
            .filename("rfc1350.txt")
            .mode("octet")
            .length();
    assertThat(hex(fly, 9, n)).isEqualTo(hex(RRQ));
  }

  @Test
  void aMissingTerminatorIsMalformed() {
    byte[] noModeEnd = hex("0001 6100 6f63746574");
    assertThatThrownBy(
            () -> TftpReadRequestDecoder.decode(ByteBuffer.wrap(noModeEnd), 0, noModeEnd.length))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("mode");
              assertThat(e.offset()).isEqualTo(4);
            });
    byte[] noTerminatorAtAll = hex("0001 616263");
    assertThatThrownBy(
            () ->
                TftpReadRequestDecoder.decode(
                    ByteBuffer.wrap(noTerminatorAtAll), 0, noTerminatorAtAll.length))
        .isInstanceOfSatisfying(
            MalformedFrameException.class, e -> assertThat(e.field()).isEqualTo("filename"));
  }

  @Test
  void aTerminatorOnlyAfterTheFrameDoesNotCount() {
    // the zero that would end "mode" is the byte after the frame
    ByteBuffer src = ByteBuffer.wrap(hex("0001 6100 6f63746574 00"));
    assertThat(new TftpReadRequestDecoder().tryWrap(src, 0, 9)).isFalse();
    assertThat(new TftpReadRequestDecoder().tryWrapPrefix(src, 0, 9)).isEqualTo(-1);
    assertThat(TftpReadRequestDecoder.frameLength(src, 0, 9)).isEqualTo(-1);
    assertThat(TftpReadRequestDecoder.frameLength(src, 0, 10)).isEqualTo(10);
  }

  @Test
  void aValueContainingZeroCannotBeEncoded() {
    ByteBuffer dst = ByteBuffer.allocate(64);
    assertThatThrownBy(
            () -> TftpReadRequestEncoder.encode(new TftpReadRequest(1, "a\0b", "octet"), dst, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("filename");
    assertThatThrownBy(
            () -> TftpReadRequestEncoder.encodedLength(new TftpReadRequest(1, "a", "oct\0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> new TftpReadRequestEncoder().wrap(dst, 0).opcode(1).filename("a\0b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TftpReadRequestEncoder().wrap(dst, 0).opcode(1).filename(new byte[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TftpReadRequestEncoder().wrap(dst, 0).opcode(1).filename("a").mode("\0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFlyweightFrameNeverPassesMaxLength() {
    // 2 + "a\0" + 508 bytes of mode + its terminator would be 513 bytes, one over maxLength 512
    ByteBuffer dst = ByteBuffer.allocate(1024);
    TftpReadRequestEncoder e = new TftpReadRequestEncoder().wrap(dst, 0).opcode(1).filename("a");

    assertThatThrownBy(() -> e.mode("m".repeat(508))).isInstanceOf(IllegalArgumentException.class);
    int n =
        new TftpReadRequestEncoder()
            .wrap(dst, 0)
            .opcode(1)
            .filename("a")
            .mode("m".repeat(507))
            .length();
    assertThat(n).isEqualTo(TftpReadRequestDecoder.MAX_LENGTH);
    assertThat(TftpReadRequestDecoder.decode(dst, 0, n).mode()).hasSize(507);
  }

  @Test
  void everyTruncationIsMalformed() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.tftpReadRequest(),
        RRQ,
        n -> false,
        n -> n < 2 ? "opcode" : n < 14 ? "filename" : "mode");
  }
}
