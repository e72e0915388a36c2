package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record SignedString(
    @Field(bytes = 1) int size,
    @Field(sizeFrom = "size", signed = true) String name) {}
