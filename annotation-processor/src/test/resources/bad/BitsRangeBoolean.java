package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsRangeBoolean(
    @Field(bits = 2) boolean flag,
    @Field(bits = 6) int rest) {}
