package io.chatwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Round trips of any valid record, and arbitrary bytes never escape as anything but MFE. */
class CodecPropertiesTest {

  @Provide
  Arbitrary<String> text255() {
    return Arbitraries.strings()
        .ofMaxLength(80)
        .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= 255)
        .filter(CodecPropertiesTest::encodable);
  }

  /** Strings with unpaired surrogates are written as '?', so they cannot round-trip. */
  private static boolean encodable(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s);
  }

  @Provide
  Arbitrary<TcrpFrame> tcrpFrames() {
    return Combinators.combine(
            Arbitraries.of(Operation.class),
            Arbitraries.of(State.class),
            text255(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .as(
            (op, state, room, payload) ->
                new TcrpFrame(
                    room.getBytes(StandardCharsets.UTF_8).length,
                    op,
                    state,
                    payload.length,
                    room,
                    ByteBuffer.wrap(payload)));
  }

  @Property(tries = 500)
  void anyTcrpFrameRoundTripsAtAnyOffset(
      @ForAll("tcrpFrames") TcrpFrame frame, @ForAll @IntRange(max = 40) int offset) {
    int length = TcrpFrameEncoder.encodedLength(frame);
    byte[] backing = new byte[offset + length + 7];
    Arrays.fill(backing, (byte) 0x5A);
    ByteBuffer buffer = ByteBuffer.wrap(backing);

    assertThat(TcrpFrameEncoder.encode(frame, buffer, offset)).isEqualTo(length);
    assertThat(TcrpFrameDecoder.frameLength(buffer, offset, length)).isEqualTo(length);
    TcrpFrame decoded = TcrpFrameDecoder.decode(buffer, offset, length);

    assertThat(decoded.roomName()).isEqualTo(frame.roomName());
    assertThat(decoded.operation()).isEqualTo(frame.operation());
    assertThat(decoded.state()).isEqualTo(frame.state());
    assertThat(decoded.operationPayload()).isEqualTo(frame.operationPayload());
    for (int i = 0; i < offset; i++) {
      assertThat(backing[i]).isEqualTo((byte) 0x5A);
    }
    for (int i = offset + length; i < backing.length; i++) {
      assertThat(backing[i]).isEqualTo((byte) 0x5A);
    }
  }

  @Property(tries = 500)
  void anyChatDatagramRoundTripsAndTheFlyweightWritesTheSameBytes(
      @ForAll("text255") String room,
      @ForAll("text255") String token,
      @ForAll @Size(max = 1000) byte[] message) {
    ChatDatagram datagram =
        new ChatDatagram(
            room.getBytes(StandardCharsets.UTF_8).length,
            token.getBytes(StandardCharsets.UTF_8).length,
            room,
            token,
            ByteBuffer.wrap(message));
    ByteBuffer viaRecord = ByteBuffer.allocate(4096);
    int length = ChatDatagramEncoder.encode(datagram, viaRecord, 0);
    ByteBuffer viaFlyweight = ByteBuffer.allocateDirect(4096);
    int flyLength =
        new ChatDatagramEncoder()
            .wrap(viaFlyweight, 0)
            .roomName(room)
            .token(token)
            .message(message)
            .length();

    assertThat(flyLength).isEqualTo(length);
    assertThat(viaFlyweight.slice(0, length)).isEqualTo(viaRecord.slice(0, length));
    ChatDatagramDecoder decoder = new ChatDatagramDecoder().wrap(viaFlyweight, 0, length);
    assertThat(decoder.roomName()).isEqualTo(room);
    assertThat(decoder.token()).isEqualTo(token);
    assertThat(decoder.message()).isEqualTo(ByteBuffer.wrap(message));
  }

  @Property(tries = 3000)
  void arbitraryBytesNeverBreakTheTcrpDecoder(@ForAll @Size(max = 400) byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      TcrpFrameDecoder.decode(buffer, 0, bytes.length);
    } catch (MalformedFrameException expected) {
      assertThat(expected.offset()).isBetween(0, bytes.length);
    }
    try {
      int length = TcrpFrameDecoder.frameLength(buffer, 0, bytes.length);
      assertThat(length).isGreaterThanOrEqualTo(-1);
    } catch (MalformedFrameException expected) {
      assertThat(expected.field()).isEqualTo("operationPayloadSize");
    }
  }

  @Property(tries = 3000)
  void arbitraryBytesNeverBreakTheDatagramDecoders(@ForAll @Size(max = 300) byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    try {
      new ChatDatagramDecoder().wrap(buffer, 0, bytes.length).toRecord();
    } catch (MalformedFrameException expected) {
      assertThat(expected.offset()).isBetween(0, bytes.length);
    }
    try {
      new RelayDatagramDecoder().wrap(buffer, 0, bytes.length).toRecord();
    } catch (MalformedFrameException expected) {
      assertThat(expected.offset()).isBetween(0, bytes.length);
    }
  }

  @Property(tries = 1000)
  void mutatedValidFramesNeverBreakTheDecoder(
      @ForAll("tcrpFrames") TcrpFrame frame,
      @ForAll @IntRange(max = 1000) int position,
      @ForAll byte value) {
    ByteBuffer encoded = Frames.encode(frame);
    encoded.put(position % encoded.limit(), value);
    try {
      TcrpFrameDecoder.decode(encoded, 0, encoded.limit());
    } catch (MalformedFrameException expected) {
      assertThat(expected.field()).isNotEmpty();
    }
  }
}
