package io.chatwire.protocol;

import static io.chatwire.protocol.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a MalformedFrameException naming the field and the offset. */
class MalformedFramesTest {
  private static ByteBuffer join() {
    return hex(GoldenVectorsTest.TCRP_JOIN);
  }

  private static void assertMalformed(ThrowingCallable call, String field, int offset) {
    assertThatThrownBy(call)
        .isInstanceOf(MalformedFrameException.class)
        .satisfies(
            e -> {
              MalformedFrameException m = (MalformedFrameException) e;
              assertThat(m.field()).isEqualTo(field);
              assertThat(m.offset()).isEqualTo(offset);
              assertThat(m.getMessage()).startsWith(field + " at offset " + offset + ": ");
            });
  }

  @Test
  void everyTruncationOfATcrpFrameIsRejected() {
    ByteBuffer frame = join();
    for (int length = 0; length < frame.limit(); length++) {
      int n = length;
      assertThatThrownBy(() -> new TcrpFrameDecoder().wrap(frame, 0, n))
          .as("prefix of %d bytes", n)
          .isInstanceOf(MalformedFrameException.class);
    }
    assertMalformed(() -> new TcrpFrameDecoder().wrap(frame, 0, 2), "state", 2);
    assertMalformed(() -> new TcrpFrameDecoder().wrap(frame, 0, 20), "operationPayloadSize", 3);
    assertMalformed(() -> new TcrpFrameDecoder().wrap(frame, 0, 35), "roomName", 32);
    assertMalformed(() -> new TcrpFrameDecoder().wrap(frame, 0, 40), "operationPayload", 37);
  }

  @Test
  void frameLengthIsMinusOneForEveryPrefixShorterThanTheHeader() {
    ByteBuffer frame = join();
    for (int available = 0; available < TcrpFrameDecoder.FIXED_LENGTH; available++) {
      assertThat(TcrpFrameDecoder.frameLength(frame, 0, available)).isEqualTo(-1);
    }
    for (int available = 32; available <= frame.limit(); available++) {
      assertThat(TcrpFrameDecoder.frameLength(frame, 0, available)).isEqualTo(frame.limit());
    }
  }

  @Test
  void nonZeroHighBytesInThePayloadSizeAreRejected() {
    for (int index = 3; index < 24; index++) {
      ByteBuffer frame = join();
      frame.put(index, (byte) 1);
      int at = index;
      assertMalformed(
          () -> new TcrpFrameDecoder().wrap(frame, 0, frame.limit()), "operationPayloadSize", at);
      assertMalformed(
          () -> TcrpFrameDecoder.frameLength(frame, 0, frame.limit()), "operationPayloadSize", at);
    }
    ByteBuffer topBit = join();
    topBit.put(24, (byte) 0x80);
    assertMalformed(
        () -> new TcrpFrameDecoder().wrap(topBit, 0, topBit.limit()), "operationPayloadSize", 3);
  }

  @Test
  void declaredLengthOverMaxLengthIsRejectedFromTheHeaderAlone() {
    ByteBuffer header = ByteBuffer.allocate(32);
    header.put(0, (byte) 0).put(1, (byte) 1).put(2, (byte) 0);
    header.putInt(28, (1 << 29) + 256);
    assertMalformed(() -> TcrpFrameDecoder.frameLength(header, 0, 32), "operationPayloadSize", 3);

    header.putInt(28, 1 << 29);
    assertThat(TcrpFrameDecoder.frameLength(header, 0, 32)).isEqualTo(32 + (1 << 29));
  }

  @Test
  void unknownCodesAreRejected() {
    ByteBuffer badOperation = join();
    badOperation.put(1, (byte) 9);
    assertMalformed(
        () -> new TcrpFrameDecoder().wrap(badOperation, 0, badOperation.limit()), "operation", 1);

    ByteBuffer badState = join();
    badState.put(2, (byte) 3);
    assertMalformed(() -> new TcrpFrameDecoder().wrap(badState, 0, badState.limit()), "state", 2);

    ByteBuffer badKind = hex(GoldenVectorsTest.RELAY);
    badKind.put(0, (byte) 0);
    assertMalformed(() -> new RelayDatagramDecoder().wrap(badKind, 0, badKind.limit()), "kind", 0);
  }

