package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message(maxLength = 2)
public record MaxLengthTooSmall(@Field(bytes = 4) long value) {}
