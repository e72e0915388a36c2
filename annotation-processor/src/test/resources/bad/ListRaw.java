package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record ListRaw(
    @Field(bytes = 1) int count,
    @SuppressWarnings("rawtypes") @Field(countFrom = "count") List items) {}
