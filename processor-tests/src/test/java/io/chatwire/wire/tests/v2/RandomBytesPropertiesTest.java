package io.chatwire.wire.tests.v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.wire.MalformedFrameException;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes given to any entry point of any v2 decoder: only {@link MalformedFrameException}, and
 * {@code frameLength} only -1 or at least {@code MIN_LENGTH}; also with hostile values in the size
 * fields of records with no {@code maxLength}.
 */
class RandomBytesPropertiesTest {
  /** Sizes that overflow an {@code int}, a {@code long} sum, or nothing at all. */
  private static final long[] HOSTILE = {
    0,
    1,
    2,
    0x7f,
    0xff,
    0x7fff_fff0L,
    0x7fff_ffffL,
    0x8000_0000L,
    0xffff_fffcL,
    0xffff_ffffL,
    0x1_0000_0000L,
    0x4000_0000_0000_0000L,
    Long.MAX_VALUE,
    Long.MIN_VALUE,
    -1,
    -4
  };

  @Provide
  Arbitrary<Codec> codecs() {
    return Arbitraries.of(Codecs.all());
  }

  private static void checkEveryEntryPoint(Codec codec, ByteBuffer src, int offset, int length) {
    Object decoded;
    try {
      decoded = codec.decode().apply(src, offset, length);
    } catch (MalformedFrameException e) {
      decoded = null;
    }
    MalformedFrameException failure = codec.tryWrap().apply(src, offset, length);
    assertThat(failure == null).isEqualTo(decoded != null);
    int prefix = codec.tryWrapPrefix().apply(src, offset, length);
    assertThat(prefix)
        .satisfiesAnyOf(
            n -> assertThat(n).isEqualTo(-1),
            n -> assertThat(n).isBetween(codec.minLength(), length));
    Object frameLength = Frames.frameLengthOutcome(codec, src, offset, length);
    assertThat(frameLength)
        .satisfiesAnyOf(
            l -> assertThat(l).isInstanceOf(MalformedFrameException.class),
            l -> assertThat(l).isEqualTo(-1),
            l -> assertThat((Integer) l).isGreaterThanOrEqualTo(codec.minLength()));
    if (decoded != null) {
      // a whole valid frame is its own length for every entry point
      assertThat(prefix).isEqualTo(length);
      assertThat(frameLength).isEqualTo(length);
    }
  }

  @Property(tries = 1000)
  void randomBytesOnlyEverGiveMalformedFrameException(
      @ForAll("codecs") Codec codec,
      @ForAll @Size(max = 48) byte[] bytes,
      @ForAll @IntRange(max = 5) int offset,
      @ForAll boolean direct) {
    ByteBuffer src = Frames.placed(bytes, offset, direct);
    checkEveryEntryPoint(codec, src, offset, bytes.length);
  }

  /**
   * A frame of a wide-size record whose size fields hold hostile values.
   *
   * @param codec the record
   * @param bytes the frame
   */
  record Hostile(Codec codec, byte[] bytes) {
    @Override
    public String toString() {
      return codec + " " + Frames.hex(bytes);
    }
  }

  private static Arbitrary<Hostile> hostile(Codec codec, int length, int... sizeFields) {
    Arbitrary<Long> size =
        Arbitraries.oneOf(
            Arbitraries.of(java.util.Arrays.stream(HOSTILE).boxed().toList()), Arbitraries.longs());
    return Combinators.combine(
            Arbitraries.bytes().array(byte[].class).ofSize(length), size.list().ofSize(2))
        .as(
            (bytes, sizes) -> {
              for (int i = 0; i < sizeFields.length; i += 2) {
                long value = sizes.get(i / 2);
                int at = sizeFields[i];
                int width = sizeFields[i + 1];
                for (int b = 0; b < width; b++) {
                  bytes[at + b] = (byte) (value >>> (8 * (width - 1 - b)));
                }
              }
              return new Hostile(codec, bytes);
            });
  }

  @Provide
  Arbitrary<Hostile> hostileFrames() {
    byte[] zeros21 = new byte[21];
    return Arbitraries.oneOf(
        List.of(
            hostile(Codecs.wide4(), 12, 0, 4),
            hostile(Codecs.wide8(), 16, 0, 8),
            hostile(Codecs.wide29(), 40, 21, 8)
                .map(
                    h -> {
                      System.arraycopy(zeros21, 0, h.bytes(), 0, 21);
                      return h;
                    }),
            hostile(Codecs.wide29(), 40, 13, 8, 21, 8),
            hostile(Codecs.pngChunk(), 12, 0, 4),
            hostile(Codecs.zipLocalHeader(), 48, 18, 4, 22, 4),
            hostile(Codecs.capped8(), 16, 0, 8),
            hostile(Codecs.twoSizes8(), 24, 0, 8, 8, 8),
            hostile(Codecs.counted8(), 20, 0, 8)));
  }

  @Property(tries = 1000)
  void hostileSizesNeverOverflowFrameLength(
      @ForAll("hostileFrames") Hostile frame, @ForAll @IntRange(max = 48) int available) {
    int n = Math.min(available, frame.bytes().length);
    ByteBuffer src = Frames.placed(frame.bytes(), 2, false);
    checkEveryEntryPoint(frame.codec(), src, 2, n);
    checkEveryEntryPoint(frame.codec(), src, 2, frame.bytes().length);
    Object length = Frames.frameLengthOutcome(frame.codec(), src, 2, n);
    if (length instanceof Integer l && l >= 0) {
      // a length, when given, is the header plus what the header declares: never wrapped around
      assertThat(l).isGreaterThanOrEqualTo(Math.min(n, frame.codec().minLength()));
    }
  }
}
