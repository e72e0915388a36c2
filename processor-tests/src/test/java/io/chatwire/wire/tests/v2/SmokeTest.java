package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void dns() {
    byte[] q =
        HexFormat.of().parseHex("abcd01000001000000000000076578616d706c6503636f6d0000010001");
    ByteBuffer buf = ByteBuffer.wrap(q);
    DnsMessage m = DnsMessageDecoder.decode(buf, 0, q.length);
    System.out.println(m);
    assertThat(m.rd()).isTrue();
    assertThat(m.questions()).hasSize(1);
    ByteBuffer out = ByteBuffer.allocate(100);
    int n = DnsMessageEncoder.encode(m, out, 3);
    assertThat(HexFormat.of().formatHex(out.array(), 3, 3 + n))
        .isEqualTo(HexFormat.of().formatHex(q));
    assertThat(DnsMessageDecoder.frameLength(buf, 0, q.length)).isEqualTo(q.length);
    DnsMessageDecoder d = new DnsMessageDecoder().wrap(buf, 0, q.length);
    for (DnsQuestionDecoder qd : d.questions()) {
      assertThat(qd.qtype()).isEqualTo(1);
    }
    GameSnapshot g = new GameSnapshot(-5L, 0, List.of());
    int len = GameSnapshotEncoder.encodedLength(new GameSnapshot(-5L, 0, List.of()));
    System.out.println(len);
    GameSnapshot.Player p =
        new GameSnapshot.Player(
            300,
            true,
            5,
            0,
            3,
            "bob",
            2,
            List.of(
                new GameSnapshot.Position(1f, 2f, 3d, -7),
                new GameSnapshot.Position(Float.NaN, 2f, 3d, 7)));
    int plen = PlayerEncoder.encodedLength(p);
    g = new GameSnapshot(-5L, plen * 2, List.of(p, p));
    ByteBuffer gb = ByteBuffer.allocate(500);
    int gn = GameSnapshotEncoder.encode(g, gb, 1);
    System.out.println(HexFormat.of().formatHex(gb.array(), 1, 1 + gn));
    assertThat(GameSnapshotDecoder.decode(gb, 1, gn)).isEqualTo(g);
    assertThat(GameSnapshotDecoder.frameLength(gb, 1, gn)).isEqualTo(gn);
    MqttPacket mq = new MqttPacket(MqttPacket.Type.PUBLISH, 2, 200, ByteBuffer.wrap(new byte[200]));
    int mn = MqttPacketEncoder.encode(mq, gb, 0);
    assertThat(mn).isEqualTo(203);
    assertThat(MqttPacketDecoder.decode(gb, 0, mn).remainingLength()).isEqualTo(200);
    TftpReadRequest t = new TftpReadRequest(1, "rfc1350.txt", "octet");
    int tn = TftpReadRequestEncoder.encode(t, gb, 0);
    assertThat(TftpReadRequestDecoder.decode(gb, 0, tn)).isEqualTo(t);
    RtpHeader r =
        new RtpHeader(
            2,
            false,
            false,
            2,
            true,
            96,
            1,
            2,
            3,
            List.of(new RtpHeader.Csrc(7), new RtpHeader.Csrc(8)),
            ByteBuffer.wrap(new byte[] {1, 2}));
    int rn = RtpHeaderEncoder.encode(r, gb, 0);
    System.out.println(HexFormat.of().formatHex(gb.array(), 0, rn));
    RtpHeaderDecoder rd = new RtpHeaderDecoder().wrap(gb, 0, rn);
    assertThat(rd.csrcs(1).id()).isEqualTo(8);
    int fl =
        new RtpHeaderEncoder()
            .wrap(gb, 0)
            .version(2)
            .csrcCount(2)
            .payloadType(96)
            .marker(true)
            .sequenceNumber(1)
            .timestamp(2)
            .ssrc(3)
            .csrcs(List.of(new RtpHeader.Csrc(7), new RtpHeader.Csrc(8)))
            .payload(new byte[] {1, 2})
            .length();
    assertThat(fl).isEqualTo(rn);
    assertThat(RtpHeaderDecoder.decode(gb, 0, rn)).isEqualTo(r);
  }
}
