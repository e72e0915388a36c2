package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * Bytes sized by a 29-byte length (TCRP's width) and no {@code maxLength}.
 *
 * @param size the byte length of {@code data}
 * @param data the bytes
 */
@Message
public record Wide29(@Field(bytes = 29) long size, @Field(sizeFrom = "size") ByteBuffer data) {}
