package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;
import java.util.List;

@Message
public record BitsTooWide(
    @Field(bits = 8) byte value,
    @Field(bytes = 1) int next) {}