  @Test
  void invalidUtf8IsRejectedAtTheBadByte() {
    ByteBuffer frame = join();
    frame.put(34, (byte) 0xC0);
    assertMalformed(() -> new TcrpFrameDecoder().wrap(frame, 0, frame.limit()), "roomName", 34);

    ByteBuffer chat = hex(GoldenVectorsTest.CHAT);
    chat.put(8, (byte) 0xFF);
    assertMalformed(() -> new ChatDatagramDecoder().wrap(chat, 0, chat.limit()), "token", 8);

    ByteBuffer surrogate = hex("03 00 eda080");
    assertMalformed(
        () -> new ChatDatagramDecoder().wrap(surrogate, 0, surrogate.limit()), "roomName", 2);
  }

  /**
   * The first structural problem (a length, a limit, a code) wins, in field order; only a frame
   * without one reports its first malformed text. Text is checked in one ASCII pass first and
   * strictly only when that finds a byte above 0x7f, so both paths are exercised here.
   */
  @Test
  void severalProblemsReportTheFirstStructuralOneElseTheFirstBadText() {
    ByteBuffer both = hex(GoldenVectorsTest.CHAT);
    both.put(3, (byte) 0xFF).put(1, (byte) 200);
    assertMalformed(() -> new ChatDatagramDecoder().wrap(both, 0, both.limit()), "token", 7);

    ByteBuffer twoTexts = hex(GoldenVectorsTest.CHAT);
    twoTexts.put(8, (byte) 0xFF).put(3, (byte) 0xC0);
    assertMalformed(
        () -> new ChatDatagramDecoder().wrap(twoTexts, 0, twoTexts.limit()), "roomName", 3);

    ByteBuffer accented = hex("05 02 636166c3a9 6869 6d7367");
    ChatDatagramDecoder decoder = new ChatDatagramDecoder().wrap(accented, 0, accented.limit());
    assertThat(decoder.roomName()).isEqualTo("café");
    assertThat(decoder.token()).isEqualTo("hi");
    assertThat(decoder.messageLength()).isEqualTo(3);
  }

  @Test
  void sizesPastTheEndAreRejected() {
    ByteBuffer chat = hex(GoldenVectorsTest.CHAT);
    chat.put(1, (byte) 200);
    assertMalformed(() -> new ChatDatagramDecoder().wrap(chat, 0, chat.limit()), "token", 7);

    ByteBuffer relay = hex(GoldenVectorsTest.RELAY);
    relay.put(1, (byte) 255);
    assertMalformed(() -> new RelayDatagramDecoder().wrap(relay, 0, relay.limit()), "sender", 2);
  }

  @Test
  void framesOverMaxLengthAreRejected() {
    ByteBuffer big = ByteBuffer.allocate(4097);
    assertMalformed(() -> new ChatDatagramDecoder().wrap(big, 0, 4097), "ChatDatagram", 0);
    assertMalformed(() -> new RelayDatagramDecoder().wrap(big, 0, 4097), "RelayDatagram", 0);
  }

  @Test
  void trailingBytesAfterATcrpFrameAreRejected() {
    ByteBuffer frame = join();
    ByteBuffer longer = ByteBuffer.allocate(frame.limit() + 1);
    longer.put(0, frame, 0, frame.limit());
    assertMalformed(
        () -> new TcrpFrameDecoder().wrap(longer, 0, longer.limit()), "TcrpFrame", frame.limit());
  }

  @Test
  void aFailedWrapLeavesTheDecoderOnItsPreviousFrame() {
    ByteBuffer good = join();
    TcrpFrameDecoder decoder = new TcrpFrameDecoder().wrap(good, 0, good.limit());
    ByteBuffer bad = join();
    bad.put(1, (byte) 0);

    assertThatThrownBy(() -> decoder.wrap(bad, 0, bad.limit()))
        .isInstanceOf(MalformedFrameException.class);
    assertThat(decoder.roomName()).isEqualTo("lobby");
    assertThat(decoder.wrappedBuffer()).isSameAs(good);
  }

  @Test
  void decodersNeverReadOutsideTheirRange() {
    byte[] framed = new byte[100];
    Arrays.fill(framed, (byte) 0xEE);
    ByteBuffer frame = join();
    frame.get(0, framed, 10, frame.limit());
    ByteBuffer buffer = ByteBuffer.wrap(framed);

    TcrpFrame decoded = TcrpFrameDecoder.decode(buffer, 10, frame.limit());
    assertThat(decoded.roomName()).isEqualTo("lobby");
    assertThatThrownBy(() -> TcrpFrameDecoder.decode(buffer, 10, frame.limit() - 1))
        .isInstanceOf(MalformedFrameException.class);
    assertThatThrownBy(() -> TcrpFrameDecoder.decode(buffer, 90, 20))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
