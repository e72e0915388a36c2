package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A type-length-value list that runs to the end of the frame (the shape of LLDP, RADIUS attributes
 * and many sensor protocols).
 *
 * @param version frame version
 * @param items the TLVs
 */
@Message(maxLength = 4096)
public record TlvFrame(@Field(bytes = 1) int version, @Field(remainder = true) List<Tlv> items) {

  /**
   * One type-length-value item.
   *
   * @param type the type
   * @param length the value's length in bytes
   * @param value the value
   */
  @Message
  public record Tlv(
      @Field(bytes = 1) int type,
      @Field(bytes = 1) int length,
      @Field(sizeFrom = "length") ByteBuffer value) {}
}
