package io.chatwire.client;

import java.net.InetAddress;

/**
 * What a successful CREATE or JOIN hands the client: the member token and where to send UDP.
 *
 * @param token the member token, sent in every {@code ChatDatagram}
 * @param udpPort the server's UDP port
 * @param serverAddress the server address the TCP request went to
 * @param localAddress the local address the TCP request came from (the token is bound to it)
 */
record Admission(String token, int udpPort, InetAddress serverAddress, InetAddress localAddress) {}
