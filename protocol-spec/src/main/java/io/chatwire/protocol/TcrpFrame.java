package io.chatwire.protocol;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;
import java.nio.ByteBuffer;

/**
 * A TCRP control frame (TCP): a 32-byte header, then the room name, then the operation payload.
 *
 * <pre>
 *  0        1        2        3                                   32
 * +--------+--------+--------+-----------------------------------+
 * |roomName|operat- | state  |  operationPayloadSize (29 bytes,  |
 * |  Size  |  ion   |        |  big-endian, high bytes zero)     |
 * +--------+--------+--------+-----------------------------------+
 * | roomName (roomNameSize bytes, UTF-8) ...                     |
 * +--------------------------------------------------------------+
 * | operationPayload (operationPayloadSize bytes) ...            |
 * +--------------------------------------------------------------+
 * </pre>
 *
 * @param roomNameSize byte length of {@code roomName}
 * @param operation what the client asks for
 * @param state request, response or completion
 * @param operationPayloadSize byte length of {@code operationPayload}
 * @param roomName the room, UTF-8
 * @param operationPayload JSON (or a plain username) for this operation
 */
@Message(maxLength = 32 + 255 + (1 << 29))
public record TcrpFrame(
    @Field(bytes = 1) int roomNameSize,
    @Field(bytes = 1) Operation operation,
    @Field(bytes = 1) State state,
    @Field(bytes = 29) long operationPayloadSize,
    @Field(sizeFrom = "roomNameSize") String roomName,
    @Field(sizeFrom = "operationPayloadSize") ByteBuffer operationPayload) {}
