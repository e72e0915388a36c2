package good;

import io.chatwire.wire.Endian;
import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.util.List;

/** A little-endian list of variable-length elements, its byte length given by a prefix. */
@Message(endian = Endian.LITTLE, maxLength = 1024)
public record Directory(
    @Field(bytes = 2) int size,
    @Field(sizeFrom = "size") List<Entry> entries) {

  /** One element whose length is known only by reading it. */
  @Message(endian = Endian.LITTLE)
  public record Entry(
      @Field(varint = true) int id,
      @Field(bits = 1) boolean hidden,
      @Field(bits = 7) int kind,
      @Field(nulTerminated = true) String name) {}
}
