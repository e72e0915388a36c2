package io.chatwire.wire.tests;

import io.chatwire.wire.Endian;
import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

/** Uses every supported field kind at once. */
@Message(endian = Endian.LITTLE, maxLength = 1024)
public record AllFeatures(
    @Field(bytes = 1) boolean flag,
    @Field(bytes = 1, signed = true) byte tiny,
    @Field(bytes = 2, signed = true) short small,
    @Field(bytes = 1) short unsignedByte,
    @Field(bytes = 3) int medium,
    @Field(bytes = 4, signed = true) int signedInt,
    @Field(bytes = 4) long unsignedInt,
    @Field(bytes = 6, signed = true) long six,
    @Field(bytes = 8) long full,
    @Field(bytes = 12) long wide,
    @Field(bytes = 2) Color color,
    @Field(bytes = 8) String code,
    @Field(bytes = 4) ByteBuffer magic,
    @Field(bytes = 1, max = 100) int nameSize,
    @Field(sizeFrom = "nameSize") String name,
    @Field(bytes = 2) int afterName,
    @Field Header header,
    @Field(bytes = 2) int bodySize,
    @Field(sizeFrom = "bodySize", max = 200) ByteBuffer body,
    @Field(remainder = true) String tail) {

  /** A nested message with a length of its own. */
  @Message
  public record Header(
      @Field(bytes = 1) int version,
      @Field(bytes = 1) int labelSize,
      @Field(sizeFrom = "labelSize") String label) {}

  /** An enum with sparse codes. */
  public enum Color implements WireCode {
    RED(7),
    BLUE(300);

    private final int code;

    Color(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }
}
