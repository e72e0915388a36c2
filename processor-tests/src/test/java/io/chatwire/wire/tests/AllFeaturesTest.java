package io.chatwire.wire.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatwire.wire.MalformedFrameException;
import io.chatwire.wire.tests.AllFeatures.Color;
import io.chatwire.wire.tests.AllFeatures.Header;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every field kind, little-endian, nested, after variable fields: generated code at run time. */
class AllFeaturesTest {
  static AllFeatures sample() {
    return new AllFeatures(
        true,
        (byte) -3,
        (short) -2,
        (short) 200,
        0x010203,
        -100_000,
        0xFFFF_FFFFL,
        -5L,
        Long.MAX_VALUE,
        0x0102_0304_0506_0708L,
        Color.BLUE,
        "ab",
        ByteBuffer.wrap(new byte[] {9, 8, 7, 6}),
        6,
        "héllo",
        0xBEEF,
        new Header(3, 4, "labl"),
        3,
        ByteBuffer.wrap(new byte[] {1, 2, 3}),
        "tail ✓");
  }

  /** A copy of {@code value} with one component replaced, through the canonical constructor. */
  static AllFeatures with(AllFeatures value, String component, Object replacement) {
    RecordComponent[] components = AllFeatures.class.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] args = new Object[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        boolean replaced = components[i].getName().equals(component);
        found |= replaced;
        args[i] = replaced ? replacement : components[i].getAccessor().invoke(value);
      }
      if (!found) {
        throw new IllegalArgumentException("AllFeatures has no component " + component);
      }
      return AllFeatures.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy AllFeatures", e);
    }
  }

  static ByteBuffer encode(AllFeatures value) {
    ByteBuffer buffer = ByteBuffer.allocate(AllFeaturesEncoder.encodedLength(value));
    AllFeaturesEncoder.encode(value, buffer, 0);
    return buffer;
  }

  private static String hex(ByteBuffer buffer, int offset, int length) {
    byte[] bytes = new byte[length];
    buffer.get(offset, bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void roundTrips() {
    ByteBuffer encoded = encode(sample());

    assertThat(AllFeaturesDecoder.decode(encoded, 0, encoded.limit())).isEqualTo(sample());
  }

  @Test
  void layoutIsLittleEndianWithTheDeclaredWidths() {
    ByteBuffer encoded = encode(sample());

    assertThat(AllFeaturesDecoder.FIXED_LENGTH).isEqualTo(57);
    assertThat(hex(encoded, 0, 5)).isEqualTo("01fdfeffc8");
    assertThat(hex(encoded, AllFeaturesDecoder.MEDIUM_OFFSET, 3)).isEqualTo("030201");
    assertThat(hex(encoded, AllFeaturesDecoder.SIX_OFFSET, 6)).isEqualTo("fbffffffffff");
    assertThat(hex(encoded, AllFeaturesDecoder.WIDE_OFFSET, 12))
        .isEqualTo("080706050403020100000000");
    assertThat(hex(encoded, AllFeaturesDecoder.COLOR_OFFSET, 2)).isEqualTo("2c01");
    assertThat(hex(encoded, AllFeaturesDecoder.CODE_OFFSET, 8)).isEqualTo("6162000000000000");
  }

  @Test
  void flyweightReadsEveryFieldInPlace() {
    ByteBuffer encoded = encode(sample());
    AllFeaturesDecoder d = new AllFeaturesDecoder().wrap(encoded, 0, encoded.limit());

    assertThat(d.small()).isEqualTo((short) -2);
    assertThat(d.six()).isEqualTo(-5L);
    assertThat(d.unsignedInt()).isEqualTo(0xFFFF_FFFFL);
    assertThat(d.color()).isEqualTo(Color.BLUE);
    assertThat(d.code()).isEqualTo("ab");
    assertThat(d.name()).isEqualTo("héllo");
    assertThat(d.afterName()).isEqualTo(0xBEEF);
    assertThat(d.headerVersion()).isEqualTo(3);
    assertThat(d.headerLabel()).isEqualTo("labl");
    assertThat(d.bodyLength()).isEqualTo(3);
    assertThat(encoded.get(d.bodyOffset() + 2)).isEqualTo((byte) 3);
    assertThat(d.tail()).isEqualTo("tail ✓");
  }

  @Test
  void flyweightEncoderWritesTheSameBytesAsTheRecordEncoder() {
    ByteBuffer expected = encode(sample());
    ByteBuffer buffer = ByteBuffer.allocateDirect(512);
    AllFeaturesEncoder e = new AllFeaturesEncoder().wrap(buffer, 0);
    e.color(Color.BLUE).flag(true).tiny((byte) -3).small((short) -2).unsignedByte((short) 200);
    e.medium(0x010203).signedInt(-100_000).unsignedInt(0xFFFF_FFFFL).six(-5L);
    e.full(Long.MAX_VALUE).wide(0x0102_0304_0506_0708L).code("ab");
    e.magic(new byte[] {9, 8, 7, 6});
    e.name("héllo").afterName(0xBEEF).headerVersion(3).headerLabel("labl");
    e.body(new byte[] {1, 2, 3}).tail("tail ✓");

    assertThat(e.length()).isEqualTo(expected.limit());
    assertThat(buffer.slice(0, e.length())).isEqualTo(expected);
  }

  @Test
  void flyweightEncoderEnforcesDeclarationOrderAfterTheFirstVariableField() {
    AllFeaturesEncoder e = new AllFeaturesEncoder().wrap(ByteBuffer.allocate(512), 0);

    assertThatThrownBy(() -> e.body(new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("AllFeatures: body set out of order; name comes next");
    e.name("x");
    assertThatThrownBy(e::length)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("AllFeatures: afterName has not been written yet");
  }

  @Test
  void encoderRejectsInconsistentOrOutOfRangeRecords() {
    AllFeatures s = sample();
    AllFeatures wrongSize = with(s, "nameSize", 4);
    AllFeatures tooWide = with(s, "medium", 1 << 24);
    AllFeatures longCode = with(s, "code", "123456789");

    assertThatThrownBy(() -> AllFeaturesEncoder.encodedLength(wrongSize))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AllFeatures.nameSize is 4 but name is 6 bytes");
    assertThatThrownBy(() -> AllFeaturesEncoder.encodedLength(tooWide))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AllFeatures.medium = 16777216 does not fit");
    assertThatThrownBy(() -> AllFeaturesEncoder.encodedLength(longCode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AllFeatures.code is 9 bytes");
  }

  private static void assertMalformed(ThrowingCallable call, String field, int offset) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            MalformedFrameException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.offset()).isEqualTo(offset);
            });
  }

  @Test
  void decoderRejectsEveryInvalidValue() {
    ByteBuffer flag = encode(sample());
    flag.put(0, (byte) 2);
    assertMalformed(() -> AllFeaturesDecoder.decode(flag, 0, flag.limit()), "flag", 0);

    // An unsigned 8-byte long takes all 2^64 values: its top bit is part of the value.
    ByteBuffer full = encode(sample());
    full.put(AllFeaturesDecoder.FULL_OFFSET + 7, (byte) 0x80);
    assertThat(AllFeaturesDecoder.decode(full, 0, full.limit()).full()).isNegative();

    ByteBuffer wide = encode(sample());
    wide.put(AllFeaturesDecoder.WIDE_OFFSET + 10, (byte) 1);
    assertMalformed(() -> AllFeaturesDecoder.decode(wide, 0, wide.limit()), "wide", 40);

    ByteBuffer color = encode(sample());
    color.put(AllFeaturesDecoder.COLOR_OFFSET, (byte) 8);
    assertMalformed(() -> AllFeaturesDecoder.decode(color, 0, color.limit()), "color", 42);

    ByteBuffer nameSize = encode(sample());
    nameSize.put(AllFeaturesDecoder.NAME_SIZE_OFFSET, (byte) 101);
    assertMalformed(() -> AllFeaturesDecoder.decode(nameSize, 0, nameSize.limit()), "nameSize", 56);

    ByteBuffer label = encode(sample());
    int labelAt = new AllFeaturesDecoder().wrap(label, 0, label.limit()).headerLabelOffset();
    label.put(labelAt + 1, (byte) 0x80);
    assertMalformed(
        () -> AllFeaturesDecoder.decode(label, 0, label.limit()), "header.label", labelAt + 1);
  }

  @Test
  void variableFieldsOverTheirMaxAreRejected() {
    byte[] big = new byte[201];
    AllFeaturesEncoder e = new AllFeaturesEncoder().wrap(ByteBuffer.allocate(1024), 0);
    e.name("n").afterName(1).headerVersion(1).headerLabel("");

    assertThatThrownBy(() -> e.body(big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AllFeatures.body is 201 bytes; allowed at most 200");
    assertThat("n".getBytes(StandardCharsets.UTF_8)).hasSize(1);
  }
}
