package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record CountFromUnknown(
    @Field(bytes = 1) int count,
    @Field(countFrom = "itemCount") List<Item> items) {
  @Message
  public record Item(@Field(bytes = 2) int id) {}
}
