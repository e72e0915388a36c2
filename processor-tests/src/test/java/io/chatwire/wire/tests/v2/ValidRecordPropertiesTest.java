package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.wire.tests.v2.MqttPacket.Type;
import io.chatwire.wire.tests.v2.RtpHeader.Csrc;
import io.chatwire.wire.tests.v2.TlvFrame.Tlv;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.ToIntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random valid records of the real protocols: {@code encode} writes {@code encodedLength} bytes at
 * any offset of a heap or direct buffer and nothing outside them, every decoder entry point takes
 * them back to an equal record, and the flyweight encoder writes the same bytes.
 */
class ValidRecordPropertiesTest {
  /** Bytes around a frame: an encoder that writes there is wrong. */
  private static final byte AROUND = (byte) 0xA5;

  /**
   * A generated {@code encode}.
   *
   * @param <T> the record
   */
  @FunctionalInterface
  interface Encode<T> {
    int encode(T value, ByteBuffer dst, int offset);
  }

  private static ByteBuffer buffer(int capacity, boolean direct, byte fill) {
    ByteBuffer buffer =
        direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    for (int i = 0; i < capacity; i++) {
      buffer.put(i, fill);
    }
    return buffer;
  }

  /** Encodes {@code value}, checks every way back, and answers the frame's bytes. */
  private static <T> byte[] roundTrip(
      T value,
      ToIntFunction<T> encodedLength,
      Encode<T> encode,
      Codec codec,
      int offset,
      boolean direct) {
    int length = encodedLength.applyAsInt(value);
    ByteBuffer dst = buffer(offset + length + 8, direct, AROUND);

    int n = encode.encode(value, dst, offset);

    assertThat(n).isEqualTo(length);
    assertThat(dst.position()).isZero();
    for (int i = 0; i < dst.capacity(); i++) {
      if (i < offset || i >= offset + n) {
        assertThat(dst.get(i)).as("byte %s outside the frame", i).isEqualTo(AROUND);
      }
    }
    assertThat(codec.decode().apply(dst, offset, n)).isEqualTo(value);
    assertThat(codec.tryWrap().apply(dst, offset, n)).isNull();
    assertThat(codec.tryWrapPrefix().apply(dst, offset, n)).isEqualTo(n);
    assertThat(codec.frameLength().apply(dst, offset, n)).isEqualTo(n);
    byte[] frame = new byte[n];
    dst.get(offset, frame);
    return frame;
  }

  /** A buffer of stale bytes for a flyweight encoder: it must overwrite every one it uses. */
  private static ByteBuffer stale(int length, int offset, boolean direct) {
    return buffer(offset + length + 8, direct, (byte) 0xFF);
  }

  private static String hex(ByteBuffer buffer, int offset, int length) {
    return Frames.hex(buffer, offset, length);
  }

