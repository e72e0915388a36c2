package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static io.chatwire.wire.tests.v2.Frames.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** DNS messages (RFC 1035): header flag bits, a question list counted by QDCOUNT, raw records. */
class DnsMessageTest {
  /**
   * A standard query for the A record of example.com, laid out per RFC 1035 sections 4.1.1 and
   * 4.1.2: ID abcd, flags 0100 (RD only), QDCOUNT 1, QNAME 07"example"03"com"00, QTYPE 1 (A),
   * QCLASS 1 (IN). It is the query {@code dig +noedns example.com A} sends, with that ID.
   */
  static final byte[] QUERY =
      hex("abcd 0100 0001 0000 0000 0000 076578616d706c6503636f6d00 0001 0001");

  /**
   * The answer to {@link #QUERY}: flags 8180 (QR, RD, RA), one answer whose name is the compression
   * pointer c00c (RFC 1035 section 4.1.4), type A, class IN, TTL 3600, RDLENGTH 4, 93.184.216.34.
   */
  static final byte[] RESPONSE =
      hex(
          "abcd 8180 0001 0001 0000 0000 076578616d706c6503636f6d00 0001 0001"
              + " c00c 0001 0001 00000e10 0004 5db8d822");

  private static final byte[] EXAMPLE_COM = hex("076578616d706c6503636f6d");

  private static DnsMessage query() {
    return new DnsMessage(
        0xabcd,
        false,
        0,
        false,
        false,
        true,
        false,
        0,
        0,
        1,
        0,
        0,
        0,
        List.of(new DnsQuestion(ByteBuffer.wrap(EXAMPLE_COM), 1, 1)),
        ByteBuffer.allocate(0));
  }

  @Test
  void decodesTheRfcQuery() {
    DnsMessage m = DnsMessageDecoder.decode(ByteBuffer.wrap(QUERY), 0, QUERY.length);

    assertThat(m).isEqualTo(query());
    assertThat(m.id()).isEqualTo(0xabcd);
    assertThat(m.qr()).isFalse();
    assertThat(m.rd()).isTrue();
    assertThat(m.ra()).isFalse();
    assertThat(m.questions()).singleElement().satisfies(q -> assertThat(q.qtype()).isEqualTo(1));
  }

  @Test
  void decodesTheResponseWithItsAnswerLeftAsBytes() {
    DnsMessageDecoder d =
        new DnsMessageDecoder().wrap(ByteBuffer.wrap(RESPONSE), 0, RESPONSE.length);

    assertThat(d.qr()).isTrue();
    assertThat(d.opcode()).isZero();
    assertThat(d.aa()).isFalse();
    assertThat(d.tc()).isFalse();
    assertThat(d.rd()).isTrue();
    assertThat(d.ra()).isTrue();
    assertThat(d.z()).isZero();
    assertThat(d.rcode()).isZero();
    assertThat(d.ancount()).isEqualTo(1);
    assertThat(d.questionsCount()).isEqualTo(1);
    assertThat(d.questionsOffset()).isEqualTo(12);
    assertThat(d.questionsLength()).isEqualTo(17);
    DnsQuestionDecoder q = d.questions().next();
    assertThat(q.qnameLength()).isEqualTo(12);
    assertThat(q.qname()).isEqualTo(ByteBuffer.wrap(EXAMPLE_COM));
    assertThat(q.qclass()).isEqualTo(1);
    assertThat(d.recordsOffset()).isEqualTo(29);
    assertThat(hex(d.records(), 0, d.recordsLength()))
        .isEqualTo("c00c0001000100000e1000045db8d822");
  }

  @Test
  void decodesRcodeAndOpcodeBitsInRfcOrder() {
    // flags 2803: QR 0, OPCODE 5 (UPDATE, RFC 2136), AA 0, TC 0, RD 0, RA 0, Z 0, RCODE 3
    // (NXDOMAIN)
    byte[] frame = hex("0001 2803 0000 0000 0000 0000");
    DnsMessage m = DnsMessageDecoder.decode(ByteBuffer.wrap(frame), 0, frame.length);

    assertThat(m.opcode()).isEqualTo(5);
    assertThat(m.rcode()).isEqualTo(3);
    assertThat(m.questions()).isEmpty();
  }

  @Test
  void encodesTheRecordToTheRfcBytes() {
    ByteBuffer dst = ByteBuffer.allocate(64);

    int n = DnsMessageEncoder.encode(query(), dst, 0);

    assertThat(n).isEqualTo(QUERY.length).isEqualTo(DnsMessageEncoder.encodedLength(query()));
    assertThat(hex(dst, 0, n)).isEqualTo(hex(QUERY));
  }

