package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A DNS message (RFC 1035, section 4.1): the header with its flag bits, the question section as a
 * list counted by QDCOUNT, and the other sections left as bytes (their names may be compressed,
 * which a fixed layout cannot follow).
 *
 * @param id query identifier, copied into the reply
 * @param qr 0 for a query, 1 for a response
 * @param opcode kind of query (0 standard)
 * @param aa authoritative answer
 * @param tc truncated
 * @param rd recursion desired
 * @param ra recursion available
 * @param z reserved, zero
 * @param rcode response code
 * @param qdcount number of questions
 * @param ancount number of answer records
 * @param nscount number of authority records
 * @param arcount number of additional records
 * @param questions the question section
 * @param records answers, authorities and additionals, undecoded
 */
@Message(maxLength = 65535)
public record DnsMessage(
    @Field(bytes = 2) int id,
    @Field(bits = 1) boolean qr,
    @Field(bits = 4) int opcode,
    @Field(bits = 1) boolean aa,
    @Field(bits = 1) boolean tc,
    @Field(bits = 1) boolean rd,
    @Field(bits = 1) boolean ra,
    @Field(bits = 3) int z,
    @Field(bits = 4) int rcode,
    @Field(bytes = 2) int qdcount,
    @Field(bytes = 2) int ancount,
    @Field(bytes = 2) int nscount,
    @Field(bytes = 2) int arcount,
    @Field(countFrom = "qdcount") List<DnsQuestion> questions,
    @Field(remainder = true) ByteBuffer records) {}
