package io.chatwire.wire.tests;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

/**
 * The 12-byte DNS message header (RFC 1035, section 4.1.1), as an example of a protocol that is not
 * chatwire's own.
 *
 * @param id query identifier, copied into the reply
 * @param flags QR, opcode, AA, TC, RD, RA, Z and RCODE bits
 * @param questions QDCOUNT
 * @param answers ANCOUNT
 * @param authorities NSCOUNT
 * @param additionals ARCOUNT
 */
@Message(maxLength = 12)
public record DnsHeader(
    @Field(bytes = 2) int id,
    @Field(bytes = 2) int flags,
    @Field(bytes = 2) int questions,
    @Field(bytes = 2) int answers,
    @Field(bytes = 2) int authorities,
    @Field(bytes = 2) int additionals) {}
