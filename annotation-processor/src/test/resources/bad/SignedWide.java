package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record SignedWide(@Field(bytes = 12, signed = true) long value) {}
