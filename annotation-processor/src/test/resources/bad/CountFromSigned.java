package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record CountFromSigned(
    @Field(bytes = 1, signed = true) int count,
    @Field(countFrom = "count") List<Item> items) {
  @Message
  public record Item(@Field(bytes = 2) int id) {}
}
