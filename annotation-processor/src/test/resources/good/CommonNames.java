package good;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/** Component names that protocols use all the time must not clash with the generated API. */
@Message
public record CommonNames(
    @Field(bytes = 2) int length,
    @Field(bytes = 2) int offset,
    @Field(bytes = 1) int wrap,
    @Field(bytes = 1) int limit,
    @Field(bytes = 1) int next,
    @Field(sizeFrom = "length") ByteBuffer buffer) {}
