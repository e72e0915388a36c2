package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * Bytes sized by an 8-byte length under a small {@code maxLength}.
 *
 * @param n the byte length of {@code d}
 * @param d the bytes
 */
@Message(maxLength = 100)
public record Capped8(@Field(bytes = 8) long n, @Field(sizeFrom = "n") ByteBuffer d) {}
