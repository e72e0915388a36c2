package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * Two byte strings sized by two 8-byte lengths and no {@code maxLength}: two lengths of 2^62 add up
 * to 2^63, which a {@code long} sum turns negative.
 *
 * @param a the byte length of {@code x}
 * @param b the byte length of {@code y}
 * @param x the first bytes
 * @param y the second bytes
 */
@Message
public record TwoSizes8(
    @Field(bytes = 8) long a,
    @Field(bytes = 8) long b,
    @Field(sizeFrom = "a") ByteBuffer x,
    @Field(sizeFrom = "b") ByteBuffer y) {}
