package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the decoder's checking code: {@code tryWrap}, {@code tryWrapFixedPart} and {@code
 * frameLength}. Every check runs on locals; the decoder's fields change only once the whole frame
 * is known to be valid. In the {@code try} methods a problem is recorded in the decoder and
 * answered with {@code false}, allocating nothing; {@code frameLength} throws.
 */
final class FrameValidation {
  static final ClassName PROBLEM = ClassName.get(Names.RUNTIME, "FrameProblem");

  /** How a check reports a problem: as a returned failure or as a thrown exception. */
  private interface Failure {
    CodeBlock emit(Leaf leaf, CodeBlock offset, String problem, CodeBlock value, CodeBlock limit);
  }

  private final MessageLayout layout;
  private final boolean big;
  private final String recordName;
  private final Failure returning;
  private final Failure throwing;
  // The text fields, in field order: tryWrap checks them together after the structure.
  private final List<Leaf> texts = new ArrayList<>();

  FrameValidation(MessageLayout layout) {
    this.layout = layout;
    this.big = layout.message().bigEndian();
    this.recordName = layout.message().simpleName();
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.STRING) {
        texts.add(leaf);
      }
    }
    this.returning =
        (leaf, offset, problem, value, limit) ->
            CodeBlock.of(
                "return fail($L, $L, $T.$L, $L, $L)",
                leaf == null ? -1 : leaf.index(),
                offset,
                PROBLEM,
                problem,
                value,
                limit);
    this.throwing =
        (leaf, offset, problem, value, limit) ->
            CodeBlock.of(
                "throw $T.exception($S, $L, $T.$L, $L, $L)",
                PROBLEM,
                leaf == null ? recordName : leaf.path(),
                offset,
                PROBLEM,
                problem,
                value,
                limit);
  }

  /**
   * Stores the buffer only when it changes: a reference store pays the collector's write barrier,
   * and flyweights are usually re-wrapped over the same buffer.
   */
  static CodeBlock storeBuffer() {
    return CodeBlock.builder()
        .beginControlFlow("if (this.buffer != src)")
        .addStatement("this.buffer = src")
        .endControlFlow()
        .build();
  }

  private boolean limited() {
    return layout.maxLength() != Integer.MAX_VALUE;
  }

  private static CodeBlock of(String format, Object... args) {
    return CodeBlock.of(format, args);
  }

  private static final CodeBlock ZERO = CodeBlock.of("0");

  CodeBlock wrapBody() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, length, src.limit())", Names.OBJECTS);
    if (limited()) {
      b.beginControlFlow("if (length > MAX_LENGTH)")
          .addStatement(
              "$L", returning.emit(null, ZERO, "OVER_MAX_LENGTH", of("length"), of("MAX_LENGTH")))
          .endControlFlow();
    }
    if (layout.fixedLength() > 0) {
      b.beginControlFlow("if (length < FIXED_LENGTH)")
          .addStatement("return failFixedPart(length)")
          .endControlFlow();
    }
    b.addStatement("int end = offset + length");
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      b.add(check(leaf, false));
    }
    if (!layout.endsWithRemainder()) {
      b.beginControlFlow("if (pos != end)")
          .addStatement(
              "$L",
              returning.emit(null, of("pos - offset"), "TRAILING_BYTES", of("end - pos"), ZERO))
          .endControlFlow();
    }
    b.add(textChecks());
    b.add(storeBuffer());
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = length");
    for (Leaf leaf : layout.leaves()) {
      if (!leaf.hasStaticOffset()) {
        b.addStatement("this.$L = $L", Names.offsetField(leaf), Names.offsetField(leaf));
      }
      if (!leaf.isFixed()) {
        b.addStatement("this.$L = $L", Names.lengthField(leaf), Names.lengthField(leaf));
      }
    }
    b.addStatement("return true");
    return b.build();
  }

  CodeBlock fixedPartBody() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, available, src.limit())", Names.OBJECTS);
    if (layout.fixedLength() > 0) {
      b.beginControlFlow("if (available < FIXED_LENGTH)")
          .addStatement("return failFixedPart(available)")
          .endControlFlow();
    }
    b.addStatement("int end = offset + available");
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      if (inFixedPart(leaf)) {
        b.add(check(leaf, true));
      }
    }
    b.add(storeBuffer());
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = FIXED_LENGTH");
    b.addStatement("return true");
    return b.build();
  }

  /** Whether the leaf lies in the first FIXED_LENGTH bytes, checked for length all at once. */
  private static boolean inFixedPart(Leaf leaf) {
    return leaf.hasStaticOffset() && leaf.isFixed();
  }

  /** The cold path of the one up-front length check: which fixed-part field the frame ends in. */
  MethodSpec failFixedPart() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("failFixedPart")
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeName.INT, "available");
    for (Leaf leaf : layout.leaves()) {
      if (inFixedPart(leaf)) {
        int start = leaf.staticOffset();
        m.beginControlFlow("if (available < $L)", start + leaf.width())
            .addStatement(
                "$L",
                returning.emit(
                    leaf,
                    of("$L", start),
                    "TRUNCATED",
                    of("$L", leaf.width()),
                    of("available - $L", start)))
            .endControlFlow();
      }
    }
    return m.addStatement("return true").build();
  }

  /**
   * The UTF-8 checks of {@code tryWrap}, after every structural check has passed: one ASCII pass
   * from the first text field's start to the last one's end (bytes of other fields in between only
   * make it fail), and {@link #validText} only when that pass finds a byte with its high bit set.
   * Text is usually ASCII, and one small loop instead of one strict check per field keeps the
   * compiled {@code tryWrap} small enough for C2 to inline into its callers.
   */
  private CodeBlock textChecks() {
    if (texts.isEmpty()) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder args = CodeBlock.builder().add("src, offset");
    for (Leaf leaf : texts) {
      args.add(", $L, $L", start(leaf), end(leaf));
    }
    return CodeBlock.builder()
        .beginControlFlow(
            "if (!$T.isAscii(src, $L, $L) && !validText($L))",
            Names.UTF8,
            start(texts.get(0)),
            end(texts.get(texts.size() - 1)),
            args.build())
        .addStatement("return false")
        .endControlFlow()
        .build();
  }

  /** Whether the decoder has text fields, and so a {@link #validText} method. */
  boolean hasText() {
    return !texts.isEmpty();
  }

  /**
   * The cold path of {@link #textChecks}: the strict check of each text field, in field order,
   * recording the first malformed one.
   */
  MethodSpec validText() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("validText")
            .addJavadoc(
                "The strict UTF-8 check of every text field, once {@code isAscii} has found a byte"
                    + " above 0x7f.\n")
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.BOOLEAN)
            .addParameter(Names.BYTE_BUFFER, "src")
            .addParameter(TypeName.INT, "offset");
    for (Leaf leaf : texts) {
      String from = Names.textFrom(leaf);
      String to = Names.textTo(leaf);
      m.addParameter(TypeName.INT, from).addParameter(TypeName.INT, to);
      m.addCode(utf8Check(leaf, of("$L", from), of("$L", to)));
    }
    return m.addStatement("return true").build();
  }

  /** The absolute start of a leaf in {@code tryWrap}, once its checks have run. */
  private static CodeBlock start(Leaf leaf) {
    return leaf.hasStaticOffset()
        ? of("offset + $L", leaf.staticOffset())
        : of("$L", Names.offsetField(leaf));
  }

  /** The absolute end of a leaf in {@code tryWrap}, once its checks have run. */
  private static CodeBlock end(Leaf leaf) {
    return leaf.isFixed()
        ? of("$L + $L", start(leaf), leaf.width())
        : of("$L + $L", start(leaf), Names.lengthField(leaf));
  }

  /**
   * Validation of one leaf at {@code pos}, advancing {@code pos}; text is checked here only if
   * {@code withText} (else by {@link #textChecks}).
   */
  private CodeBlock check(Leaf leaf, boolean withText) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock at = of("pos - offset");
    if (f.lengthMode() == LengthMode.FIXED) {
      if (!inFixedPart(leaf)) {
        b.beginControlFlow("if (end - pos < $L)", f.bytes())
            .addStatement(
                "$L", returning.emit(leaf, at, "TRUNCATED", of("$L", f.bytes()), of("end - pos")))
            .endControlFlow();
      }
      if (withText || f.kind() != WireKind.STRING) {
        b.add(fixedChecks(leaf));
      }
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
          .addStatement("$L", returning.emit(leaf, at, "PAST_END", of(size), of("end - pos")))
          .endControlFlow();
      b.addStatement("int $L = (int) $L", len, size);
    } else {
      b.addStatement("int $L = end - pos", len);
    }
    if (f.max() >= 0) {
      b.beginControlFlow("if ($L > $LL)", len, f.max())
          .addStatement("$L", returning.emit(leaf, at, "OVER_MAX", of(len), of("$LL", f.max())))
          .endControlFlow();
    }
    if (withText && f.kind() == WireKind.STRING) {
      b.add(utf8Check(leaf, of("pos"), of("pos + $L", len)));
    }
    if (!leaf.hasStaticOffset()) {
      b.addStatement("int $L = pos", Names.offsetField(leaf));
    }
    b.addStatement("pos += $L", len);
    return b.build();
  }

  /** The strict check of one text field, in a block of its own (it declares {@code bad}). */
  private CodeBlock utf8Check(Leaf leaf, CodeBlock from, CodeBlock to) {
    return CodeBlock.builder()
        .add("{\n$>")
        .addStatement("int bad = $T.firstMalformed(src, $L, $L)", Names.UTF8, from, to)
        .beginControlFlow("if (bad >= 0)")
        .addStatement("$L", returning.emit(leaf, of("bad - offset"), "MALFORMED_UTF8", ZERO, ZERO))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** Checks on the value of a fixed-width leaf at {@code pos} (already known to fit). */
  private CodeBlock fixedChecks(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock at = of("pos - offset");
    switch (f.kind()) {
      case BOOLEAN:
        b.beginControlFlow("if ((src.get(pos) & 0xFE) != 0)")
            .addStatement(
                "$L", returning.emit(leaf, at, "NOT_BOOLEAN", of("src.get(pos) & 0xFF"), ZERO))
            .endControlFlow();
        return b.build();
      case ENUM:
        b.add("{\n$>")
            .addStatement("long code = $L", WireValues.rawLong(leaf, "src", of("pos"), big))
            .beginControlFlow("if ($L.get(code) == null)", Names.codesConstant(leaf))
            .addStatement("$L", returning.emit(leaf, at, "UNKNOWN_CODE", of("code"), ZERO))
            .endControlFlow()
            .endControlFlow();
        return b.build();
      case STRING:
        return utf8Check(leaf, of("pos"), of("pos + $L", f.bytes()));
      case BYTES:
        return b.build();
      default:
        return integerChecks(leaf, "pos", returning);
    }
  }

  private CodeBlock integerChecks(Leaf leaf, String p, Failure failure) {
    FieldDescriptor f = leaf.field();
    boolean wide = f.kind() == WireKind.WIDE_INTEGER;
    boolean topBit = !f.signed() && f.bytes() >= 8;
    boolean max = f.max() >= 0;
    CodeBlock.Builder b = CodeBlock.builder();
    if (wide) {
      int w = f.bytes();
      CodeBlock from = big ? of("$L", p) : of("$L + 8", p);
      CodeBlock to = big ? of("$L + $L", p, w - 8) : of("$L + $L", p, w);
      b.add("{\n$>")
          .addStatement("int nonZero = $T.firstNonZero(src, $L, $L)", Names.WIRE_BUFFERS, from, to)
          .beginControlFlow("if (nonZero >= 0)")
          .addStatement(
              "$L", failure.emit(leaf, of("nonZero - offset"), "HIGH_BYTES", of("$L", w), ZERO))
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
    b.addStatement("long $L = $L", local, WireValues.rawLong(leaf, "src", of("$L", p), big));
    if (topBit) {
      b.beginControlFlow("if ($L < 0)", local)
          .addStatement("$L", failure.emit(leaf, of("$L - offset", p), "OVER_LONG_MAX", ZERO, ZERO))
          .endControlFlow();
    }
    if (max) {
      b.beginControlFlow("if ($L > $LL)", local, f.max())
          .addStatement(
              "$L",
              failure.emit(leaf, of("$L - offset", p), "OVER_MAX", of(local), of("$LL", f.max())))
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
          b.add(integerChecks(leaf, at, throwing));
        }
        b.addStatement("pos += $L", f.bytes());
      } else if (f.lengthMode() == LengthMode.SIZE_FROM) {
        Leaf source = layout.leaves().get(leaf.sizeSource());
        b.addStatement("pos += $L", Names.sizeLocal(source));
        if (limited()) {
          b.beginControlFlow("if (pos - offset > MAX_LENGTH)")
              .addStatement(
                  "$L",
                  throwing.emit(
                      source,
                      of("at$L - offset", Names.capitalize(source.accessor())),
                      "DECLARED_OVER_MAX_LENGTH",
                      of("pos - offset"),
                      of("MAX_LENGTH")))
              .endControlFlow();
        }
      } else {
        b.addStatement("pos = Math.max(pos, end)");
      }
    }
    if (limited()) {
      b.beginControlFlow("if (pos - offset > MAX_LENGTH)")
          .addStatement(
              "$L",
              throwing.emit(null, ZERO, "OVER_MAX_LENGTH", of("pos - offset"), of("MAX_LENGTH")))
          .endControlFlow();
    }
    b.addStatement("return (int) (pos - offset)");
    return m.addCode(b.build()).build();
  }
}
