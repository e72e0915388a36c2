package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record NestedAttributes(@Field(bytes = 2) Inner inner) {
  @Message
  public record Inner(@Field(bytes = 1) int a) {}
}
