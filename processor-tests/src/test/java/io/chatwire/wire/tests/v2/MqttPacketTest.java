package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.tests.v2.MqttPacket.Type;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MQTT 3.1.1 control packets: 4 + 4 bits, then the remaining length as a varint (section 2.2.3).
 */
class MqttPacketTest {
  /**
   * A CONNECT (section 3.1): protocol name "MQTT", level 4, flags 02 (clean session), keep alive
   * 60, client identifier "a".
   */
  static final byte[] CONNECT = hex("10 0d 0004 4d515454 04 02 003c 0001 61");

  /** A QoS 0 PUBLISH (section 3.3) of "hi" to topic "a/b". */
  static final byte[] PUBLISH = hex("30 07 0003 612f62 6869");

  @Test
  void decodesConnect() {
    MqttPacket p = MqttPacketDecoder.decode(ByteBuffer.wrap(CONNECT), 0, CONNECT.length);

    assertThat(p.type()).isEqualTo(Type.CONNECT);
    assertThat(p.flags()).isZero();
    assertThat(p.remainingLength()).isEqualTo(13);
    assertThat(p.body()).isEqualTo(ByteBuffer.wrap(CONNECT, 2, 13));
  }

  @Test
  void encodesPublishAndTheControlPacketsWithoutBody() {
    ByteBuffer dst = ByteBuffer.allocate(32);
    MqttPacket publish = new MqttPacket(Type.PUBLISH, 0, 7, ByteBuffer.wrap(PUBLISH, 2, 7).slice());

    assertThat(hex(dst, 3, MqttPacketEncoder.encode(publish, dst, 3))).isEqualTo(hex(PUBLISH));
    // PINGREQ (3.12), PINGRESP (3.13), DISCONNECT (3.14); PUBREL has flags 0010 (3.6.1)
    MqttPacket ping = new MqttPacket(Type.PINGREQ, 0, 0, ByteBuffer.allocate(0));
    assertThat(hex(dst, 0, MqttPacketEncoder.encode(ping, dst, 0))).isEqualTo("c000");
    MqttPacket pong = new MqttPacket(Type.PINGRESP, 0, 0, ByteBuffer.allocate(0));
    assertThat(hex(dst, 0, MqttPacketEncoder.encode(pong, dst, 0))).isEqualTo("d000");
    MqttPacket bye = new MqttPacket(Type.DISCONNECT, 0, 0, ByteBuffer.allocate(0));
    assertThat(hex(dst, 0, MqttPacketEncoder.encode(bye, dst, 0))).isEqualTo("e000");
    MqttPacket pubrel = new MqttPacket(Type.PUBREL, 2, 2, ByteBuffer.wrap(hex("1234")));
    assertThat(hex(dst, 0, MqttPacketEncoder.encode(pubrel, dst, 0))).isEqualTo("62021234");
  }

