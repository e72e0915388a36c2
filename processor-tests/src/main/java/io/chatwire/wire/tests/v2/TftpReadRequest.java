package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

/**
 * A TFTP read request (RFC 1350, section 5): opcode 1, then the file name and the transfer mode,
 * each a string ended by a zero byte.
 *
 * @param opcode 1 for RRQ
 * @param filename the file to read
 * @param mode "netascii", "octet" or "mail"
 */
@Message(maxLength = 512)
public record TftpReadRequest(
    @Field(bytes = 2) int opcode,
    @Field(nulTerminated = true) String filename,
    @Field(nulTerminated = true) String mode) {}
