package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chatwire.wire.tests.v2.DnsMessage;
import io.chatwire.wire.tests.v2.DnsMessageEncoder;
import io.chatwire.wire.tests.v2.DnsQuestion;
import io.chatwire.wire.tests.v2.GameSnapshot;
import io.chatwire.wire.tests.v2.GameSnapshotEncoder;
import io.chatwire.wire.tests.v2.MqttPacket;
import io.chatwire.wire.tests.v2.MqttPacketEncoder;
import io.chatwire.wire.tests.v2.PlayerEncoder;
import io.chatwire.wire.tests.v2.RtpHeader;
import io.chatwire.wire.tests.v2.RtpHeaderEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dissector generated for the records of real protocols (package {@code v2}) shows what the
 * decoders read: bit fields as masked items, varints with their value, lists as one subtree per
 * element, and flags what the decoders reject. Ports: see {@code chatwire.dissector.ports} in the
 * pom. Runs when tshark is installed.
 */
class RealProtocolsDissectorTest {
  @TempDir static Path dir;
  static Path lua;

  @BeforeAll
  static void dissector() throws Exception {
    assumeTrue(Tshark.available(), "tshark is not installed");
    lua = Tshark.resource("META-INF/chatwire/io.chatwire.wire.tests.v2.lua", dir);
  }

  private static <T> ByteBuffer encode(T value, int length, ToIntBiFunction<T, ByteBuffer> enc) {
    ByteBuffer out = ByteBuffer.allocate(length);
    out.limit(enc.applyAsInt(value, out));
    return out;
  }

  private static ByteBuffer dns(DnsQuestion... questions) {
    DnsMessage m =
        new DnsMessage(
            0x1234,
            false,
            0,
            false,
            false,
            true,
            false,
            0,
            0,
            questions.length,
            0,
            0,
            0,
            List.of(questions),
            ByteBuffer.allocate(0));
    return encode(m, 512, (v, out) -> DnsMessageEncoder.encode(v, out, 0));
  }

  private static DnsQuestion question(String name, int qtype) {
    ByteBuffer labels = ByteBuffer.allocate(name.length() + 1);
    for (String label : name.split("\\.")) {
      labels.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
    }
    return new DnsQuestion(labels.flip(), qtype, 1);
  }

  @Test
  void dnsQuestionsAreSubtreesUnderTheFlagBits() throws Exception {
    ByteBuffer query = dns(question("example.com", 1), question("www.example.org", 28));
    ByteBuffer truncated = query.duplicate().limit(query.limit() - 3);
    Path capture = dir.resolve("dns.pcap");
    new Pcap().udp(40000, 5302, query).udp(40000, 5302, truncated).write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_dnsmessage.id",
            "chatwire_dnsmessage.qr",
            "chatwire_dnsmessage.opcode",
            "chatwire_dnsmessage.rd",
            "chatwire_dnsmessage.qdcount",
            "chatwire_dnsmessage.questions.qname",
            "chatwire_dnsmessage.questions.qtype",
            "_ws.expert.message");
    List<String> tree = Tshark.tree(lua, capture, "chatwire_dnsmessage");

