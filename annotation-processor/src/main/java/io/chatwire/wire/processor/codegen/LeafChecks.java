package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;

/**
 * The checks of one leaf at {@code pos}, for the decoder's {@code try} methods: each declares the
 * leaf's locals ({@code <leaf>Offset} when not static, {@code <leaf>Length} when variable, {@code
 * <leaf>Count} for lists, {@code size<Leaf>} for size and count sources) and advances {@code pos}.
 * In scope: {@code src}, {@code offset}, {@code end}, {@code pos}.
 */
final class LeafChecks {
  private final MessageLayout layout;
  private final boolean big;
  private final boolean keepSizes;

  /**
   * Checks for {@code layout}.
   *
   * @param keepSizes whether size and count sources keep their value in a {@code size<Leaf>} local
   *     for the fields they size (not when only the fixed part is checked)
   */
  LeafChecks(MessageLayout layout, boolean keepSizes) {
    this.layout = layout;
    this.big = layout.message().bigEndian();
    this.keepSizes = keepSizes;
  }

  private static CodeBlock of(String format, Object... args) {
    return CodeBlock.of(format, args);
  }

  static final CodeBlock ZERO = CodeBlock.of("0");

  /** Whether the leaf lies in the first FIXED_LENGTH bytes, checked for length all at once. */
  static boolean inFixedPart(Leaf leaf) {
    return leaf.hasStaticOffset() && leaf.isFixed();
  }

  /** Whether a size or count source's value can be negative as a Java long (a 64-bit pattern). */
  static boolean mayBeNegative(Leaf source) {
    return WireValues.fullWidthUnsigned(source.field());
  }

  /** {@code size > limit}, also true for a 64-bit size whose top bit is set. */
  static CodeBlock over(Leaf source, String size, CodeBlock limit) {
    return mayBeNegative(source)
        ? of("$L < 0 || $L > $L", size, size, limit)
        : of("$L > $L", size, limit);
  }

