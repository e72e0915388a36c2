package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsRange(
    @Field(bytes = 1) int kind,
    @Field(bits = 72) long value) {}
