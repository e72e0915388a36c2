package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record MaxOnBoolean(@Field(bytes = 1, max = 1) boolean flag) {}
