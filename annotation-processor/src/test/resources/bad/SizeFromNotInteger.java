package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import io.chatwire.wire.WireCode;
import java.nio.ByteBuffer;

@Message
public record SizeFromNotInteger(
    @Field(bytes = 2) String size,
    @Field(sizeFrom = "size") String name) {}
