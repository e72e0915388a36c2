package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * Bytes sized by a 4-byte length and no {@code maxLength}: a declared length near 2^32 must not
 * overflow {@code frameLength}.
 *
 * @param size the byte length of {@code data}
 * @param data the bytes
 */
@Message
public record Wide4(@Field(bytes = 4) long size, @Field(sizeFrom = "size") ByteBuffer data) {}
