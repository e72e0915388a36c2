package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsGroupTooWide(
    @Field(bits = 60) long a,
    @Field(bits = 8) int b,
    @Field(bits = 4) int c) {}
