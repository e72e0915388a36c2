package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import javax.lang.model.element.Modifier;

/**
 * Generates the static {@code frameLength}: walks the length fields of a frame that may not have
 * fully arrived, and answers its whole length, {@code -1} while more bytes are needed, or throws.
 *
 * <p>Never overflows: {@code pos - offset} stays at most {@code MAX_LENGTH} (which is {@code
 * Integer.MAX_VALUE} without a {@code maxLength}) because every declared length or count is
 * compared with the room left <em>before</em> it is added, in {@code long}. The answer is therefore
 * {@code -1} or a value from {@code MIN_LENGTH} to {@code MAX_LENGTH}.
 */
final class FrameLength {
  private static final CodeBlock ZERO = LeafChecks.ZERO;

  private final MessageLayout layout;
  private final LeafChecks checks;
  private final Failure throwing;

  FrameLength(MessageLayout layout) {
    this.layout = layout;
    this.checks = new LeafChecks(layout, true);
    this.throwing = Failure.throwing(layout.message().simpleName());
  }

  private static CodeBlock of(String format, Object... args) {
    return CodeBlock.of(format, args);
  }

  private static String at(Leaf leaf) {
    return "at" + Names.capitalize(leaf.accessor());
  }

  MethodSpec method() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("frameLength")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(TypeName.INT)
            .addParameter(Names.BYTE_BUFFER, "src")
            .addParameter(TypeName.INT, "offset")
            .addParameter(TypeName.INT, "available")
            .addJavadoc(
                "The length of the frame starting at {@code offset}, for stream transports.\n\n"
                    + "@param src the buffer\n"
                    + "@param offset absolute index of the frame's first byte\n"
                    + "@param available how many bytes from {@code offset} have arrived\n"
                    + "@return the whole frame's length (from {@link #MIN_LENGTH} to {@link"
                    + " #MAX_LENGTH}) once its fixed part and every length field are readable, or"
                    + " {@code -1} while more bytes are needed$L\n"
                    + "@throws $T as soon as the declared length passes {@link #MAX_LENGTH} (or"
                    + " what an {@code int} can hold) or a length field is invalid\n",
                layout.endsWithRemainder()
                    ? " (a frame ending in a remainder field takes everything available)"
                    : "",
                Names.MALFORMED);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, available, src.limit())", Names.OBJECTS);
    b.beginControlFlow("if (available < FIXED_LENGTH)").addStatement("return -1").endControlFlow();
    b.addStatement("long end = (long) offset + available");
    b.addStatement("long pos = offset");
    // Whether pos may have passed MAX_LENGTH since the last check: a declared length or count is
    // checked before it is added; fixed fields before any variable one add up to MIN_LENGTH at
    // most.
    boolean unchecked = false;
    boolean variableSeen = false;
    for (Leaf leaf : layout.leaves()) {
      b.add(step(leaf));
      switch (leaf.field().lengthMode()) {
        case FIXED, BITS -> unchecked |= variableSeen && leaf.advance() > 0;
        case VARINT, NUL_TERMINATED, REMAINDER -> {
          unchecked = true;
          variableSeen = true;
        }
        case SIZE_FROM, COUNT_FROM -> {
          unchecked = false;
          variableSeen = true;
        }
        case NESTED -> throw new IllegalArgumentException("nested records are flattened");
      }
    }
    if (unchecked) {
      b.beginControlFlow("if (pos - offset > MAX_LENGTH)")
          .add(throwing.emit(null, ZERO, "OVER_MAX_LENGTH", of("pos - offset"), of("MAX_LENGTH")))
          .endControlFlow();
    }
    b.addStatement("return (int) (pos - offset)");
    return m.addCode(b.build()).build();
  }

  private CodeBlock step(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.lengthMode()) {
      case FIXED, BITS -> {
        if (leaf.isSizeSource()) {
          b.beginControlFlow("if (pos + $L > end)", leaf.width())
              .addStatement("return -1")
              .endControlFlow();
          b.addStatement("int $L = (int) pos", at(leaf));
          b.add(checks.integerChecks(leaf, at(leaf), throwing));
        }
        if (leaf.advance() > 0) {
          b.addStatement("pos += $L", leaf.advance());
        }
      }
      case VARINT -> {
        String n = Names.lengthField(leaf);
        b.addStatement(
            "int $L = $T.varintLength(src, (int) Math.min(pos, end), (int) end, $L)",
            n,
            Names.WIRE_BUFFERS,
            f.valueBits());
        b.beginControlFlow("if ($L == $T.VARINT_TRUNCATED)", n, Names.WIRE_BUFFERS)
            .addStatement("return -1")
            .endControlFlow();
        CodeBlock at = of("(int) (pos - offset)");
        b.beginControlFlow("if ($L == $T.VARINT_OVERLONG)", n, Names.WIRE_BUFFERS)
            .add(throwing.emit(leaf, at, "VARINT_OVERLONG", ZERO, ZERO))
            .endControlFlow();
        b.beginControlFlow("if ($L < 0)", n)
            .add(throwing.emit(leaf, at, "VARINT_OVERFLOW", of("$L", f.valueBits()), ZERO))
            .endControlFlow();
        if (leaf.isSizeSource() || f.max() >= 0) {
          b.addStatement("int $L = (int) pos", at(leaf));
          b.add(checks.integerChecks(leaf, at(leaf), throwing));
        }
        b.addStatement("pos += $L", n);
      }
      case NUL_TERMINATED -> {
        String zero = leaf.accessor() + "Zero";
        b.addStatement(
            "int $L = $T.indexOfZero(src, (int) Math.min(pos, end), (int) end)",
            zero,
            Names.WIRE_BUFFERS);
        b.beginControlFlow("if ($L < 0)", zero);
        b.beginControlFlow("if (end - offset > MAX_LENGTH)")
            .add(throwing.emit(leaf, of("(int) (pos - offset)"), "NO_TERMINATOR", ZERO, ZERO))
            .endControlFlow();
        b.addStatement("return -1").endControlFlow();
        b.addStatement("pos = $L + 1", zero);
      }
      case SIZE_FROM, COUNT_FROM -> b.add(declared(leaf));
      case REMAINDER -> b.addStatement("pos = Math.max(pos, end)");
      case NESTED -> throw new IllegalArgumentException("nested records are flattened");
    }
    return b.build();
  }

  /** A length or count from an earlier field: checked against the room left, then added. */
  private CodeBlock declared(Leaf leaf) {
    Leaf source = layout.leaves().get(leaf.sizeSource());
    String value = Names.sizeLocal(source);
    CodeBlock room = of("MAX_LENGTH - (pos - offset)");
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock sourceAt = of("$L - offset", at(source));
    boolean count = leaf.field().lengthMode() == LengthMode.COUNT_FROM;
    if (!count) {
      b.beginControlFlow("if ($L)", LeafChecks.over(source, value, room))
          .add(tooLong(source, sourceAt, of("pos - offset + $L", value)))
          .endControlFlow();
      return b.addStatement("pos += $L", value).build();
    }
    ListElement element = ListElement.of(leaf);
    CodeBlock most = of("($L) / $L", room, element.minLength());
    b.beginControlFlow("if ($L)", LeafChecks.over(source, value, most))
        .add(tooLong(source, sourceAt, of("pos - offset + $L * $L", value, element.minLength())))
        .endControlFlow();
    if (element.fixed()) {
      return b.addStatement("pos += $L * $L", value, element.width()).build();
    }
    String n = "n" + Names.capitalize(leaf.accessor());
    b.beginControlFlow("for (long i = 0; i < $L; i++)", value)
        .beginControlFlow("if (pos >= end)")
        .addStatement("return -1")
        .endControlFlow()
        .addStatement("int $L", n)
        .beginControlFlow("try")
        .addStatement(
            "$L = $T.frameLength(src, (int) pos, (int) (end - pos))", n, element.decoder())
        .nextControlFlow("catch ($T e)", Names.MALFORMED)
        .addStatement(
            "throw $T.inElement($S, i, (int) (pos - offset), e)", Names.FRAME_PROBLEM, leaf.path())
        .endControlFlow()
        .beginControlFlow("if ($L < 0)", n)
        .addStatement("return -1")
        .endControlFlow()
        .addStatement("pos += $L", n)
        .beginControlFlow("if (pos - offset > MAX_LENGTH)")
        .add(throwing.emit(null, ZERO, "OVER_MAX_LENGTH", of("pos - offset"), of("MAX_LENGTH")))
        .endControlFlow()
        .endControlFlow();
    return b.build();
  }

  private CodeBlock tooLong(Leaf source, CodeBlock sourceAt, CodeBlock atLeast) {
    return throwing.emit(source, sourceAt, "DECLARED_OVER_MAX_LENGTH", atLeast, of("MAX_LENGTH"));
  }
}
