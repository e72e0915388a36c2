package io.chatwire.wire.tests.v2;

import java.util.List;

/** A {@link Codec} for every record of this package. */
final class Codecs {
  private Codecs() {}

  static Codec dnsMessage() {
    DnsMessageDecoder d = new DnsMessageDecoder();
    return new Codec(
        "DnsMessage",
        DnsMessageDecoder.MIN_LENGTH,
        true,
        DnsMessageDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        DnsMessageDecoder::frameLength);
  }

  static Codec dnsQuestion() {
    DnsQuestionDecoder d = new DnsQuestionDecoder();
    return new Codec(
        "DnsQuestion",
        DnsQuestionDecoder.MIN_LENGTH,
        false,
        DnsQuestionDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        DnsQuestionDecoder::frameLength);
  }

  static Codec rtpHeader() {
    RtpHeaderDecoder d = new RtpHeaderDecoder();
    return new Codec(
        "RtpHeader",
        RtpHeaderDecoder.MIN_LENGTH,
        true,
        RtpHeaderDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        RtpHeaderDecoder::frameLength);
  }

  static Codec csrc() {
    CsrcDecoder d = new CsrcDecoder();
    return new Codec(
        "Csrc",
        CsrcDecoder.MIN_LENGTH,
        false,
        CsrcDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        CsrcDecoder::frameLength);
  }

  static Codec ipv4FirstWord() {
    Ipv4FirstWordDecoder d = new Ipv4FirstWordDecoder();
    return new Codec(
        "Ipv4FirstWord",
        Ipv4FirstWordDecoder.MIN_LENGTH,
        false,
        Ipv4FirstWordDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Ipv4FirstWordDecoder::frameLength);
  }

  static Codec mqttPacket() {
    MqttPacketDecoder d = new MqttPacketDecoder();
    return new Codec(
        "MqttPacket",
        MqttPacketDecoder.MIN_LENGTH,
        false,
        MqttPacketDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        MqttPacketDecoder::frameLength);
  }

  static Codec tftpReadRequest() {
    TftpReadRequestDecoder d = new TftpReadRequestDecoder();
    return new Codec(
        "TftpReadRequest",
        TftpReadRequestDecoder.MIN_LENGTH,
        false,
        TftpReadRequestDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        TftpReadRequestDecoder::frameLength);
  }

  static Codec tlvFrame() {
    TlvFrameDecoder d = new TlvFrameDecoder();
    return new Codec(
        "TlvFrame",
        TlvFrameDecoder.MIN_LENGTH,
        true,
        TlvFrameDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        TlvFrameDecoder::frameLength);
  }

  static Codec tlv() {
    TlvDecoder d = new TlvDecoder();
    return new Codec(
        "Tlv",
        TlvDecoder.MIN_LENGTH,
        false,
        TlvDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        TlvDecoder::frameLength);
  }

  static Codec gameSnapshot() {
    GameSnapshotDecoder d = new GameSnapshotDecoder();
    return new Codec(
        "GameSnapshot",
        GameSnapshotDecoder.MIN_LENGTH,
        false,
        GameSnapshotDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        GameSnapshotDecoder::frameLength);
  }

  static Codec player() {
    PlayerDecoder d = new PlayerDecoder();
    return new Codec(
        "Player",
        PlayerDecoder.MIN_LENGTH,
        false,
        PlayerDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        PlayerDecoder::frameLength);
  }

  static Codec position() {
    PositionDecoder d = new PositionDecoder();
    return new Codec(
        "Position",
        PositionDecoder.MIN_LENGTH,
        false,
        PositionDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        PositionDecoder::frameLength);
  }

  static Codec ntpTimestamp() {
    NtpTimestampDecoder d = new NtpTimestampDecoder();
    return new Codec(
        "NtpTimestamp",
        NtpTimestampDecoder.MIN_LENGTH,
        false,
        NtpTimestampDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        NtpTimestampDecoder::frameLength);
  }

  static Codec wide4() {
    Wide4Decoder d = new Wide4Decoder();
    return new Codec(
        "Wide4",
        Wide4Decoder.MIN_LENGTH,
        false,
        Wide4Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Wide4Decoder::frameLength);
  }

  static Codec wide8() {
    Wide8Decoder d = new Wide8Decoder();
    return new Codec(
        "Wide8",
        Wide8Decoder.MIN_LENGTH,
        false,
        Wide8Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Wide8Decoder::frameLength);
  }

  static Codec wide29() {
    Wide29Decoder d = new Wide29Decoder();
    return new Codec(
        "Wide29",
        Wide29Decoder.MIN_LENGTH,
        false,
        Wide29Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Wide29Decoder::frameLength);
  }

  static Codec pngChunk() {
    PngChunkDecoder d = new PngChunkDecoder();
    return new Codec(
        "PngChunk",
        PngChunkDecoder.MIN_LENGTH,
        false,
        PngChunkDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        PngChunkDecoder::frameLength);
  }

  static Codec zipLocalHeader() {
    ZipLocalHeaderDecoder d = new ZipLocalHeaderDecoder();
    return new Codec(
        "ZipLocalHeader",
        ZipLocalHeaderDecoder.MIN_LENGTH,
        false,
        ZipLocalHeaderDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        ZipLocalHeaderDecoder::frameLength);
  }

  static Codec capped8() {
    Capped8Decoder d = new Capped8Decoder();
    return new Codec(
        "Capped8",
        Capped8Decoder.MIN_LENGTH,
        false,
        Capped8Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Capped8Decoder::frameLength);
  }

  static Codec twoSizes8() {
    TwoSizes8Decoder d = new TwoSizes8Decoder();
    return new Codec(
        "TwoSizes8",
        TwoSizes8Decoder.MIN_LENGTH,
        false,
        TwoSizes8Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        TwoSizes8Decoder::frameLength);
  }

  static Codec counted8() {
    Counted8Decoder d = new Counted8Decoder();
    return new Codec(
        "Counted8",
        Counted8Decoder.MIN_LENGTH,
        false,
        Counted8Decoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        Counted8Decoder::frameLength);
  }

  static Codec item() {
    ItemDecoder d = new ItemDecoder();
    return new Codec(
        "Item",
        ItemDecoder.MIN_LENGTH,
        false,
        ItemDecoder::decode,
        (src, offset, length) -> d.tryWrap(src, offset, length) ? null : d.failure(),
        d::tryWrapPrefix,
        ItemDecoder::frameLength);
  }

  /** One codec per record, each with its own decoder. */
  static List<Codec> all() {
    return List.of(
        dnsMessage(),
        dnsQuestion(),
        rtpHeader(),
        csrc(),
        ipv4FirstWord(),
        mqttPacket(),
        tftpReadRequest(),
        tlvFrame(),
        tlv(),
        gameSnapshot(),
        player(),
        position(),
        ntpTimestamp(),
        wide4(),
        wide8(),
        wide29(),
        pngChunk(),
        zipLocalHeader(),
        capped8(),
        twoSizes8(),
        counted8(),
        item());
  }
}
