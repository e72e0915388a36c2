package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record SizeFromSigned(
    @Field(bytes = 1, signed = true) int size,
    @Field(sizeFrom = "size") String name) {}
