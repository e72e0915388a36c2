package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layout docs and dissectors come out right for protocols that are not chatwire's: a DNS header
 * (big-endian, UDP) and a record using every field kind (little-endian, TCP).
 */
class OtherProtocolsDocsTest {
  private static final String PAGE = "META-INF/chatwire/io.chatwire.wire.tests.md";
  private static final String V2_PAGE = "META-INF/chatwire/io.chatwire.wire.tests.v2.md";
  private static final String LUA = "META-INF/chatwire/io.chatwire.wire.tests.lua";

  @TempDir Path dir;

  private static String resource(String name) throws IOException {
    try (InputStream in = OtherProtocolsDocsTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void pageDescribesTheDnsHeader() throws IOException {
    String page = resource(PAGE);

    assertThat(page)
        .contains("## DnsHeader")
        .contains("The 12-byte DNS message header (RFC 1035, section 4.1.1)")
        .contains("Big-endian. 12 bytes. Fixed part: 12 bytes.")
        .contains("| 2 | 2 | `flags` | unsigned 16-bit integer |  |")
        .contains("|              id               |             flags             |")
        .contains("|           questions           |            answers            |");
  }

  @Test
  void pageDescribesEveryFieldKind() throws IOException {
    String page = resource(PAGE);

    assertThat(page)
        .contains("## AllFeatures")
        .contains("Little-endian. 63 bytes to 1024 bytes. Fixed part: 57 bytes.")
        .contains("| 30 | 12 | `wide` |")
        .contains("the high 4 bytes are zero")
        .contains("one of 7 RED, 300 BLUE")
        .contains("| after `name` | 2 | `afterName` |")
        .contains("| after `header.labelSize` | `header.labelSize` | `header.label` |")
        .contains("at most 200 bytes")
        .contains("~                     body (bodySize bytes)                     ~")
        .contains("~             header.label (header.labelSize bytes)             ~");
  }

  @Test
  void pageDrawsBitFieldsAtTheirBitPositions() throws IOException {
    String page = resource(V2_PAGE);

    assertThat(page)
        .contains("| 0 | 2 bits, mask `0xc000` | `version` | unsigned 2-bit field |  |")
        .contains("| 0 | 4 bits, mask `0x0f00` | `csrcCount` | unsigned 4-bit field |")
        .contains("element count of `csrcs`")
        .contains("| 2 | 1 bit, mask `0x0100` | `rd` | flag (1 bit) |  |")
        .contains("| 1 | 1 to 5 | `remainingLength` | unsigned LEB128 varint, 1 to 5 bytes")
        .contains("| 0 | up to and including a 0x00 | `qname` | bytes, NUL-terminated |")
        .contains("| 0 | 4 | `x` | IEEE 754 single precision |")
        .contains("| 8 | 8 | `z` | IEEE 754 double precision |")
        .contains("| after `id` | 3 bits, mask `0x0e` | `team` |")
        // RFC 3550's first word, and RFC 791's.
        .contains("| 1 |2|3|   4   |5| payloadType |        sequenceNumber         |")
        .contains("1 = version, 2 = padding, 3 = extension, 4 = csrcCount, 5 = marker")
        .contains("|version|  ihl  |   dscp    |ecn|          totalLength          |")
        .contains("|              id               |1|opcode |2|3|4|5|  z  | rcode |")
        // A little-endian group: the first component takes the least significant bit.
        .contains(
            "~                  id (varint, 1 to 10 bytes)                   ~\n"
                + "+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n"
                + "|   1   |team |2|\n")
        .contains("~            remainingLength (varint, 1 to 5 bytes)             ~")
        .contains("~                   qname (up to a 0x00 byte)                   ~")
        .doesNotContain("2^63 - 1");
  }

  @Test
  void pageShowsListsWithTheirRuleAndElementRecord() throws IOException {
    String page = resource(V2_PAGE);

    assertThat(page)
        .contains(
            "| 12 | `qdcount` × DnsQuestion | `questions` | list of [DnsQuestion](#dnsquestion),"
                + " count from qdcount | every element valid |")
        .contains("~               questions (qdcount × DnsQuestion)               ~")
        .contains(
            "- `questions`: `qdcount` elements back to back, each laid out as"
                + " [DnsQuestion](#dnsquestion) (at least 5 bytes)")
        .contains("~       players (playersLength bytes of Player elements)        ~")
        .contains(
            "- `players`: elements back to back filling exactly `playersLength` bytes, each laid"
                + " out as [Player](#player)")
        .contains("- `items`: elements back to back up to the end of the frame")
        .contains("## DnsQuestion")
        .contains("## Player")
        .contains("Big-endian. 4 bytes. Fixed part: 4 bytes.");
  }

  @Test
  void dissectorDecodesDnsHeadersOnItsPort() throws Exception {
    assumeTrue(Tshark.available(), "tshark is not installed");
    Path lua = Tshark.resource(LUA, dir);
    ByteBuffer header = ByteBuffer.allocate(12);
    DnsHeaderEncoder.encode(new DnsHeader(0x1234, 0x0100, 1, 0, 0, 0), header, 0);
    Path capture = dir.resolve("dns.pcap");
    new Pcap()
        .udp(40000, 5300, header)
        .udp(40000, 5300, ByteBuffer.wrap(new byte[11]))
        .write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_dnsheader.id",
            "chatwire_dnsheader.flags",
            "chatwire_dnsheader.questions",
            "_ws.expert.message");

    assertThat(lines.get(0)).isEqualTo("4660|256|1|");
    assertThat(lines.get(1)).contains("additionals: needs 2 bytes but only 1 remain");
  }

  @Test
  void dissectorDecodesEveryFieldKindOverTcp() throws Exception {
    assumeTrue(Tshark.available(), "tshark is not installed");
    Path lua = Tshark.resource(LUA, dir);
    ByteBuffer frame = AllFeaturesTest.encode(AllFeaturesTest.sample());
    Path capture = dir.resolve("all.pcap");
    new Pcap()
        .tcp(40001, 5301, frame.slice(0, 40))
        .tcp(40001, 5301, frame.slice(40, frame.limit() - 40))
        .write(capture);

    List<String> lines =
        Tshark.fields(
            lua,
            capture,
            "chatwire_allfeatures.flag",
            "chatwire_allfeatures.small",
            "chatwire_allfeatures.medium",
            "chatwire_allfeatures.six",
            "chatwire_allfeatures.full",
            "chatwire_allfeatures.wide",
            "chatwire_allfeatures.color",
            "chatwire_allfeatures.code",
            "chatwire_allfeatures.name",
            "chatwire_allfeatures.afterName",
            "chatwire_allfeatures.header.label",
            "chatwire_allfeatures.body",
            "chatwire_allfeatures.tail",
            "_ws.expert.message");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .isEqualTo(
            String.join(
                "|",
                "1",
                "-2",
                "66051",
                "-5",
                Long.toString(Long.MAX_VALUE),
                Long.toString(0x0102_0304_0506_0708L),
                "300",
                "ab",
                "héllo",
                "48879",
                "labl",
                HexFormat.of().formatHex(new byte[] {1, 2, 3}),
                "tail ✓",
                ""));
  }
}
