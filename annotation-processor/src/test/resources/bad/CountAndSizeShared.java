package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record CountAndSizeShared(
    @Field(bytes = 1) int count,
    @Field(countFrom = "count") List<Item> items,
    @Field(sizeFrom = "count") String label) {
  @Message
  public record Item(@Field(bytes = 2) int id) {}
}
