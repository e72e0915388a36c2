package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record LengthNameCollision(
    @Field(bytes = 2) int nameLength,
    @Field(bytes = 1) int size,
    @Field(sizeFrom = "size") String name) {}