  @Test
  void flyweightHeaderSettersInAnyOrderGiveTheSameBytesAsEncode() {
    List<Consumer<DnsMessageEncoder>> setters =
        new ArrayList<>(
            List.of(
                e -> e.id(0xabcd),
                e -> e.qr(true),
                e -> e.opcode(2),
                e -> e.aa(true),
                e -> e.tc(false),
                e -> e.rd(true),
                e -> e.ra(true),
                e -> e.z(5),
                e -> e.rcode(9),
                e -> e.ancount(3),
                e -> e.nscount(4),
                e -> e.arcount(65535)));
    DnsMessage expected =
        new DnsMessage(
            0xabcd,
            true,
            2,
            true,
            false,
            true,
            true,
            5,
            9,
            0,
            3,
            4,
            65535,
            List.of(),
            ByteBuffer.allocate(0));
    ByteBuffer want = ByteBuffer.allocate(12);
    DnsMessageEncoder.encode(expected, want, 0);
    Random random = new Random(1035);
    for (int round = 0; round < 20; round++) {
      Collections.shuffle(setters, random);
      ByteBuffer dst = ByteBuffer.allocate(20);
      for (int i = 0; i < dst.capacity(); i++) {
        dst.put(i, (byte) 0xFF); // stale bytes: wrap must clear the bit groups
      }
      DnsMessageEncoder e = new DnsMessageEncoder().wrap(dst, 4);
      setters.forEach(s -> s.accept(e));
      int n = e.questions(List.of()).records(new byte[0]).length();

      assertThat(hex(dst, 4, n)).as("order %s", round).isEqualTo(hex(want, 0, 12));
    }
  }

  @Test
  void roundTripsAtAnOffsetInHeapAndDirectBuffers() {
    DnsMessage response = DnsMessageDecoder.decode(ByteBuffer.wrap(RESPONSE), 0, RESPONSE.length);
    for (boolean direct : new boolean[] {false, true}) {
      ByteBuffer dst = direct ? ByteBuffer.allocateDirect(200) : ByteBuffer.allocate(200);

      int n = DnsMessageEncoder.encode(response, dst, 77);

      assertThat(dst.position()).isZero();
      assertThat(hex(dst, 77, n)).isEqualTo(hex(RESPONSE));
      assertThat(DnsMessageDecoder.decode(dst, 77, n)).isEqualTo(response);
      assertThat(DnsMessageDecoder.frameLength(dst, 77, n)).isEqualTo(n);
    }
  }

