package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatwire.protocol.ChatDatagram;
import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.protocol.State;
import io.chatwire.protocol.TcrpFrame;
import io.chatwire.protocol.TcrpFrameEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Wireshark dissector generated for the chat protocol decodes real chatwire traffic: a TCRP
 * exchange split across TCP segments and chat datagrams both ways, with expert info on a malformed
 * datagram. Runs when tshark is installed (.ci/run installs it).
 */
class ChatDissectorTest {
  @TempDir static Path dir;
  static Path lua;

  @BeforeAll
  static void dissector() throws Exception {
    assumeTrue(Tshark.available(), "tshark is not installed");
    lua = Tshark.resource("META-INF/chatwire/io.chatwire.protocol.lua", dir);
  }

  private static ByteBuffer tcrp(Operation op, State state, String room, String payload) {
    ByteBuffer body = ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8));
    TcrpFrame frame =
        new TcrpFrame(
            room.getBytes(StandardCharsets.UTF_8).length, op, state, body.remaining(), room, body);
    ByteBuffer out = ByteBuffer.allocate(TcrpFrameEncoder.encodedLength(frame));
    TcrpFrameEncoder.encode(frame, out, 0);
    return out;
  }

  @Test
  void decodesATcrpExchangeAcrossTcpSegments() throws Exception {
    ByteBuffer join = tcrp(Operation.JOIN, State.REQUEST, "lobby", "{\"username\":\"bob\"}");
    ByteBuffer status =
        tcrp(Operation.JOIN, State.RESPONSE, "lobby", "{\"status\":200,\"message\":\"ok\"}");
    ByteBuffer token =
        tcrp(Operation.JOIN, State.COMPLETE, "lobby", "{\"token\":\"ab\",\"udpPort\":9002}");
    ByteBuffer both = ByteBuffer.allocate(status.limit() + token.limit()).put(status).put(token);
    Path capture = dir.resolve("tcrp.pcap");
    new Pcap()
        .tcp(50000, 9001, join.slice(0, 20))
        .tcp(50000, 9001, join.slice(20, join.limit() - 20))
        .tcp(9001, 50000, both.flip())
        .write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "frame.number",
            "chatwire_tcrpframe.operation",
            "chatwire_tcrpframe.state",
            "chatwire_tcrpframe.roomName",
            "chatwire_tcrpframe.operationPayloadSize");

    assertThat(lines).containsExactly("1||||", "2|2|0|lobby|18", "3|2,2|1,2|lobby,lobby|29,29");
  }

  @Test
  void decodesChatDatagramsBothWaysAndFlagsMalformedOnes() throws Exception {
    ChatDatagram chat =
        new ChatDatagram(
            5, 4, "lobby", "abcd", ByteBuffer.wrap("hi 👋".getBytes(StandardCharsets.UTF_8)));
    ByteBuffer datagram = ByteBuffer.allocate(64);
    datagram.limit(ChatDatagramEncoder.encode(chat, datagram, 0));
    ByteBuffer relay = ByteBuffer.allocate(64);
    relay.limit(
        new RelayDatagramEncoder()
            .wrap(relay, 0)
            .kind(Kind.MESSAGE)
            .sender("alice")
            .text("hi".getBytes(StandardCharsets.UTF_8))
            .length());
    ByteBuffer bad = ByteBuffer.wrap(new byte[] {(byte) 200, 0, 'x'});
    Path capture = dir.resolve("udp.pcap");
    new Pcap()
        .udp(50001, 9002, datagram)
        .udp(9002, 50001, relay)
        .udp(50002, 9002, bad)
        .write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_chatdatagram.roomName",
            "chatwire_chatdatagram.token",
            "chatwire_chatdatagram.message",
            "chatwire_relaydatagram.kind",
            "chatwire_relaydatagram.sender",
            "_ws.expert.message");

    assertThat(lines.get(0)).isEqualTo("lobby|abcd|" + hex("hi 👋") + "|||");
    assertThat(lines.get(1)).isEqualTo("|||1|alice|");
    assertThat(lines.get(2)).startsWith("|||||").contains("roomName: declared length 200");
  }

  private static String hex(String text) {
    return java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }
}
