package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.WireKind;

/**
 * Read and write expressions for fixed-width leaves (whole-byte integers, bit fields, varints,
 * floats, booleans, enum codes), shared by both generators.
 */
final class WireValues {
  private WireValues() {}

  /** The mask of a bit field's width, as a literal. */
  static String mask(Leaf leaf) {
    int bits = leaf.field().bits();
    return bits >= 64 ? "-1L" : "0x" + Long.toHexString((1L << bits) - 1) + "L";
  }

  /** An unsigned read of {@code width} bytes. */
  static CodeBlock readUnsigned(String buffer, CodeBlock index, int width) {
    if (width == 1) {
      // One byte needs no byte order: read it directly rather than through WireBuffers.
      return CodeBlock.of("($L.get($L) & 0xFFL)", buffer, index);
    }
    return CodeBlock.of(
        "$T.getUnsigned($L, $L, $L, $L)", Names.WIRE_BUFFERS, buffer, index, width, Names.ORDER);
  }

  /**
   * An expression reading the raw value of an integer, boolean, enum-code or float leaf as a long:
   * a bit field's bits (sign-extended when signed), a varint's value, a float's bit pattern.
   */
  static CodeBlock rawLong(Leaf leaf, String buffer, CodeBlock index, boolean big) {
    FieldDescriptor f = leaf.field();
    switch (f.lengthMode()) {
      case BITS:
        {
          CodeBlock group = readUnsigned(buffer, index, leaf.groupBytes());
          int bits = f.bits();
          if (f.signed()) {
            int left = 64 - leaf.bitShift() - bits;
            return CodeBlock.of("(($L << $L) >> $L)", group, left, 64 - bits);
          }
          if (leaf.bitShift() == 0 && bits == 8 * leaf.groupBytes()) {
            return group;
          }
          return CodeBlock.of("(($L >>> $L) & $L)", group, leaf.bitShift(), mask(leaf));
        }
      case VARINT:
        return CodeBlock.of("$T.getVarint($L, $L)", Names.WIRE_BUFFERS, buffer, index);
      case FIXED:
        break;
      case SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED:
        throw new IllegalArgumentException("not a scalar: " + f.lengthMode());
    }
    int w = f.bytes();
    if (f.kind() == WireKind.WIDE_INTEGER) {
      CodeBlock low = big ? CodeBlock.of("$L + $L", index, w - 8) : index;
      return CodeBlock.of(
          "$T.getUnsigned($L, $L, 8, $L)", Names.WIRE_BUFFERS, buffer, low, Names.ORDER);
    }
    if (!f.signed()) {
      return readUnsigned(buffer, index, w);
    }
    return CodeBlock.of(
        "$T.getSigned($L, $L, $L, $L)", Names.WIRE_BUFFERS, buffer, index, w, Names.ORDER);
  }

  /** An expression of the component's Java type reading the leaf. */
  static CodeBlock typed(Leaf leaf, String buffer, CodeBlock index, boolean big) {
    FieldDescriptor f = leaf.field();
    return switch (f.kind()) {
      case BOOLEAN ->
          leaf.isBits()
              ? CodeBlock.of("$L != 0", rawLong(leaf, buffer, index, big))
              : CodeBlock.of("$L.get($L) != 0", buffer, index);
      case ENUM ->
          CodeBlock.of("$L.get($L)", Names.codesConstant(leaf), rawLong(leaf, buffer, index, big));
      case FLOAT ->
          f.primitive().equals("float")
              ? CodeBlock.of("Float.intBitsToFloat((int) $L)", rawLong(leaf, buffer, index, big))
              : CodeBlock.of("Double.longBitsToDouble($L)", rawLong(leaf, buffer, index, big));
      case INTEGER, WIDE_INTEGER ->
          f.primitive().equals("long")
              ? rawLong(leaf, buffer, index, big)
              : CodeBlock.of("($L) $L", f.primitive(), rawLong(leaf, buffer, index, big));
      case STRING, BYTES, MESSAGE, LIST ->
          throw new IllegalArgumentException("not a fixed scalar: " + f.kind());
    };
  }

  /** A long expression of {@code value} (the component's Java type) as it goes on the wire. */
  static CodeBlock asLong(FieldDescriptor f, CodeBlock value) {
    return switch (f.kind()) {
      case BOOLEAN -> CodeBlock.of("($L ? 1L : 0L)", value);
      case ENUM -> CodeBlock.of("(long) $L.code()", value);
      case FLOAT ->
          f.primitive().equals("float")
              ? CodeBlock.of("(long) Float.floatToRawIntBits($L)", value)
              : CodeBlock.of("Double.doubleToRawLongBits($L)", value);
      // A cast of a long to long is a "redundant cast" warning, an error under -Werror.
      case INTEGER, WIDE_INTEGER ->
          f.primitive().equals("long") ? value : CodeBlock.of("(long) $L", value);
      case STRING, BYTES, MESSAGE, LIST ->
          throw new IllegalArgumentException("not a fixed scalar: " + f.kind());
    };
  }

  /** A bit field's contribution to its group's value: {@code (value & mask) << shift}. */
  static CodeBlock bitsOf(Leaf leaf, CodeBlock value) {
    CodeBlock masked = CodeBlock.of("($L & $L)", asLong(leaf.field(), value), mask(leaf));
    return leaf.bitShift() == 0 ? masked : CodeBlock.of("($L << $L)", masked, leaf.bitShift());
  }

  /** Statements writing a whole bit group's value at {@code index}. */
  static CodeBlock writeGroup(Leaf leaf, String buffer, CodeBlock index, CodeBlock group) {
    if (leaf.groupBytes() == 1) {
      return CodeBlock.of("$L.put($L, (byte) ($L));\n", buffer, index, group);
    }
    return putInteger(buffer, index, leaf.groupBytes(), group);
  }

