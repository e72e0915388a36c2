package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.tests.AllFeatures.Color;
import io.chatwire.wire.tests.AllFeatures.Header;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Any valid AllFeatures round-trips; any bytes decode or fail with MalformedFrameException. */
class AllFeaturesPropertiesTest {
  private static Arbitrary<String> utf8(int maxBytes) {
    return Arbitraries.strings()
        .ofMaxLength(maxBytes / 3)
        .filter(
            s ->
                new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s)
                    && s.indexOf('\0') < 0);
  }

  private static Arbitrary<ByteBuffer> bytes(int min, int max) {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(min)
        .ofMaxSize(max)
        .map(ByteBuffer::wrap);
  }

  private static int length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Provide
  Arbitrary<AllFeatures> records() {
    return Builders.withBuilder(Parts::new)
        .use(Arbitraries.of(true, false))
        .in(
            (p, v) -> {
              p.flag = v;
              return p;
            })
        .use(Arbitraries.bytes())
        .in(
            (p, v) -> {
              p.tiny = v;
              return p;
            })
        .use(Arbitraries.shorts())
        .in(
            (p, v) -> {
              p.small = v;
              return p;
            })
        .use(Arbitraries.shorts().between((short) 0, (short) 255))
        .in(
            (p, v) -> {
              p.ubyte = v;
              return p;
            })
        .use(Arbitraries.integers().between(0, (1 << 24) - 1))
        .in(
            (p, v) -> {
              p.medium = v;
              return p;
            })
        .use(Arbitraries.integers())
        .in(
            (p, v) -> {
              p.signedInt = v;
              return p;
            })
        .use(Arbitraries.longs().between(0, 0xFFFF_FFFFL))
        .in(
            (p, v) -> {
              p.unsignedInt = v;
              return p;
            })
        .use(Arbitraries.longs().between(-(1L << 47), (1L << 47) - 1))
        .in(
            (p, v) -> {
              p.six = v;
              return p;
            })
        .use(Arbitraries.longs().greaterOrEqual(0))
        .in(
            (p, v) -> {
              p.full = v;
              return p;
            })
        .use(Arbitraries.longs().greaterOrEqual(0))
        .in(
            (p, v) -> {
              p.wide = v;
              return p;
            })
        .use(Arbitraries.of(Color.class))
        .in(
            (p, v) -> {
              p.color = v;
              return p;
            })
        .use(utf8(8).filter(s -> length(s) <= 8))
        .in(
            (p, v) -> {
              p.code = v;
              return p;
            })
        .use(bytes(4, 4))
        .in(
            (p, v) -> {
              p.magic = v;
              return p;
            })
        .use(utf8(100).filter(s -> length(s) <= 100))
        .in(
            (p, v) -> {
              p.name = v;
              return p;
            })
        .use(Arbitraries.integers().between(0, 0xFFFF))
        .in(
            (p, v) -> {
              p.afterName = v;
              return p;
            })
        .use(utf8(60))
        .in(
            (p, v) -> {
              p.label = v;
              return p;
            })
        .use(bytes(0, 200))
        .in(
            (p, v) -> {
              p.body = v;
              return p;
            })
        .use(utf8(300))
        .in(
            (p, v) -> {
              p.tail = v;
              return p;
            })
        .build(Parts::record);
  }

  /** Mutable holder the builder fills in. */
  static final class Parts {
    boolean flag;
    byte tiny;
    short small;
    short ubyte;
    int medium;
    int signedInt;
    long unsignedInt;
    long six;
    long full;
    long wide;
    Color color;
    String code;
    ByteBuffer magic;
    String name;
    int afterName;
    String label;
    ByteBuffer body;
    String tail;

    AllFeatures record() {
      return new AllFeatures(
          flag,
          tiny,
          small,
          ubyte,
          medium,
          signedInt,
          unsignedInt,
          six,
          full,
          wide,
          color,
          code,
          magic,
          length(name),
          name,
          afterName,
          new Header(1, length(label), label),
          body.remaining(),
          body,
          tail);
    }
  }

  @Property(tries = 500)
  void anyValidRecordRoundTrips(@ForAll("records") AllFeatures value) {
    ByteBuffer buffer = ByteBuffer.allocate(AllFeaturesEncoder.encodedLength(value) + 3);
    int length = AllFeaturesEncoder.encode(value, buffer, 3);

    assertThat(AllFeaturesDecoder.decode(buffer, 3, length)).isEqualTo(value);
  }

  @Property(tries = 3000)
  void arbitraryBytesDecodeOrFailCleanly(@ForAll @Size(max = 200) byte[] bytes) {
    try {
      new AllFeaturesDecoder().wrap(ByteBuffer.wrap(bytes), 0, bytes.length).toRecord();
    } catch (MalformedFrameException expected) {
      assertThat(expected.offset()).isBetween(0, bytes.length);
    }
  }
}
