package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

public class PrivateRecord {
  @Message
  private record Hidden(@Field(bytes = 1) int a) {}
}
