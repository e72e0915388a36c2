package good;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

@Message(maxLength = 64)
public record Ping(
    @Field(bytes = 2) int sequence,
    @Field(bytes = 1) int nameSize,
    @Field(sizeFrom = "nameSize") String name) {}
