package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

/**
 * An MQTT control packet (MQTT 3.1.1, section 2.2): a 4-bit packet type, 4 flag bits, the
 * "remaining length" as a varint of at most four bytes, and that many bytes.
 *
 * @param type the control packet type
 * @param flags type-specific flags (for PUBLISH: DUP, QoS, RETAIN)
 * @param remainingLength bytes after the fixed header
 * @param body variable header and payload
 */
@Message
public record MqttPacket(
    @Field(bits = 4) Type type,
    @Field(bits = 4) int flags,
    @Field(varint = true, max = 268_435_455) int remainingLength,
    @Field(sizeFrom = "remainingLength") ByteBuffer body) {

  /** MQTT control packet types. */
  public enum Type implements WireCode {
    CONNECT(1),
    CONNACK(2),
    PUBLISH(3),
    PUBACK(4),
    PUBREC(5),
    PUBREL(6),
    PUBCOMP(7),
    SUBSCRIBE(8),
    SUBACK(9),
    UNSUBSCRIBE(10),
    UNSUBACK(11),
    PINGREQ(12),
    PINGRESP(13),
    DISCONNECT(14);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }
}
