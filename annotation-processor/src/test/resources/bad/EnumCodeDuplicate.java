package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record EnumCodeDuplicate(@Field(bytes = 1) Level level) {
  public enum Level implements WireCode {
    LOW(1),
    MEDIUM(2),
    HIGH(1);

    private final int code;

    Level(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }
}
