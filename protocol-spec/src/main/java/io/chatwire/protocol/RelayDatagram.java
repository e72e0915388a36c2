package io.chatwire.protocol;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * A datagram from the server to a room member (UDP).
 *
 * <pre>
 * +--------+------------+--------------+------------------------+
 * |  kind  | senderSize | sender       | text                   |
 * | 1 byte |  1 byte    | (senderSize) | (rest of datagram)     |
 * +--------+------------+--------------+------------------------+
 * </pre>
 *
 * @param kind what this datagram tells the member
 * @param senderSize byte length of {@code sender}
 * @param sender the username of a {@code MESSAGE}'s author, empty otherwise
 * @param text the message bytes, or the notice text
 */
@Message(maxLength = 4096)
public record RelayDatagram(
    @Field(bytes = 1) Kind kind,
    @Field(bytes = 1) int senderSize,
    @Field(sizeFrom = "senderSize") String sender,
    @Field(remainder = true) ByteBuffer text) {}
