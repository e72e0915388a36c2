package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record NameCollision(
    @Field(bytes = 1) int headerState,
    @Field Header header) {
  @Message
  public record Header(@Field(bytes = 1) int state) {}
}
