package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record EnumCodeRange(@Field(bytes = 1) int id, @Field(bytes = 1) Level level) {
  public enum Level implements WireCode {
    LOW(1),
    HIGH(300);

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
