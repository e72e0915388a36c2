package good;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The names protocol specifications use for a length and the field it measures: {@code
 * fileNameLength} + {@code fileName}, {@code itemsCount} + {@code items}, {@code bodyLength} +
 * {@code body}. The decoder's own {@code <name>Length()} / {@code <name>Count()} helpers would
 * repeat those accessors, so it leaves them out.
 */
@Message(maxLength = 4096)
public record SpecNames(
    @Field(bytes = 2) int fileNameLength,
    @Field(sizeFrom = "fileNameLength") String fileName,
    @Field(bytes = 1) int itemsCount,
    @Field(countFrom = "itemsCount") List<Item> items,
    @Field(varint = true) int bodyLength,
    @Field(sizeFrom = "bodyLength") ByteBuffer body) {

  /** A fixed-length element. */
  @Message
  public record Item(@Field(bytes = 2) int id) {}
}