    assertThat(lines)
        .containsExactly(
            "4660|0|0|1|2|076578616d706c6503636f6d,03777777076578616d706c65036f7267|1,28|",
            "4660|0|0|1|2|076578616d706c6503636f6d,03777777076578616d706c65036f7267|1|"
                + "questions[1].qtype: needs 2 bytes but only 1 remain");
    assertThat(tree)
        .containsSubsequence(
            "    .000 0... .... .... = opcode: 0",
            "    .... ...1 .... .... = rd: True",
            "    questions (2 elements)",
            "        DnsQuestion [0]",
            "            qname: 076578616d706c6503636f6d",
            "            qtype: 1",
            "        DnsQuestion [1]",
            "            qtype: 28",
            "    records: <MISSING>");
  }

  @Test
  void rtpBitFieldsAndCsrcList() throws Exception {
    RtpHeader packet =
        new RtpHeader(
            2,
            false,
            true,
            2,
            true,
            96,
            7,
            160,
            0xCAFEBABEL,
            List.of(new RtpHeader.Csrc(7), new RtpHeader.Csrc(8)),
            ByteBuffer.wrap(new byte[] {1, 2, 3}));
    ByteBuffer frame = encode(packet, 1500, (v, out) -> RtpHeaderEncoder.encode(v, out, 0));
    // CC says 15 CSRCs, but only 2 and the payload follow.
    ByteBuffer tooMany = ByteBuffer.allocate(frame.limit()).put(frame.duplicate()).flip();
    tooMany.put(0, (byte) 0x9F);
    Path capture = dir.resolve("rtp.pcap");
    new Pcap().udp(40000, 5303, frame).udp(40000, 5303, tooMany).write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_rtpheader.version",
            "chatwire_rtpheader.padding",
            "chatwire_rtpheader.extension",
            "chatwire_rtpheader.csrcCount",
            "chatwire_rtpheader.marker",
            "chatwire_rtpheader.payloadType",
            "chatwire_rtpheader.ssrc",
            "chatwire_rtpheader.csrcs.id",
            "chatwire_rtpheader.payload",
            "_ws.expert.message");
    List<String> tree = Tshark.tree(lua, capture, "chatwire_rtpheader");

    assertThat(lines)
        .containsExactly(
            "2|0|1|2|1|96|3405691582|7,8|010203|",
            "2|0|1|15|1|96|3405691582|||csrcs: declared count 15 needs more bytes than remain"
                + " (room for at most 2)");
    assertThat(tree)
        .containsSubsequence(
            "    10.. .... .... .... = version: 2",
            "    ..0. .... .... .... = padding: False",
            "    .... 0010 .... .... = csrcCount: 2",
            "    .... .... 1... .... = marker: True",
            "    .... .... .110 0000 = payloadType: 96",
            "    csrcs (2 elements)",
            "        Csrc [0]",
            "            id: 7",
            "        Csrc [1]",
            "            id: 8",
            "    payload: 010203");
  }

  @Test
  void mqttRemainingLengthIsAVarintAcrossTcpSegments() throws Exception {
    ByteBuffer body = ByteBuffer.allocate(200);
    MqttPacket publish = new MqttPacket(MqttPacket.Type.PUBLISH, 2, 200, body);
    ByteBuffer frame = encode(publish, 300, (v, out) -> MqttPacketEncoder.encode(v, out, 0));
    MqttPacket ping = new MqttPacket(MqttPacket.Type.PINGREQ, 0, 0, ByteBuffer.allocate(0));
    ByteBuffer pingFrame = encode(ping, 2, (v, out) -> MqttPacketEncoder.encode(v, out, 0));
    // 0x80 0x00: zero in two bytes, which the decoders reject as overlong.
    ByteBuffer overlong = ByteBuffer.wrap(new byte[] {(byte) 0xC0, (byte) 0x80, 0x00});
    ByteBuffer rest =
        ByteBuffer.allocate(frame.limit() - 2 + pingFrame.limit())
            .put(frame.slice(2, frame.limit() - 2))
            .put(pingFrame)
            .flip();
    Path capture = dir.resolve("mqtt.pcap");
    new Pcap()
        .tcp(40002, 5304, frame.slice(0, 2))
        .tcp(40002, 5304, rest)
        .tcp(40003, 5304, overlong)
        .write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "frame.number",
            "chatwire_mqttpacket.type",
            "chatwire_mqttpacket.flags",
            "chatwire_mqttpacket.remainingLength",
            "_ws.expert.message");
    List<String> tree = Tshark.tree(lua, capture, "chatwire_mqttpacket");

    assertThat(HexFormat.of().formatHex(frame.array(), 0, 3)).isEqualTo("32c801");
    assertThat(lines)
        .containsExactly(
            "1||||",
            "2|3,12|2,0|200,0|",
            "3||||remainingLength: varint has more bytes than its value needs");
    assertThat(tree)
        .containsSubsequence(
            "    0011 .... = type: PUBLISH (3)",
            "    .... 0010 = flags: 2",
            "    remainingLength: 200",
            "    1100 .... = type: PINGREQ (12)",
            "    remainingLength: 0");
  }

  @Test
  void nestedListsLittleEndianBitsFloatsAndLongVarints() throws Exception {
    GameSnapshot.Player player =
        new GameSnapshot.Player(
            300,
            true,
            5,
            0,
            3,
            "bob",
            2,
            List.of(
                new GameSnapshot.Position(1.5f, -2f, 3.25, -7),
                new GameSnapshot.Position(0f, 0f, 0, 7)));
    int length = PlayerEncoder.encodedLength(player);
    GameSnapshot snapshot = new GameSnapshot(-5L, 2 * length, List.of(player, player));
    ByteBuffer frame = encode(snapshot, 200, (v, out) -> GameSnapshotEncoder.encode(v, out, 0));
    // The byte length says one byte more than the two players: the third starts but ends early.
    ByteBuffer cut = ByteBuffer.allocate(frame.limit() + 1);
    cut.put(frame.duplicate()).put((byte) 0x80).flip();
    cut.put(8, (byte) (2 * length + 1));
    Path capture = dir.resolve("game.pcap");
    new Pcap().udp(40000, 5305, frame).udp(40000, 5305, cut).write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_gamesnapshot.tick",
            "chatwire_gamesnapshot.players.id",
            "chatwire_gamesnapshot.players.alive",
            "chatwire_gamesnapshot.players.team",
            "chatwire_gamesnapshot.players.name",
            "chatwire_gamesnapshot.players.trail.x",
            "chatwire_gamesnapshot.players.trail.heading",
            "_ws.expert.message");
    List<String> tree = Tshark.tree(lua, capture, "chatwire_gamesnapshot");

    assertThat(lines.get(0))
        .isEqualTo("18446744073709551611|300,300|1,1|5,5|bob,bob|1.5,0,1.5,0|-7,7,-7,7|");
    assertThat(lines.get(1)).endsWith("|players[2].id: needs 2 bytes but only 1 remain");
    assertThat(tree)
        .containsSubsequence(
            "    players (2 elements)",
            "        Player [0]",
            "            id: 300",
            "            .... ...1 = alive: True",
            "            .... 101. = team: 5",
            "            trail (2 elements)",
            "                Position [0]",
            "                    x: 1.5",
            "                    1111 1111 1111 1001 = heading: -7",
            "        Player [1]");
  }
}