  /** The table of section 2.2.3, with the value's byte form. */
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "127, 7f",
    "128, 8001",
    "16383, ff7f",
    "16384, 808001",
    "2097151, ffff7f",
    "2097152, 80808001",
    "268435455, ffffff7f"
  })
  void remainingLengthHasTheSpecsByteForm(int value, String varint) {
    ByteBuffer header = ByteBuffer.wrap(hex("30" + varint));

    // a stream reader learns the whole length from the fixed header alone
    assertThat(MqttPacketDecoder.frameLength(header, 0, header.capacity()))
        .isEqualTo(header.capacity() + value);
    ByteBuffer dst = ByteBuffer.allocate(8);
    new MqttPacketEncoder().wrap(dst, 0).type(Type.PUBLISH).remainingLength(value);
    assertThat(hex(dst, 0, header.capacity())).isEqualTo("30" + varint);
    if (value <= 16384) {
      byte[] body = new byte[value];
      MqttPacket p = new MqttPacket(Type.PUBLISH, 0, value, ByteBuffer.wrap(body));
      ByteBuffer frame = ByteBuffer.allocate(MqttPacketEncoder.encodedLength(p));
      assertThat(MqttPacketEncoder.encode(p, frame, 0)).isEqualTo(header.capacity() + value);
      assertThat(hex(frame, 0, header.capacity())).isEqualTo("30" + varint);
      assertThat(MqttPacketDecoder.decode(frame, 0, frame.capacity())).isEqualTo(p);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "8000, VARINT_OVERLONG", // 0 in two bytes
    "ff00, VARINT_OVERLONG", // 127 with a needless zero group
    "80808000, VARINT_OVERLONG",
    "8080808008, overflow", // 2^31: over Integer.MAX_VALUE
    "ffffffff0f, overflow", // 2^32 - 1
    "ffffffffff7f, overflow", // six bytes
    "8080808001, max", // 2^28: over the declared max 268435455
    "ffffffff07, max" // Integer.MAX_VALUE, still over max
  })
  void overlongOrOverflowingRemainingLengthIsMalformed(String varint, String why) {
    byte[] frame = hex("30" + varint + "00000000");
    ByteBuffer src = ByteBuffer.wrap(frame);

    assertThatThrownBy(() -> MqttPacketDecoder.decode(src, 0, frame.length))
        .as(why)
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("remainingLength");
              assertThat(e.offset()).isEqualTo(1);
            });
    assertThatThrownBy(() -> MqttPacketDecoder.frameLength(src, 0, frame.length))
        .as(why)
        .isInstanceOf(MalformedFrameException.class);
    assertThat(new MqttPacketDecoder().tryWrapPrefix(src, 0, frame.length)).isEqualTo(-1);
  }

  @Test
  void remainingLengthAboveMaxCannotBeEncoded() {
    MqttPacket p = new MqttPacket(Type.PUBLISH, 0, 268_435_456, ByteBuffer.allocate(0));
    assertThatThrownBy(() -> MqttPacketEncoder.encodedLength(p))
        .isInstanceOf(IllegalArgumentException.class);
    MqttPacketEncoder e = new MqttPacketEncoder().wrap(ByteBuffer.allocate(8), 0);
    assertThatThrownBy(() -> e.remainingLength(268_435_456))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e.remainingLength(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flyweightBodyMustMatchTheDeclaredRemainingLength() {
    ByteBuffer dst = ByteBuffer.allocate(16);
    MqttPacketEncoder e = new MqttPacketEncoder().wrap(dst, 0).type(Type.PUBLISH);
    e.remainingLength(3);

    assertThatThrownBy(() -> e.body(new byte[2])).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.body(new byte[] {1, 2, 3}).length()).isEqualTo(5);
    assertThat(hex(dst, 0, 5)).isEqualTo("3003010203");
    MqttPacket wrong = new MqttPacket(Type.PUBLISH, 0, 3, ByteBuffer.allocate(2));
    assertThatThrownBy(() -> MqttPacketEncoder.encodedLength(wrong))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownPacketTypesAreMalformed() {
    for (String frame : new String[] {"0000", "f000"}) {
      assertThatThrownBy(() -> MqttPacketDecoder.decode(ByteBuffer.wrap(hex(frame)), 0, 2))
          .isInstanceOfSatisfying(
              MalformedFrameException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }
  }

  @Test
  void everyTruncationIsMalformed() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.mqttPacket(),
        CONNECT,
        n -> false,
        n -> n == 0 ? "type" : n == 1 ? "remainingLength" : "body");
    byte[] big = new byte[3 + 200];
    big[0] = 0x30;
    big[1] = (byte) 0xc8;
    big[2] = 0x01; // 200
    Frames.assertEveryTruncationIsMalformed(
        Codecs.mqttPacket(),
        big,
        n -> false,
        n -> n == 0 ? "type" : n < 3 ? "remainingLength" : "body");
  }
}
