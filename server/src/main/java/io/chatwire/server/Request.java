package io.chatwire.server;

import io.chatwire.protocol.Operation;
import java.net.InetAddress;

/**
 * One decoded TCRP request.
 *
 * @param operation what the client asks for
 * @param roomName the room name as sent (valid UTF-8, possibly empty)
 * @param roomBytes its bytes
 * @param payload what the payload says
 * @param peer the IP address the request came from
 */
record Request(
    Operation operation, String roomName, byte[] roomBytes, Payload payload, InetAddress peer) {}
