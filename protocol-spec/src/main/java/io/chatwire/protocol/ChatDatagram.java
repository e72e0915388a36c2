package io.chatwire.protocol;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * A chat message from a client to the server (UDP). An empty {@code message} is a heartbeat.
 *
 * <pre>
 * +------------+-----------+----------------+-------------+----------------------+
 * |roomNameSize| tokenSize | roomName       | token       | message              |
 * |  1 byte    |  1 byte   | (roomNameSize) | (tokenSize) | (rest of datagram)   |
 * +------------+-----------+----------------+-------------+----------------------+
 * </pre>
 *
 * @param roomNameSize byte length of {@code roomName}
 * @param tokenSize byte length of {@code token}
 * @param roomName the room, UTF-8
 * @param token the member token the server handed out over TCRP
 * @param message the message text as UTF-8 bytes, relayed untouched
 */
@Message(maxLength = 4096)
public record ChatDatagram(
    @Field(bytes = 1) int roomNameSize,
    @Field(bytes = 1) int tokenSize,
    @Field(sizeFrom = "roomNameSize") String roomName,
    @Field(sizeFrom = "tokenSize") String token,
    @Field(remainder = true) ByteBuffer message) {}
