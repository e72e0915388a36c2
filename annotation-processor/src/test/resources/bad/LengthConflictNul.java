package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record LengthConflictNul(
    @Field(bytes = 1) int size,
    @Field(nulTerminated = true, sizeFrom = "size") String name) {}
