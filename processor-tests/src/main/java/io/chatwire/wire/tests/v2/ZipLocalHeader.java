package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Endian;
import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * A ZIP local file header followed by the file's data (APPNOTE.TXT, section 4.3.7), little-endian.
 * In a ZIP64 entry both sizes are {@code 0xFFFFFFFF} and the real ones sit in the extra field, so a
 * reader that trusts them as a length must refuse the frame rather than overflow.
 *
 * @param signature 0x04034b50
 * @param versionNeeded version needed to extract
 * @param flags general purpose bit flags
 * @param compression compression method
 * @param modTime last modification time (MS-DOS)
 * @param modDate last modification date (MS-DOS)
 * @param crc32 CRC-32 of the uncompressed data
 * @param compressedSize the data's length in bytes
 * @param uncompressedSize the uncompressed length
 * @param fileNameLength the file name's length in bytes
 * @param extraFieldLength the extra field's length in bytes
 * @param fileName the file name
 * @param extraField the extra field
 * @param data the compressed data
 */
@Message(endian = Endian.LITTLE)
public record ZipLocalHeader(
    @Field(bytes = 4) long signature,
    @Field(bytes = 2) int versionNeeded,
    @Field(bytes = 2) int flags,
    @Field(bytes = 2) int compression,
    @Field(bytes = 2) int modTime,
    @Field(bytes = 2) int modDate,
    @Field(bytes = 4) long crc32,
    @Field(bytes = 4) long compressedSize,
    @Field(bytes = 4) long uncompressedSize,
    @Field(bytes = 2) int fileNameLength,
    @Field(bytes = 2) int extraFieldLength,
    @Field(sizeFrom = "fileNameLength") String fileName,
    @Field(sizeFrom = "extraFieldLength") ByteBuffer extraField,
    @Field(sizeFrom = "compressedSize") ByteBuffer data) {}
