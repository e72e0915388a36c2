package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An RTP packet (RFC 3550, section 5.1): 2-, 1-, 1-, 4-, 1- and 7-bit fields, then a list of
 * contributing sources counted by the 4-bit CC field, then the payload.
 *
 * @param version always 2
 * @param padding whether padding octets end the payload
 * @param extension whether a header extension follows the CSRCs
 * @param csrcCount CC, the number of CSRC identifiers
 * @param marker M, profile-defined
 * @param payloadType PT
 * @param sequenceNumber increments by one per packet
 * @param timestamp sampling instant
 * @param ssrc synchronization source
 * @param csrcs contributing sources
 * @param payload the rest of the packet
 */
@Message(maxLength = 1500)
public record RtpHeader(
    @Field(bits = 2) int version,
    @Field(bits = 1) boolean padding,
    @Field(bits = 1) boolean extension,
    @Field(bits = 4) int csrcCount,
    @Field(bits = 1) boolean marker,
    @Field(bits = 7) int payloadType,
    @Field(bytes = 2) int sequenceNumber,
    @Field(bytes = 4) long timestamp,
    @Field(bytes = 4) long ssrc,
    @Field(countFrom = "csrcCount") List<Csrc> csrcs,
    @Field(remainder = true) ByteBuffer payload) {

  /**
   * One contributing source identifier.
   *
   * @param id the CSRC
   */
  @Message
  public record Csrc(@Field(bytes = 4) long id) {}
}
