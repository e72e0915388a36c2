package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * One entry of a DNS question section (RFC 1035, section 4.1.2). The name is a run of
 * length-prefixed labels ended by the zero-length root label, so, uncompressed, it is a
 * NUL-terminated byte string.
 *
 * @param qname the labels, e.g. {@code 07 example 03 com}, without the final zero
 * @param qtype the record type (1 A, 28 AAAA, ...)
 * @param qclass the class (1 IN)
 */
@Message
public record DnsQuestion(
    @Field(nulTerminated = true) ByteBuffer qname,
    @Field(bytes = 2) int qtype,
    @Field(bytes = 2) int qclass) {}
