package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record EnumCodeRangeBits(@Field(bits = 2) Level level, @Field(bits = 6) int rest) {
  public enum Level implements WireCode {
    LOW(0),
    MID(3),
    HIGH(4);

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
