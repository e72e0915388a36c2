package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

/**
 * The first 32-bit word of an IPv4 header (RFC 791, section 3.1): version, IHL, DSCP, ECN and total
 * length.
 *
 * @param version 4
 * @param ihl header length in 32-bit words
 * @param dscp differentiated services code point (RFC 2474)
 * @param ecn explicit congestion notification (RFC 3168)
 * @param totalLength the datagram's length in bytes
 */
@Message
public record Ipv4FirstWord(
    @Field(bits = 4) int version,
    @Field(bits = 4) int ihl,
    @Field(bits = 6) int dscp,
    @Field(bits = 2) int ecn,
    @Field(bytes = 2) int totalLength) {}
