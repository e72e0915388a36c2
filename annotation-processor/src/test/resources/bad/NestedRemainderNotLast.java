package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record NestedRemainderNotLast(
    @Field Tail tail,
    @Field(bytes = 1) int trailer) {
  @Message
  public record Tail(@Field(remainder = true) ByteBuffer body) {}
}
