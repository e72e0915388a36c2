package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

@Message
public record NestedInvalid(@Field(bytes = 1) int version, @Field Inner inner) {
  @Message
  public record Inner(@Field(bytes = 3) short broken) {}
}
