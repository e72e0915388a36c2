package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsNotAlignedAtEnd(
    @Field(bytes = 1) int a,
    @Field(bits = 4) int b,
    @Field(bits = 1) boolean c) {}