  private static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 0xFF);
  }

  private static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  private static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  private static Arbitrary<byte[]> bytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
  }

  // ---- DNS ----

  /** A name of 0 to 4 labels of 1 to 63 random bytes, none of them 0x00, without the root label. */
  private static Arbitrary<byte[]> dnsNames() {
    Arbitrary<byte[]> label =
        Arbitraries.bytes().filter(b -> b != 0).array(byte[].class).ofMinSize(1).ofMaxSize(63);
    return label
        .list()
        .ofMaxSize(4)
        .map(
            labels -> {
              ByteBuffer name = ByteBuffer.allocate(labels.size() * 64);
              for (byte[] l : labels) {
                name.put((byte) l.length).put(l);
              }
              byte[] out = new byte[name.position()];
              name.get(0, out);
              return out;
            });
  }

  @Provide
  Arbitrary<DnsMessage> dnsMessages() {
    Arbitrary<DnsQuestion> question =
        Combinators.combine(dnsNames(), u16(), u16())
            .as((name, type, klass) -> new DnsQuestion(ByteBuffer.wrap(name), type, klass));
    return Combinators.combine(
            u16(), u16(), u16(), u16(), u16(), question.list().ofMaxSize(5), bytes(40))
        .as(
            (id, flags, an, ns, ar, questions, records) ->
                new DnsMessage(
                    id,
                    (flags & 0x8000) != 0,
                    (flags >>> 11) & 0xF,
                    (flags & 0x400) != 0,
                    (flags & 0x200) != 0,
                    (flags & 0x100) != 0,
                    (flags & 0x80) != 0,
                    (flags >>> 4) & 0x7,
                    flags & 0xF,
                    questions.size(),
                    an,
                    ns,
                    ar,
                    questions,
                    ByteBuffer.wrap(records)));
  }

  @Property(tries = 500)
  void dnsMessagesRoundTrip(
      @ForAll("dnsMessages") DnsMessage m,
      @ForAll @IntRange(max = 9) int offset,
      @ForAll boolean direct) {
    byte[] frame =
        roundTrip(
            m,
            DnsMessageEncoder::encodedLength,
            DnsMessageEncoder::encode,
            Codecs.dnsMessage(),
            offset,
            direct);

    // the header in RFC 1035 order, and each question's name ended by the root label
    int flags =
        (m.qr() ? 0x8000 : 0)
            | m.opcode() << 11
            | (m.aa() ? 0x400 : 0)
            | (m.tc() ? 0x200 : 0)
            | (m.rd() ? 0x100 : 0)
            | (m.ra() ? 0x80 : 0)
            | m.z() << 4
            | m.rcode();
    ByteBuffer f = ByteBuffer.wrap(frame);
    assertThat(f.getShort(2) & 0xFFFF).isEqualTo(flags);
    assertThat(f.getShort(4) & 0xFFFF).isEqualTo(m.questions().size());
    int p = 12;
    for (DnsQuestion q : m.questions()) {
      p += q.qname().remaining();
      assertThat(frame[p]).isZero();
      p += 5;
    }
    assertThat(frame.length - p).isEqualTo(m.records().remaining());

    ByteBuffer fly = stale(frame.length, offset, direct);
    int n =
        new DnsMessageEncoder()
            .wrap(fly, offset)
            .arcount(m.arcount())
            .rcode(m.rcode())
            .z(m.z())
            .ra(m.ra())
            .rd(m.rd())
            .tc(m.tc())
            .aa(m.aa())
            .opcode(m.opcode())
            .qr(m.qr())
            .id(m.id())
            .ancount(m.ancount())
            .nscount(m.nscount())
            .questions(m.questions())
            .records(m.records())
            .length();
    assertThat(hex(fly, offset, n)).isEqualTo(Frames.hex(frame));
  }

  // ---- RTP ----

  @Provide
  Arbitrary<RtpHeader> rtpHeaders() {
    Arbitrary<Csrc> csrc = u32().map(Csrc::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, 15),
            u8(),
            u16(),
            u32(),
            u32(),
            csrc.list().ofMaxSize(15),
            bytes(64))
        .as(
            (vpx, mpt, seq, timestamp, ssrc, csrcs, payload) ->
                new RtpHeader(
                    vpx >>> 2,
                    (vpx & 2) != 0,
                    (vpx & 1) != 0,
                    csrcs.size(),
                    (mpt & 0x80) != 0,
                    mpt & 0x7F,
                    seq,
                    timestamp,
                    ssrc,
                    csrcs,
                    ByteBuffer.wrap(payload)));
  }

  @Property(tries = 500)
  void rtpHeadersRoundTrip(
      @ForAll("rtpHeaders") RtpHeader h,
      @ForAll @IntRange(max = 9) int offset,
      @ForAll boolean direct) {
    byte[] frame =
        roundTrip(
            h,
            RtpHeaderEncoder::encodedLength,
            RtpHeaderEncoder::encode,
            Codecs.rtpHeader(),
            offset,
            direct);

    assertThat(frame.length).isEqualTo(12 + 4 * h.csrcs().size() + h.payload().remaining());
    int first =
        h.version() << 6 | (h.padding() ? 0x20 : 0) | (h.extension() ? 0x10 : 0) | h.csrcCount();
    assertThat(frame[0] & 0xFF).isEqualTo(first);
    assertThat(frame[1] & 0xFF).isEqualTo((h.marker() ? 0x80 : 0) | h.payloadType());

    ByteBuffer fly = stale(frame.length, offset, direct);
    int n =
        new RtpHeaderEncoder()
            .wrap(fly, offset)
            .ssrc(h.ssrc())
            .payloadType(h.payloadType())
            .csrcCount(h.csrcCount())
            .marker(h.marker())
            .timestamp(h.timestamp())
            .extension(h.extension())
            .padding(h.padding())
            .sequenceNumber(h.sequenceNumber())
            .version(h.version())
            .csrcs(h.csrcs())
            .payload(h.payload())
            .length();
    assertThat(hex(fly, offset, n)).isEqualTo(Frames.hex(frame));
  }

  // ---- MQTT ----

  @Provide
  Arbitrary<MqttPacket> mqttPackets() {
    // the sizes around each varint width change (MQTT 3.1.1 section 2.2.3), and small ones
    Arbitrary<Integer> size =
        Arbitraries.oneOf(
            Arbitraries.of(0, 1, 127, 128, 129, 16383, 16384, 16385),
            Arbitraries.integers().between(0, 300));
    return Combinators.combine(
            Arbitraries.of(Type.class),
            Arbitraries.integers().between(0, 15),
            size,
            Arbitraries.longs())
        .as(
            (type, flags, n, seed) -> {
              byte[] body = new byte[n];
              new Random(seed).nextBytes(body);
              return new MqttPacket(type, flags, n, ByteBuffer.wrap(body));
            });
  }

  @Property(tries = 300)
  void mqttPacketsRoundTrip(
      @ForAll("mqttPackets") MqttPacket p,
      @ForAll @IntRange(max = 9) int offset,
      @ForAll boolean direct) {
    byte[] frame =
        roundTrip(
            p,
            MqttPacketEncoder::encodedLength,
            MqttPacketEncoder::encode,
            Codecs.mqttPacket(),
            offset,
            direct);

    int size = p.remainingLength();
    int varint = size < 128 ? 1 : size < 16384 ? 2 : 3;
    assertThat(frame.length).isEqualTo(1 + varint + size);
    assertThat(frame[0] & 0xFF).isEqualTo(p.type().code() << 4 | p.flags());
    // a stream reader knows the whole length from the fixed header alone
    assertThat(MqttPacketDecoder.frameLength(ByteBuffer.wrap(frame), 0, 1 + varint))
        .isEqualTo(frame.length);
    assertThat(MqttPacketDecoder.frameLength(ByteBuffer.wrap(frame), 0, varint)).isEqualTo(-1);

    ByteBuffer fly = stale(frame.length, offset, direct);
    int n =
        new MqttPacketEncoder()
            .wrap(fly, offset)
            .flags(p.flags())
            .type(p.type())
            .remainingLength(size)
            .body(p.body())
            .length();
    assertThat(hex(fly, offset, n)).isEqualTo(Frames.hex(frame));
  }

  // ---- TFTP ----

  /** Any Unicode text without U+0000, as valid UTF-16 (no lone surrogates). */
  private static Arbitrary<String> text(int maxCodePoints) {
    Arbitrary<Integer> codePoint =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 0x7F),
            Arbitraries.integers().between(0x80, 0xD7FF),
            Arbitraries.integers().between(0xE000, 0x10FFFF));
    return codePoint
        .list()
        .ofMaxSize(maxCodePoints)
        .map(cps -> new String(cps.stream().mapToInt(i -> i).toArray(), 0, cps.size()));
  }

  @Provide
  Arbitrary<TftpReadRequest> readRequests() {
    // 2 + 2 * (60 * 4 + 1) and 2 + 2 * (254 + 1) both stay within maxLength 512
    Arbitrary<String> name =
        Arbitraries.oneOf(
            text(60), Arbitraries.strings().withCharRange('\u0001', '\u007f').ofMaxLength(254));
    return Combinators.combine(u16(), name, name).as(TftpReadRequest::new);
  }

  @Property(tries = 500)
  void tftpReadRequestsRoundTrip(
      @ForAll("readRequests") TftpReadRequest r,
      @ForAll @IntRange(max = 9) int offset,
      @ForAll boolean direct) {
    byte[] frame =
        roundTrip(
            r,
            TftpReadRequestEncoder::encodedLength,
            TftpReadRequestEncoder::encode,
            Codecs.tftpReadRequest(),
            offset,
            direct);

    byte[] filename = r.filename().getBytes(StandardCharsets.UTF_8);
    byte[] mode = r.mode().getBytes(StandardCharsets.UTF_8);
    assertThat(frame.length).isEqualTo(2 + filename.length + 1 + mode.length + 1);
    assertThat(frame[2 + filename.length]).isZero();
    assertThat(frame[frame.length - 1]).isZero();

    ByteBuffer fly = stale(frame.length, offset, direct);
    int n =
        new TftpReadRequestEncoder()
            .wrap(fly, offset)
            .opcode(r.opcode())
            .filename(r.filename())
            .mode(r.mode())
            .length();
    assertThat(hex(fly, offset, n)).isEqualTo(Frames.hex(frame));
    ByteBuffer raw = stale(frame.length, offset, !direct);
    int m =
        new TftpReadRequestEncoder()
            .wrap(raw, offset)
            .opcode(r.opcode())
            .filename(filename)
            .mode(mode)
            .length();
    assertThat(hex(raw, offset, m)).isEqualTo(Frames.hex(frame));
  }

  // ---- TLV ----

  @Provide
  Arbitrary<TlvFrame> tlvFrames() {
    Arbitrary<Tlv> tlv =
        Combinators.combine(u8(), bytes(255))
            .as((type, value) -> new Tlv(type, value.length, ByteBuffer.wrap(value)));
    return Combinators.combine(u8(), tlv.list().ofMaxSize(10)).as(TlvFrame::new);
  }

  @Property(tries = 500)
  void tlvFramesRoundTrip(
      @ForAll("tlvFrames") TlvFrame t,
      @ForAll @IntRange(max = 9) int offset,
      @ForAll boolean direct) {
    byte[] frame =
        roundTrip(
            t,
            TlvFrameEncoder::encodedLength,
            TlvFrameEncoder::encode,
            Codecs.tlvFrame(),
            offset,
            direct);

    int expected = 1;
    for (Tlv item : t.items()) {
      expected += 2 + item.length();
    }
    assertThat(frame.length).isEqualTo(expected);

    ByteBuffer fly = stale(frame.length, offset, direct);
    int n = new TlvFrameEncoder().wrap(fly, offset).version(t.version()).items(t.items()).length();
    assertThat(hex(fly, offset, n)).isEqualTo(Frames.hex(frame));
    // element by element with the item's own flyweight
    ByteBuffer each = stale(frame.length, offset, !direct);
    each.put(offset, (byte) t.version());
    TlvEncoder item = new TlvEncoder();
    int p = offset + 1;
    for (Tlv i : t.items()) {
      p += item.wrap(each, p).type(i.type()).value(i.value()).length();
    }
    assertThat(hex(each, offset, p - offset)).isEqualTo(Frames.hex(frame));
  }
}