  @Test
  void everyTruncationIsMalformed() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.dnsMessage(), QUERY, n -> false, DnsMessageTest::fieldCutInTheQuery);
  }

  private static String fieldCutInTheQuery(int n) {
    if (n < 2) {
      return "id";
    } else if (n < 4) {
      return "qr";
    } else if (n < 6) {
      return "qdcount";
    } else if (n < 8) {
      return "ancount";
    } else if (n < 10) {
      return "nscount";
    } else if (n < 12) {
      return "arcount";
    } else if (n < 17) {
      return "questions"; // not even room for one shortest question
    } else if (n < 25) {
      return "questions[0].qname";
    } else if (n < 27) {
      return "questions[0].qtype";
    }
    return "questions[0].qclass";
  }

  @Test
  void truncatedRecordsStillDecodeBecauseTheyAreTheRemainder() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.dnsMessage(), RESPONSE, n -> n >= QUERY.length, DnsMessageTest::fieldCutInTheQuery);
  }

  @Test
  void aMalformedQuestionIsReportedWithItsPathAndItsOffsetInTheFrame() {
    // two questions: example.com, then a name with no terminating zero label
    byte[] frame =
        hex(
            "0001 0100 0002 0000 0000 0000 076578616d706c6503636f6d00 0001 0001 03616263 0101 0101");

    assertThatThrownBy(() -> DnsMessageDecoder.decode(ByteBuffer.wrap(frame), 0, frame.length))
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo("questions[1].qname");
              assertThat(e.offset()).isEqualTo(29);
            });
    DnsMessageDecoder d = new DnsMessageDecoder();
    ByteBuffer src = placed(frame, 9, true);
    assertThat(d.tryWrap(src, 9, frame.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("questions[1].qname");
    assertThat(d.failure().offset()).isEqualTo(29);
    assertThat(d.tryWrapPrefix(src, 9, frame.length)).isEqualTo(-1);
    // a stream reader waits for the terminator
    assertThat(DnsMessageDecoder.frameLength(src, 9, frame.length)).isEqualTo(-1);
  }

  @Test
  void aCountNoFrameCanHoldIsMalformedAtOnce() {
    byte[] frame = new byte[40];
    frame[4] = (byte) 0xFF;
    frame[5] = (byte) 0xFF; // QDCOUNT 65535 in 28 bytes of questions

    DnsMessageDecoder d = new DnsMessageDecoder();
    assertThat(d.tryWrap(ByteBuffer.wrap(frame), 0, frame.length)).isFalse();
    assertThat(d.failure().field()).isEqualTo("questions");
    assertThat(d.failure().offset()).isEqualTo(12);
    assertThat(d.failure()).hasMessageContaining("declared count 65535");
  }

  @Test
  void wrapFixedPartAllowsOnlyTheFixedPartsAccessors() {
    DnsMessageDecoder d =
        new DnsMessageDecoder().wrap(ByteBuffer.wrap(RESPONSE), 0, RESPONSE.length);
    assertThat(d.questionsCount()).isEqualTo(1);
    // only the header of the next message has arrived
    byte[] header = hex("1234 8583 0002 0000 0000 0000");

    d.wrapFixedPart(ByteBuffer.wrap(header), 0, header.length);

    assertThat(d.id()).isEqualTo(0x1234);
    assertThat(d.qr()).isTrue();
    assertThat(d.aa()).isTrue();
    assertThat(d.rcode()).isEqualTo(3);
    assertThat(d.qdcount()).isEqualTo(2);
    assertThat(d.wrappedLength()).isEqualTo(DnsMessageDecoder.FIXED_LENGTH);
    List<Runnable> outside =
        List.of(
            d::questions,
            d::questionsCount,
            d::questionsLength,
            d::questionsOffset,
            d::records,
            d::recordsOffset,
            d::recordsLength,
            d::toRecord);
    for (Runnable accessor : outside) {
      assertThatThrownBy(accessor::run).isInstanceOf(IllegalStateException.class);
    }
    assertThatThrownBy(() -> d.wrapFixedPart(ByteBuffer.wrap(header), 0, 11))
        .isInstanceOf(MalformedFrameException.class);

    d.wrap(ByteBuffer.wrap(QUERY), 0, QUERY.length);
    assertThat(d.questionsCount()).isEqualTo(1);
    assertThat(d.toRecord()).isEqualTo(query());
  }

  @Test
  void aQuestionNameContainingZeroCannotBeEncoded() {
    DnsQuestion bad = new DnsQuestion(ByteBuffer.wrap(hex("0161 00 0162")), 1, 1);
    DnsMessage m =
        new DnsMessage(
            1,
            false,
            0,
            false,
            false,
            true,
            false,
            0,
            0,
            1,
            0,
            0,
            0,
            List.of(bad),
            ByteBuffer.allocate(0));

    assertThatThrownBy(() -> DnsMessageEncoder.encode(m, ByteBuffer.allocate(64), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qname");
  }

  @Test
  void walkingTheQuestionsAllocatesNothing() {
    // three questions of different widths: example.com A, a.b AAAA, the root (empty name) NS
    byte[] frame =
        hex(
            "0001 0100 0003 0000 0000 0000"
                + " 076578616d706c6503636f6d00 0001 0001"
                + " 0161016200 001c 0001"
                + " 00 0002 0001");
    DnsMessageDecoder d = new DnsMessageDecoder();
    ByteBuffer src = ByteBuffer.allocateDirect(frame.length).put(0, frame);

    Allocations.Measured m =
        Allocations.measure(
            () -> {
              d.wrap(src, 0, frame.length);
              long sum = 0;
              for (DnsQuestionDecoder q : d.questions()) {
                sum += q.qtype() + q.qnameLength() + q.qclass();
                sum += q.qnameOffset() - q.wrappedOffset();
              }
              return sum;
            });

    assertThat(m.sum()).isEqualTo((long) m.rounds() * ((1 + 12 + 1) + (28 + 4 + 1) + (2 + 0 + 1)));
    assertThat(m.allocated()).as("bytes allocated by wraps and walks").isLessThan(1024);
  }

  @Test
  void rejectingAnUnterminatedQuestionAllocatesNothing() {
    byte[] frame =
        hex(
            "0001 0100 0002 0000 0000 0000 076578616d706c6503636f6d00 0001 0001 03616263 0101 0101");
    DnsMessageDecoder d = new DnsMessageDecoder();
    ByteBuffer src = ByteBuffer.allocateDirect(frame.length).put(0, frame);

    Allocations.Measured m =
        Allocations.measure(
            () ->
                (d.tryWrap(src, 0, frame.length) ? 0 : 1)
                    + (d.tryWrapPrefix(src, 0, frame.length) < 0 ? 1 : 0)
                    + (DnsMessageDecoder.frameLength(src, 0, frame.length) < 0 ? 1 : 0));

    assertThat(m.sum()).isEqualTo(3L * m.rounds());
    assertThat(m.allocated()).as("bytes allocated by rejecting garbage").isLessThan(1024);
  }
}
