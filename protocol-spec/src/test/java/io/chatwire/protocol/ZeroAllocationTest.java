package io.chatwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The flyweight path (wrap + non-String accessors, and the flyweight encoder) allocates nothing per
 * frame. One object per frame would be at least 16 bytes x 200,000 frames = 3.2 MB; the bound below
 * leaves room only for the JVM's own one-off allocations (JIT, counters), not for any per-frame
 * object.
 */
class ZeroAllocationTest {
  private static final int FRAMES = 200_000;
  private static final long BOUND = 16 * 1024;

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  @Test
  void relayPathAllocatesNothingPerFrame() {
    ByteBuffer in = ByteBuffer.allocateDirect(4096);
    int length =
        new ChatDatagramEncoder()
            .wrap(in, 0)
            .roomName("lobby")
            .token("0123456789abcdef0123456789abcdef")
            .message("こんにちは 👋".getBytes(StandardCharsets.UTF_8))
            .length();
    ByteBuffer out = ByteBuffer.allocateDirect(4096);
    byte[] sender = "alice".getBytes(StandardCharsets.UTF_8);
    ChatDatagramDecoder decoder = new ChatDatagramDecoder();
    RelayDatagramEncoder encoder = new RelayDatagramEncoder();

    long checksum = relay(in, length, out, sender, decoder, encoder, FRAMES);
    long before = allocatedBytes();
    checksum += relay(in, length, out, sender, decoder, encoder, FRAMES);
    long allocated = allocatedBytes() - before;

    assertThat(checksum).isPositive();
    assertThat(allocated).as("bytes allocated for %d frames", FRAMES).isLessThan(BOUND);
  }

  @Test
  void tcrpHeaderPathAllocatesNothingPerFrame() {
    ByteBuffer frame =
        Frames.encode(Frames.tcrp(Operation.CREATE, State.REQUEST, "room", "{\"username\":\"a\"}"));
    TcrpFrameDecoder decoder = new TcrpFrameDecoder();

    long checksum = header(frame, decoder, FRAMES);
    long before = allocatedBytes();
    checksum += header(frame, decoder, FRAMES);
    long allocated = allocatedBytes() - before;

    assertThat(checksum).isPositive();
    assertThat(allocated).isLessThan(BOUND);
  }

  @Test
  void rejectingGarbageWithTryWrapAllocatesNothing() {
    ByteBuffer garbage = ByteBuffer.allocateDirect(64);
    garbage.put(0, (byte) 200).put(1, (byte) 3);
    ChatDatagramDecoder decoder = new ChatDatagramDecoder();

    long rejected = rejectAll(garbage, decoder, FRAMES);
    long before = allocatedBytes();
    rejected += rejectAll(garbage, decoder, FRAMES);
    long allocated = allocatedBytes() - before;

    assertThat(rejected).isEqualTo(2L * FRAMES);
    assertThat(allocated).isLessThan(BOUND);
    assertThat(decoder.failure())
        .hasMessage(
            "roomName at offset 2: declared length 200 runs past the end of the frame (62 bytes"
                + " remain)");
  }

  private static long rejectAll(ByteBuffer garbage, ChatDatagramDecoder decoder, int frames) {
    long rejected = 0;
    for (int i = 0; i < frames; i++) {
      if (!decoder.tryWrap(garbage, 0, 64)) {
        rejected++;
      }
    }
    return rejected;
  }

  private static long relay(
      ByteBuffer in,
      int length,
      ByteBuffer out,
      byte[] sender,
      ChatDatagramDecoder decoder,
      RelayDatagramEncoder encoder,
      int frames) {
    long sum = 0;
    for (int i = 0; i < frames; i++) {
      decoder.wrap(in, 0, length);
      sum += decoder.roomNameLength() + decoder.tokenOffset() + decoder.messageLength();
      sum +=
          encoder
              .wrap(out, 0)
              .kind(Kind.MESSAGE)
              .sender(sender)
              .text(in, decoder.messageOffset(), decoder.messageLength())
              .length();
    }
    return sum;
  }

  private static long header(ByteBuffer frame, TcrpFrameDecoder decoder, int frames) {
    long sum = 0;
    for (int i = 0; i < frames; i++) {
      sum += TcrpFrameDecoder.frameLength(frame, 0, frame.limit());
      decoder.wrapFixedPart(frame, 0, TcrpFrameDecoder.FIXED_LENGTH);
      sum += decoder.operationPayloadSize() + decoder.operation().code() + decoder.roomNameSize();
      decoder.wrap(frame, 0, frame.limit());
      sum += decoder.roomNameLength() + decoder.operationPayloadLength();
    }
    return sum;
  }
}
