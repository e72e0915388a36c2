package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import javax.lang.model.element.Modifier;

/**
 * Generates the decoder's checking code: {@code wrap}, {@code wrapFixedPart} and {@code
 * frameLength}. Every check runs on locals; the decoder's fields change only once the whole frame
 * is known to be valid.
 */
final class FrameValidation {
  private final MessageLayout layout;
  private final boolean big;
  private final String recordName;

  FrameValidation(MessageLayout layout) {
    this.layout = layout;
    this.big = layout.message().bigEndian();
    this.recordName = layout.message().simpleName();
  }

  private boolean limited() {
    return layout.maxLength() != Integer.MAX_VALUE;
  }

  CodeBlock wrapBody() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, length, src.limit())", Names.OBJECTS);
    if (limited()) {
      b.beginControlFlow("if (length > MAX_LENGTH)")
          .addStatement(
              "throw new $T($S, 0, \"frame of \" + length + \" bytes is over maxLength \" +"
                  + " MAX_LENGTH)",
              Names.MALFORMED,
              recordName)
          .endControlFlow();
    }
    b.addStatement("int end = offset + length");
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      b.add(check(leaf));
    }
    if (!layout.endsWithRemainder()) {
      b.beginControlFlow("if (pos != end)")
          .addStatement(
              "throw new $T($S, pos - offset, (end - pos) + \" bytes follow the last field\")",
              Names.MALFORMED,
              recordName)
          .endControlFlow();
    }
    b.addStatement("this.buffer = src");
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = length");
    for (Leaf leaf : layout.leaves()) {
      if (!leaf.hasStaticOffset()) {
        b.addStatement("this.$L = $L", Names.offsetField(leaf), Names.offsetField(leaf));
      }
      if (Names.isVariable(leaf)) {
        b.addStatement("this.$L = $L", Names.lengthField(leaf), Names.lengthField(leaf));
      }
    }
    b.addStatement("return this");
    return b.build();
  }

  CodeBlock fixedPartBody() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, available, src.limit())", Names.OBJECTS);
    b.addStatement("int end = offset + available");
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      if (leaf.hasStaticOffset() && leaf.isFixed()) {
        b.add(check(leaf));
      }
    }
    b.addStatement("this.buffer = src");
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = FIXED_LENGTH");
    b.addStatement("return this");
    return b.build();
  }

  /** Validation of one leaf at {@code pos}, advancing {@code pos}. */
  private CodeBlock check(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    String path = leaf.path();
    if (f.lengthMode() == LengthMode.FIXED) {
      b.beginControlFlow("if (end - pos < $L)", f.bytes())
          .addStatement(
              "throw $T.truncated($S, pos - offset, $L, end - pos)",
              Names.MALFORMED,
              path,
              f.bytes())
          .endControlFlow();
      b.add(fixedChecks(leaf));
      if (!leaf.hasStaticOffset()) {
        b.addStatement("int $L = pos", Names.offsetField(leaf));
      }
      b.addStatement("pos += $L", f.bytes());
      return b.build();
    }
    String len = Names.lengthField(leaf);
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      String size = Names.sizeLocal(layout.leaves().get(leaf.sizeSource()));
      b.beginControlFlow("if ($L > end - pos)", size)
          .addStatement(
              "throw $T.pastEnd($S, pos - offset, $L, end - pos)", Names.MALFORMED, path, size)
          .endControlFlow();
      b.addStatement("int $L = (int) $L", len, size);
    } else {
      b.addStatement("int $L = end - pos", len);
    }
    if (f.max() >= 0) {
      b.beginControlFlow("if ($L > $LL)", len, f.max())
          .addStatement(
              "throw $T.overMax($S, pos - offset, $L, $LL)", Names.MALFORMED, path, len, f.max())
          .endControlFlow();
    }
    if (f.kind() == WireKind.STRING) {
      b.add(utf8Check(path, CodeBlock.of("pos + $L", len)));
    }
    if (!leaf.hasStaticOffset()) {
      b.addStatement("int $L = pos", Names.offsetField(leaf));
    }
    b.addStatement("pos += $L", len);
    return b.build();
  }

  private static CodeBlock utf8Check(String path, CodeBlock to) {
    return CodeBlock.builder()
        .add("{\n$>")
        .addStatement("int bad = $T.firstMalformed(src, pos, $L)", Names.UTF8, to)
        .beginControlFlow("if (bad >= 0)")
        .addStatement("throw new $T($S, bad - offset, \"malformed UTF-8\")", Names.MALFORMED, path)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Checks on the value of a fixed-width leaf at {@code pos} (already known to fit). */
  private CodeBlock fixedChecks(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String path = leaf.path();
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock at = CodeBlock.of("pos");
    switch (f.kind()) {
      case BOOLEAN:
        b.beginControlFlow("if ((src.get(pos) & 0xFE) != 0)")
            .addStatement(
                "throw new $T($S, pos - offset, \"boolean must be 0 or 1, was \" + (src.get(pos)"
                    + " & 0xFF))",
                Names.MALFORMED,
                path)
            .endControlFlow();
        return b.build();
      case ENUM:
        b.add("{\n$>")
            .addStatement("long code = $L", WireValues.rawLong(leaf, "src", at, big))
            .beginControlFlow("if ($L.get(code) == null)", Names.codesConstant(leaf))
            .addStatement(
                "throw new $T($S, pos - offset, \"unknown code \" + code + \" for $L\")",
                Names.MALFORMED,
                path,
                f.javaType())
            .endControlFlow()
            .endControlFlow();
        return b.build();
      case STRING:
        return utf8Check(path, CodeBlock.of("pos + $L", f.bytes()));
      case BYTES:
        return b.build();
      default:
        return integerChecks(leaf, "pos");
    }
  }

  private CodeBlock integerChecks(Leaf leaf, String p) {
    FieldDescriptor f = leaf.field();
    String path = leaf.path();
    boolean wide = f.kind() == WireKind.WIDE_INTEGER;
    boolean topBit = !f.signed() && f.bytes() >= 8;
    boolean max = f.max() >= 0;
    CodeBlock.Builder b = CodeBlock.builder();
    if (wide) {
      int w = f.bytes();
      CodeBlock from = big ? CodeBlock.of("$L", p) : CodeBlock.of("$L + 8", p);
      CodeBlock to = big ? CodeBlock.of("$L + $L", p, w - 8) : CodeBlock.of("$L + $L", p, w);
      b.add("{\n$>")
          .addStatement("int nonZero = $T.firstNonZero(src, $L, $L)", Names.WIRE_BUFFERS, from, to)
          .beginControlFlow("if (nonZero >= 0)")
          .addStatement(
              "throw new $T($S, nonZero - offset, \"bytes above the low 8 of this $L-byte field"
                  + " must be zero\")",
              Names.MALFORMED,
              path,
              w)
          .endControlFlow()
          .endControlFlow();
    }
    if (!leaf.isSizeSource() && !topBit && !max) {
      return b.build();
    }
    String local = leaf.isSizeSource() ? Names.sizeLocal(leaf) : "value";
    if (!leaf.isSizeSource()) {
      b.add("{\n$>");
    }
    b.addStatement(
        "long $L = $L", local, WireValues.rawLong(leaf, "src", CodeBlock.of("$L", p), big));
    if (topBit) {
      b.beginControlFlow("if ($L < 0)", local)
          .addStatement(
              "throw new $T($S, $L - offset, \"value is over Long.MAX_VALUE\")",
              Names.MALFORMED,
              path,
              p)
          .endControlFlow();
    }
    if (max) {
      b.beginControlFlow("if ($L > $LL)", local, f.max())
          .addStatement(
              "throw $T.overMax($S, $L - offset, $L, $LL)",
              Names.MALFORMED,
              path,
              p,
              local,
              f.max())
          .endControlFlow();
    }
    if (!leaf.isSizeSource()) {
      b.endControlFlow();
    }
    return b.build();
  }

  MethodSpec frameLength() {
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
                    + "@return the whole frame's length once its fixed part and every length"
                    + " field are readable, or {@code -1} while more bytes are needed$L\n"
                    + "@throws $T as soon as the declared length passes {@link #MAX_LENGTH} or a"
                    + " length field is invalid\n",
                layout.endsWithRemainder()
                    ? " (a frame ending in a remainder field takes everything available)"
                    : "",
                Names.MALFORMED);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, available, src.limit())", Names.OBJECTS);
    b.beginControlFlow("if (available < FIXED_LENGTH)").addStatement("return -1").endControlFlow();
    b.addStatement("long end = (long) offset + available");
    b.addStatement("long pos = offset");
    for (Leaf leaf : layout.leaves()) {
      FieldDescriptor f = leaf.field();
      if (f.lengthMode() == LengthMode.FIXED) {
        if (leaf.isSizeSource()) {
          b.beginControlFlow("if (pos + $L > end)", f.bytes())
              .addStatement("return -1")
              .endControlFlow();
          String at = "at" + Names.capitalize(leaf.accessor());
          b.addStatement("int $L = (int) pos", at);
          b.add(integerChecks(leaf, at));
        }
        b.addStatement("pos += $L", f.bytes());
      } else if (f.lengthMode() == LengthMode.SIZE_FROM) {
        Leaf source = layout.leaves().get(leaf.sizeSource());
        b.addStatement("pos += $L", Names.sizeLocal(source));
        if (limited()) {
          b.beginControlFlow("if (pos - offset > MAX_LENGTH)")
              .addStatement(
                  "throw new $T($S, at$L - offset, \"declared length makes the frame at"
                      + " least \" + (pos - offset) + \" bytes, over maxLength \" + MAX_LENGTH)",
                  Names.MALFORMED,
                  source.path(),
                  Names.capitalize(source.accessor()))
              .endControlFlow();
        }
      } else {
        b.addStatement("pos = Math.max(pos, end)");
      }
    }
    if (limited()) {
      b.beginControlFlow("if (pos - offset > MAX_LENGTH)")
          .addStatement(
              "throw new $T($S, 0, \"frame of \" + (pos - offset) + \" bytes is over maxLength \""
                  + " + MAX_LENGTH)",
              Names.MALFORMED,
              recordName)
          .endControlFlow();
    }
    b.addStatement("return (int) (pos - offset)");
    return m.addCode(b.build()).build();
  }
}
