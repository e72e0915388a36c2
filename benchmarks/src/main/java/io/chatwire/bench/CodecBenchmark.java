package io.chatwire.bench;

import io.chatwire.protocol.ChatDatagramDecoder;
import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.Kind;
import io.chatwire.protocol.Operation;
import io.chatwire.protocol.RelayDatagramEncoder;
import io.chatwire.protocol.TcrpFrameDecoder;
import io.chatwire.protocol.TcrpFrameEncoder;
import io.chatwire.wire.FrameProblem;
import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.Utf8;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relay's per-packet codec work, three ways: generated flyweights, hand-written {@code
 * ByteBuffer} code doing the same checks (the floor), and the obvious allocating approach.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {
  private static final int MAX = 4096;

  ByteBuffer datagram;
  int datagramLength;
  ByteBuffer out;
  byte[] sender;
  ByteBuffer header;
  ByteBuffer partialHeader;
  final ChatDatagramDecoder chatDecoder = new ChatDatagramDecoder();
  final RelayDatagramEncoder relayEncoder = new RelayDatagramEncoder();
  final TcrpFrameDecoder tcrpDecoder = new TcrpFrameDecoder();
  final TcrpFrameEncoder tcrpEncoder = new TcrpFrameEncoder();
  final byte[] room = "lobby".getBytes(StandardCharsets.UTF_8);
  final byte[] payload = "{\"username\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

  /** Builds one realistic datagram and TCRP header in direct buffers, as the server has them. */
  @Setup
  public void setUp() {
    datagram = ByteBuffer.allocateDirect(MAX);
    datagramLength =
        new ChatDatagramEncoder()
            .wrap(datagram, 0)
            .roomName("lobby")
            .token("9f86d081884c7d659a2feaa0c55ad015")
            .message("hello everyone, こんにちは 👋".getBytes(StandardCharsets.UTF_8))
            .length();
    out = ByteBuffer.allocateDirect(MAX);
    sender = "alice".getBytes(StandardCharsets.UTF_8);
    header = ByteBuffer.allocateDirect(64);
    new TcrpFrameEncoder()
        .wrap(header, 0)
        .operation(Operation.JOIN)
        .state(io.chatwire.protocol.State.REQUEST)
        .roomName("lobby")
        .operationPayload(payload);
    partialHeader = header.duplicate();
  }

  /** Generated codecs: wrap + validate the datagram, write the relay datagram. */
  @Benchmark
  public int relayFlyweight() {
    ChatDatagramDecoder in = chatDecoder.wrap(datagram, 0, datagramLength);
    return relayEncoder
        .wrap(out, 0)
        .kind(Kind.MESSAGE)
        .sender(sender)
        .text(datagram, in.messageOffset(), in.messageLength())
        .length();
  }

  /** The same checks and copies written by hand: the floor. */
  @Benchmark
  public int relayHandWritten() {
    int messageAt = handWrittenMessageOffset();
    int messageLength = datagramLength - messageAt;
    ByteBuffer o = out;
    o.put(0, (byte) Kind.MESSAGE.code());
    o.put(1, (byte) sender.length);
    o.put(2, sender);
    o.put(2 + sender.length, datagram, messageAt, messageLength);
    return 2 + sender.length + messageLength;
  }

  /** The hand-written datagram checks: lengths and strict UTF-8 of room and token. */
  private int handWrittenMessageOffset() {
    ByteBuffer in = datagram;
    int length = datagramLength;
    if (length < 2 || length > MAX) {
      throw new MalformedFrameException(
          "ChatDatagram", 0, FrameProblem.OVER_MAX_LENGTH, "bad length");
    }
    int roomSize = in.get(0) & 0xFF;
    int tokenSize = in.get(1) & 0xFF;
    int messageAt = 2 + roomSize + tokenSize;
    if (messageAt > length) {
      throw new MalformedFrameException("token", 2 + roomSize, FrameProblem.PAST_END, "past end");
    }
    if (Utf8.firstMalformed(in, 2, 2 + roomSize) >= 0
        || Utf8.firstMalformed(in, 2 + roomSize, messageAt) >= 0) {
      throw new MalformedFrameException(
          "roomName", 2, FrameProblem.MALFORMED_UTF8, "malformed UTF-8");
    }
    return messageAt;
  }

  /** Decode half of {@link #relayFlyweight}: validate the datagram and find the message. */
  @Benchmark
  public int chatDecodeFlyweight() {
    ChatDatagramDecoder in = chatDecoder.wrap(datagram, 0, datagramLength);
    return in.messageOffset() + in.messageLength() + in.tokenLength();
  }

  /** Decode half of {@link #relayHandWritten}. */
  @Benchmark
  public int chatDecodeHandWritten() {
    int messageAt = handWrittenMessageOffset();
    return messageAt + (datagramLength - messageAt) + (datagram.get(1) & 0xFF);
  }

  /** Encode half of {@link #relayFlyweight}. */
  @Benchmark
  public int relayEncodeFlyweight() {
    return relayEncoder
        .wrap(out, 0)
        .kind(Kind.MESSAGE)
        .sender(sender)
        .text(datagram, 40, 30)
        .length();
  }

  /** Encode half of {@link #relayHandWritten}. */
  @Benchmark
  public int relayEncodeHandWritten() {
    ByteBuffer o = out;
    o.put(0, (byte) Kind.MESSAGE.code());
    o.put(1, (byte) sender.length);
    o.put(2, sender);
    o.put(2 + sender.length, datagram, 40, 30);
    return 2 + sender.length + 30;
  }

  /** The obvious approach: copy every field into arrays and Strings, build a new buffer. */
  @Benchmark
  public int relayAllocating() {
    ByteBuffer in = datagram.duplicate();
    in.limit(datagramLength);
    int roomSize = in.get() & 0xFF;
    int tokenSize = in.get() & 0xFF;
    byte[] roomBytes = new byte[roomSize];
    in.get(roomBytes);
    byte[] tokenBytes = new byte[tokenSize];
    in.get(tokenBytes);
    String roomName = new String(roomBytes, StandardCharsets.UTF_8);
    String token = new String(tokenBytes, StandardCharsets.UTF_8);
    byte[] message = new byte[in.remaining()];
    in.get(message);
    byte[] from = "alice".getBytes(StandardCharsets.UTF_8);
    ByteBuffer relay = ByteBuffer.allocate(2 + from.length + message.length);
    relay.put((byte) Kind.MESSAGE.code()).put((byte) from.length).put(from).put(message);
    return relay.position() + roomName.length() + token.length();
  }

  /** The 32-byte TCRP header validated and read in place (codes, zero high bytes, limits). */
  @Benchmark
  public long tcrpHeaderFlyweight() {
    TcrpFrameDecoder h = tcrpDecoder.wrapFixedPart(header, 0, TcrpFrameDecoder.FIXED_LENGTH);
    return h.operationPayloadSize() + h.operation().code() + h.state().code() + h.roomNameSize();
  }

  /** The same header checks and reads by hand. */
  @Benchmark
  public long tcrpHeaderHandWritten() {
    ByteBuffer h = header;
    int roomSize = h.get(0) & 0xFF;
    int op = h.get(1) & 0xFF;
    int state = h.get(2) & 0xFF;
    if (op < 1 || op > 4 || state > 2) {
      throw new MalformedFrameException("operation", 1, FrameProblem.UNKNOWN_CODE, "unknown code");
    }
    return handWrittenPayloadSize() + op + state + roomSize;
  }

  /** The whole frame's length from a complete header (stream framing). */
  @Benchmark
  public int frameLengthFlyweight() {
    return TcrpFrameDecoder.frameLength(header, 0, TcrpFrameDecoder.FIXED_LENGTH);
  }

  /** The same length computation by hand. */
  @Benchmark
  public long frameLengthHandWritten() {
    long total = 32 + (header.get(0) & 0xFF) + handWrittenPayloadSize();
    if (total > TcrpFrameDecoder.MAX_LENGTH) {
      throw new MalformedFrameException(
          "operationPayloadSize", 3, FrameProblem.DECLARED_OVER_MAX_LENGTH, "too long");
    }
    return total;
  }

  /** The 29-byte payload size by hand: the high 21 bytes zero, the low 8 at most 2^63 - 1. */
  private long handWrittenPayloadSize() {
    ByteBuffer h = header;
    for (int i = 3; i < 24; i++) {
      if (h.get(i) != 0) {
        throw new MalformedFrameException(
            "operationPayloadSize", i, FrameProblem.HIGH_BYTES, "high bytes");
      }
    }
    long size = h.getLong(24);
    if (size < 0) {
      throw new MalformedFrameException(
          "operationPayloadSize", 3, FrameProblem.DECLARED_OVER_MAX_LENGTH, "too long");
    }
    return size;
  }

  /** frameLength on a header that has not fully arrived. */
  @Benchmark
  public int frameLengthPartial() {
    return TcrpFrameDecoder.frameLength(partialHeader, 0, 20);
  }

  /** Writing a whole TCRP request with the flyweight encoder. */
  @Benchmark
  public int tcrpEncodeFlyweight() {
    return tcrpEncoder
        .wrap(out, 0)
        .operation(Operation.JOIN)
        .state(io.chatwire.protocol.State.REQUEST)
        .roomName(room)
        .operationPayload(payload)
        .length();
  }
}
