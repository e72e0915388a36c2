package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record EnumNotWireCode(@Field(bytes = 1) Color color) {
  public enum Color {
    RED,
    GREEN
  }
}