  /**
   * Validation of one leaf at {@code pos}, advancing {@code pos}; text is checked here only if
   * {@code withText} (else by the caller, all text fields at once).
   */
  CodeBlock check(Leaf leaf, boolean withText, Failure failure) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock at = of("pos - offset");
    String len = Names.lengthField(leaf);
    switch (f.lengthMode()) {
      case FIXED, BITS -> {
        if (!inFixedPart(leaf) && leaf.startsBytes()) {
          b.beginControlFlow("if (end - pos < $L)", leaf.width())
              .add(failure.emit(leaf, at, "TRUNCATED", of("$L", leaf.width()), of("end - pos")))
              .endControlFlow();
        }
        if (withText || f.kind() != WireKind.STRING) {
          b.add(valueChecks(leaf, "pos", failure));
        }
        offsetLocal(b, leaf);
        if (leaf.advance() > 0) {
          b.addStatement("pos += $L", leaf.advance());
        }
        return b.build();
      }
      case VARINT -> {
        b.addStatement(
            "int $L = $T.varintLength(src, pos, end, $L)", len, Names.WIRE_BUFFERS, f.valueBits());
        b.beginControlFlow("if ($L < 0)", len)
            .beginControlFlow("if ($L == $T.VARINT_TRUNCATED)", len, Names.WIRE_BUFFERS)
            .add(failure.emit(leaf, at, "TRUNCATED", of("end - pos + 1"), of("end - pos")))
            .endControlFlow()
            .beginControlFlow("if ($L == $T.VARINT_OVERLONG)", len, Names.WIRE_BUFFERS)
            .add(failure.emit(leaf, at, "VARINT_OVERLONG", ZERO, ZERO))
            .endControlFlow()
            .add(failure.emit(leaf, at, "VARINT_OVERFLOW", of("$L", f.valueBits()), ZERO))
            .endControlFlow();
        b.add(valueChecks(leaf, "pos", failure));
        offsetLocal(b, leaf);
        b.addStatement("pos += $L", len);
        return b.build();
      }
      case NUL_TERMINATED -> {
        String zero = leaf.accessor() + "Zero";
        b.addStatement("int $L = $T.indexOfZero(src, pos, end)", zero, Names.WIRE_BUFFERS);
        b.beginControlFlow("if ($L < 0)", zero)
            .add(failure.emit(leaf, at, "NO_TERMINATOR", ZERO, ZERO))
            .endControlFlow();
        b.addStatement("int $L = $L - pos", len, zero);
        byteRangeChecks(b, leaf, withText, failure);
        offsetLocal(b, leaf);
        b.addStatement("pos = $L + 1", zero);
        return b.build();
      }
      case SIZE_FROM, REMAINDER, COUNT_FROM -> {
        if (f.kind() == WireKind.LIST) {
          b.add(new ListChecks(layout, leaf).check(failure));
          offsetLocal(b, leaf);
          b.addStatement("pos += $L", len);
          return b.build();
        }
        if (f.lengthMode() == LengthMode.SIZE_FROM) {
          Leaf source = layout.leaves().get(leaf.sizeSource());
          String size = Names.sizeLocal(source);
          b.beginControlFlow("if ($L)", over(source, size, of("end - pos")))
              .add(failure.emit(leaf, at, "PAST_END", of(size), of("end - pos")))
              .endControlFlow();
          b.addStatement("int $L = (int) $L", len, size);
        } else {
          b.addStatement("int $L = end - pos", len);
        }
        byteRangeChecks(b, leaf, withText, failure);
        offsetLocal(b, leaf);
        b.addStatement("pos += $L", len);
        return b.build();
      }
      case NESTED -> throw new IllegalArgumentException("nested records are flattened");
    }
    throw new AssertionError(f.lengthMode());
  }

  private static void offsetLocal(CodeBlock.Builder b, Leaf leaf) {
    if (!leaf.hasStaticOffset()) {
      b.addStatement("int $L = pos", Names.offsetField(leaf));
    }
  }

  /** The {@code max} and (when {@code withText}) UTF-8 checks of a variable byte range at pos. */
  private void byteRangeChecks(CodeBlock.Builder b, Leaf leaf, boolean withText, Failure failure) {
    FieldDescriptor f = leaf.field();
    String len = Names.lengthField(leaf);
    if (f.max() >= 0) {
      b.beginControlFlow("if ($L > $LL)", len, f.max())
          .add(failure.emit(leaf, of("pos - offset"), "OVER_MAX", of(len), of("$LL", f.max())))
          .endControlFlow();
    }
    if (withText && f.kind() == WireKind.STRING) {
      b.add(utf8Check(leaf, of("pos"), of("pos + $L", len), failure));
    }
  }

  /** The strict check of one text field, in a block of its own (it declares {@code bad}). */
  static CodeBlock utf8Check(Leaf leaf, CodeBlock from, CodeBlock to, Failure failure) {
    return CodeBlock.builder()
        .add("{\n$>")
        .addStatement("int bad = $T.firstMalformed(src, $L, $L)", Names.UTF8, from, to)
        .beginControlFlow("if (bad >= 0)")
        .add(failure.emit(leaf, of("bad - offset"), "MALFORMED_UTF8", ZERO, ZERO))
        .endControlFlow()
        .add("$<}\n")
        .build();
  }

  /** Checks on the value of a fixed-width leaf or varint at {@code p} (known to be readable). */
  CodeBlock valueChecks(Leaf leaf, String p, Failure failure) {
    return valueChecks(leaf, p, of("$L - offset", p), failure);
  }

  /** {@link #valueChecks(Leaf, String, Failure)} with the frame offset {@code at} given. */
  CodeBlock valueChecks(Leaf leaf, String p, CodeBlock at, Failure failure) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.kind()) {
      case BOOLEAN -> {
        if (!leaf.isBits()) {
          b.beginControlFlow("if ((src.get($L) & 0xFE) != 0)", p)
              .add(failure.emit(leaf, at, "NOT_BOOLEAN", of("src.get($L) & 0xFF", p), ZERO))
              .endControlFlow();
        }
      }
      case ENUM ->
          b.add("{\n$>")
              .addStatement("long code = $L", WireValues.rawLong(leaf, "src", of(p), big))
              .beginControlFlow("if ($L.get(code) == null)", Names.codesConstant(leaf))
              .add(failure.emit(leaf, at, "UNKNOWN_CODE", of("code"), ZERO))
              .endControlFlow()
              .add("$<}\n");
      case STRING -> b.add(utf8Check(leaf, of(p), of("$L + $L", p, f.bytes()), failure));
      case INTEGER, WIDE_INTEGER -> b.add(integerChecks(leaf, p, at, failure));
      case BYTES, FLOAT -> {}
      case MESSAGE, LIST -> throw new IllegalArgumentException("not a scalar: " + f.kind());
    }
    return b.build();
  }

  /**
   * High bytes of wide integers, {@code max}, and the {@code size<Leaf>} local of a size or count
   * source.
   */
  CodeBlock integerChecks(Leaf leaf, String p, Failure failure) {
    return integerChecks(leaf, p, of("$L - offset", p), failure);
  }

  private CodeBlock integerChecks(Leaf leaf, String p, CodeBlock at, Failure failure) {
    FieldDescriptor f = leaf.field();
    boolean wide = f.kind() == WireKind.WIDE_INTEGER;
    boolean max = f.max() >= 0;
    CodeBlock.Builder b = CodeBlock.builder();
    if (wide) {
      int w = f.bytes();
      CodeBlock from = big ? of("$L", p) : of("$L + 8", p);
      CodeBlock to = big ? of("$L + $L", p, w - 8) : of("$L + $L", p, w);
      b.add("{\n$>")
          .addStatement("int nonZero = $T.firstNonZero(src, $L, $L)", Names.WIRE_BUFFERS, from, to)
          .beginControlFlow("if (nonZero >= 0)")
          .add(failure.emit(leaf, of("nonZero - offset"), "HIGH_BYTES", of("$L", w), ZERO))
          .endControlFlow()
          .add("$<}\n");
    }
    boolean keep = leaf.isSizeSource() && keepSizes;
    if (!keep && !wide && !max) {
      return b.build();
    }
    String local = keep ? Names.sizeLocal(leaf) : "value";
    if (!keep) {
      b.add("{\n$>");
    }
    b.addStatement("long $L = $L", local, WireValues.rawLong(leaf, "src", of("$L", p), big));
    if (wide) {
      b.beginControlFlow("if ($L < 0)", local)
          .add(failure.emit(leaf, at, "OVER_LONG_MAX", ZERO, ZERO))
          .endControlFlow();
    }
    if (max) {
      CodeBlock over =
          WireValues.fullWidthUnsigned(f)
              ? of("Long.compareUnsigned($L, $LL) > 0", local, f.max())
              : of("$L > $LL", local, f.max());
      b.beginControlFlow("if ($L)", over)
          .add(failure.emit(leaf, at, "OVER_MAX", of(local), of("$LL", f.max())))
          .endControlFlow();
    }
    if (!keep) {
      b.add("$<}\n");
    }
    return b.build();
  }
}