  /**
   * Statements writing {@code value} (of the component's type) at {@code index}: whole-byte
   * integers, booleans, enums and floats. Bit fields go through {@link #bitsOf}, varints through
   * {@code WireBuffers.putVarint}.
   */
  static CodeBlock write(Leaf leaf, String buffer, CodeBlock index, CodeBlock value, boolean big) {
    FieldDescriptor f = leaf.field();
    int w = f.bytes();
    switch (f.kind()) {
      case BOOLEAN:
        return CodeBlock.of("$L.put($L, (byte) ($L ? 1 : 0));\n", buffer, index, value);
      case ENUM:
        if (w == 1) {
          return CodeBlock.of("$L.put($L, (byte) $L.code());\n", buffer, index, value);
        }
        return putInteger(buffer, index, w, CodeBlock.of("$L.code()", value));
      case WIDE_INTEGER:
        return wideWrite(buffer, index, w, value, big);
      case FLOAT:
        return putInteger(buffer, index, w, asLong(f, value));
      case INTEGER:
        if (w == 1 && !f.primitive().equals("byte")) {
          return CodeBlock.of("$L.put($L, (byte) $L);\n", buffer, index, value);
        }
        return putInteger(buffer, index, w, value);
      case STRING, BYTES, MESSAGE, LIST:
        break;
    }
    throw new IllegalArgumentException("not a fixed scalar: " + f.kind());
  }

  private static CodeBlock putInteger(String buffer, CodeBlock index, int w, CodeBlock value) {
    return CodeBlock.of(
        "$T.putInteger($L, $L, $L, $L, $L);\n",
        Names.WIRE_BUFFERS,
        buffer,
        index,
        w,
        Names.ORDER,
        value);
  }

  private static CodeBlock wideWrite(
      String buffer, CodeBlock index, int w, CodeBlock value, boolean big) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (big) {
      b.addStatement(
          "$T.fillZeros($L, $L, $L + $L)", Names.WIRE_BUFFERS, buffer, index, index, w - 8);
      b.addStatement(
          "$T.putInteger($L, $L + $L, 8, $L, $L)",
          Names.WIRE_BUFFERS,
          buffer,
          index,
          w - 8,
          Names.ORDER,
          value);
    } else {
      b.addStatement(
          "$T.putInteger($L, $L, 8, $L, $L)",
          Names.WIRE_BUFFERS,
          buffer,
          index,
          Names.ORDER,
          value);
      b.addStatement(
          "$T.fillZeros($L, $L + 8, $L + $L)", Names.WIRE_BUFFERS, buffer, index, index, w);
    }
    return b.build();
  }

  /**
   * Whether an unsigned value of this integer leaf can have its top bit set (a 64-bit bit pattern),
   * so that comparisons with it must be unsigned.
   */
  static boolean fullWidthUnsigned(FieldDescriptor f) {
    return f.kind() == WireKind.INTEGER && !f.signed() && f.valueBits() >= 64;
  }

  /** The inclusive range a Java value must be in to be encoded, or null when any value fits. */
  static long[] encodeRange(FieldDescriptor f) {
    if (f.kind() != WireKind.INTEGER && f.kind() != WireKind.WIDE_INTEGER) {
      return null;
    }
    int bits = f.valueBits();
    long lo;
    long hi;
    if (f.kind() == WireKind.WIDE_INTEGER) {
      lo = 0;
      hi = Long.MAX_VALUE;
    } else if (f.signed()) {
      lo = bits >= 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
      hi = bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
    } else if (bits >= 64) {
      // Every bit pattern is a valid unsigned 64-bit value.
      lo = Long.MIN_VALUE;
      hi = Long.MAX_VALUE;
    } else {
      lo = 0;
      hi = (1L << bits) - 1;
    }
    if (f.max() >= 0 && (f.max() < hi || lo == Long.MIN_VALUE)) {
      // For a 64-bit unsigned value, "at most max" also rules out the negative bit patterns.
      lo = lo == Long.MIN_VALUE && !f.signed() ? 0 : lo;
      hi = Math.min(hi, f.max());
    }
    int typeBits = typeBits(f.primitive());
    long typeLo = typeBits >= 64 ? Long.MIN_VALUE : -(1L << (typeBits - 1));
    long typeHi = typeBits >= 64 ? Long.MAX_VALUE : (1L << (typeBits - 1)) - 1;
    if (lo <= typeLo && hi >= typeHi) {
      return null;
    }
    return new long[] {lo, hi};
  }

  static int typeBits(String primitive) {
    return switch (primitive) {
      case "byte" -> 8;
      case "short" -> 16;
      case "int" -> 32;
      default -> 64;
    };
  }

  /**
   * The condition under which {@code value} is out of {@code range}, skipping a bound that the Java
   * type cannot pass anyway.
   */
  static CodeBlock outOfRange(CodeBlock value, long[] range) {
    boolean low = range[0] != Long.MIN_VALUE;
    boolean high = range[1] != Long.MAX_VALUE;
    if (low && high) {
      return CodeBlock.of(
          "$L < $L || $L > $L", value, longLiteral(range[0]), value, longLiteral(range[1]));
    }
    return low
        ? CodeBlock.of("$L < $L", value, longLiteral(range[0]))
        : CodeBlock.of("$L > $L", value, longLiteral(range[1]));
  }

  /** A Java literal for {@code v} in a long context. */
  static String longLiteral(long v) {
    if (v == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    if (v == Long.MAX_VALUE) {
      return "Long.MAX_VALUE";
    }
    return v + "L";
  }
}
