package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsNotAligned(
    @Field(bits = 3) int a,
    @Field(bits = 4) int b,
    @Field(bytes = 1) int c) {}
