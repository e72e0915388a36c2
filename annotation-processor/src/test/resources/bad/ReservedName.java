package bad;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

@Message
public record ReservedName(
    @Field(bytes = 1) int toRecord) {}
