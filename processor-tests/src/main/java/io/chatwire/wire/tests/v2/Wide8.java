package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * Bytes sized by an unsigned 8-byte length and no {@code maxLength}: any length above {@code
 * Integer.MAX_VALUE} is malformed.
 *
 * @param size the byte length of {@code data} (all 2^64 bit patterns arrive on the wire)
 * @param data the bytes
 */
@Message
public record Wide8(@Field(bytes = 8) long size, @Field(sizeFrom = "size") ByteBuffer data) {}
