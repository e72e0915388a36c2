package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * A PNG chunk without its CRC (PNG specification, section 5.3): a 4-byte length, the 4-byte chunk
 * type and the data.
 *
 * @param length the data's length in bytes
 * @param type the chunk type as four ASCII letters, e.g. {@code 0x49444154} for IDAT
 * @param data the chunk data
 */
@Message
public record PngChunk(
    @Field(bytes = 4) long length,
    @Field(bytes = 4, signed = true) int type,
    @Field(sizeFrom = "length") ByteBuffer data) {}
