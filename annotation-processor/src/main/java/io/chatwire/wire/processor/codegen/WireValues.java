package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.WireKind;

/** Read and write expressions for fixed-width integer-like leaves, shared by both generators. */
final class WireValues {
  private WireValues() {}

  /** The largest unsigned value {@code bytes} hold, capped at {@code Long.MAX_VALUE}. */
  static long unsignedMax(int bytes) {
    return bytes >= 8 ? Long.MAX_VALUE : (1L << (8 * bytes)) - 1;
  }

  /** An expression reading the raw value of an integer, boolean or enum-code leaf as a long. */
  static CodeBlock rawLong(Leaf leaf, String buffer, CodeBlock index, boolean big) {
    FieldDescriptor f = leaf.field();
    int w = f.bytes();
    if (f.kind() == WireKind.WIDE_INTEGER) {
      CodeBlock low = big ? CodeBlock.of("$L + $L", index, w - 8) : index;
      return CodeBlock.of("$T.getUnsigned($L, $L, 8, $L)", Names.WIRE_BUFFERS, buffer, low, big);
    }
    if (w == 1 && !f.signed()) {
      // One byte needs no byte order: read it directly rather than through WireBuffers.
      return CodeBlock.of("($L.get($L) & 0xFFL)", buffer, index);
    }
    String method = f.signed() ? "getSigned" : "getUnsigned";
    return CodeBlock.of("$T.$L($L, $L, $L, $L)", Names.WIRE_BUFFERS, method, buffer, index, w, big);
  }

  /** An expression of the component's Java type reading the leaf. */
  static CodeBlock typed(Leaf leaf, String buffer, CodeBlock index, boolean big) {
    FieldDescriptor f = leaf.field();
    switch (f.kind()) {
      case BOOLEAN:
        return CodeBlock.of("$L.get($L) != 0", buffer, index);
      case ENUM:
        return CodeBlock.of(
            "$L.get($L)", Names.codesConstant(leaf), rawLong(leaf, buffer, index, big));
      case INTEGER:
      case WIDE_INTEGER:
        if (f.primitive().equals("long")) {
          return rawLong(leaf, buffer, index, big);
        }
        return CodeBlock.of("($L) $L", f.primitive(), rawLong(leaf, buffer, index, big));
      default:
        throw new IllegalArgumentException("not a fixed scalar: " + f.kind());
    }
  }

  /** Statements writing {@code value} (a long, boolean or enum expression) at {@code index}. */
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
        return CodeBlock.of(
            "$T.putInteger($L, $L, $L, $L, $L.code());\n",
            Names.WIRE_BUFFERS,
            buffer,
            index,
            w,
            big,
            value);
      case WIDE_INTEGER:
        return wideWrite(buffer, index, w, value, big);
      default:
        if (w == 1 && !f.primitive().equals("byte")) {
          return CodeBlock.of("$L.put($L, (byte) $L);\n", buffer, index, value);
        }
        return CodeBlock.of(
            "$T.putInteger($L, $L, $L, $L, $L);\n",
            Names.WIRE_BUFFERS,
            buffer,
            index,
            w,
            big,
            value);
    }
  }

  private static CodeBlock wideWrite(
      String buffer, CodeBlock index, int w, CodeBlock value, boolean big) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (big) {
      b.addStatement(
          "$T.fillZeros($L, $L, $L + $L)", Names.WIRE_BUFFERS, buffer, index, index, w - 8);
      b.addStatement(
          "$T.putInteger($L, $L + $L, 8, true, $L)",
          Names.WIRE_BUFFERS,
          buffer,
          index,
          w - 8,
          value);
    } else {
      b.addStatement(
          "$T.putInteger($L, $L, 8, false, $L)", Names.WIRE_BUFFERS, buffer, index, value);
      b.addStatement(
          "$T.fillZeros($L, $L + 8, $L + $L)", Names.WIRE_BUFFERS, buffer, index, index, w);
    }
    return b.build();
  }

  /** The inclusive range a Java value must be in to be encoded, or null when any value fits. */
  static long[] encodeRange(FieldDescriptor f) {
    if (f.kind() != WireKind.INTEGER && f.kind() != WireKind.WIDE_INTEGER) {
      return null;
    }
    int w = f.bytes();
    long lo;
    long hi;
    int typeBits = typeBits(f.primitive());
    if (f.signed()) {
      lo = w >= 8 ? Long.MIN_VALUE : -(1L << (8 * w - 1));
      hi = w >= 8 ? Long.MAX_VALUE : (1L << (8 * w - 1)) - 1;
    } else {
      lo = 0;
      hi = unsignedMax(w);
    }
    if (f.max() >= 0 && f.max() < hi) {
      hi = f.max();
    }
    long typeLo = typeBits >= 64 ? Long.MIN_VALUE : -(1L << (typeBits - 1));
    long typeHi = typeBits >= 64 ? Long.MAX_VALUE : (1L << (typeBits - 1)) - 1;
    if (lo <= typeLo && hi >= typeHi) {
      return null;
    }
    return new long[] {lo, hi};
  }

  static int typeBits(String primitive) {
    switch (primitive) {
      case "byte":
        return 8;
      case "short":
        return 16;
      case "int":
        return 32;
      default:
        return 64;
    }
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
