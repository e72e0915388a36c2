package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.WireKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the bodies of the decoder's {@code tryWrap}, {@code tryWrapPrefix} and {@code
 * tryWrapFixedPart}. Every check runs on locals; the decoder's fields change only once the whole
 * frame is known to be valid. A problem is recorded in the decoder and answered with {@code false}
 * (or {@code -1}), allocating nothing.
 *
 * <pre>
 * tryWrap        [offset, offset + length) must be exactly one frame
 * tryWrapPrefix  a frame starts at offset and ends where its own lengths say, within available
 * </pre>
 */
final class FrameValidation {
  private static final CodeBlock ZERO = LeafChecks.ZERO;

  private final MessageLayout layout;
  private final LeafChecks checks;
  private final LeafChecks fixedPartChecks;
  // The text fields, in field order: tryWrap checks them together after the structure.
  private final List<Leaf> texts = new ArrayList<>();

  FrameValidation(MessageLayout layout) {
    this.layout = layout;
    this.checks = new LeafChecks(layout, true);
    this.fixedPartChecks = new LeafChecks(layout, false);
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.STRING) {
        texts.add(leaf);
      }
    }
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

  /** Whether some accessor reads outside the fixed part, so a fixed-part wrap must guard it. */
  boolean hasDynamicPart() {
    for (Leaf leaf : layout.leaves()) {
      if (!LeafChecks.inFixedPart(leaf)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The body of {@code tryWrap} ({@code exact}: parameters {@code src, offset, length}) or of
   * {@code tryWrapPrefix} (parameters {@code src, offset, available}; answers the frame's length).
   */
  CodeBlock wrapBody(boolean exact) {
    Failure failure = Failure.returning(exact ? "false" : "-1");
    String span = exact ? "length" : "available";
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, $L, src.limit())", Names.OBJECTS, span);
    if (limited() && exact) {
      b.beginControlFlow("if (length > MAX_LENGTH)")
          .add(failure.emit(null, ZERO, "OVER_MAX_LENGTH", of("length"), of("MAX_LENGTH")))
          .endControlFlow();
    }
    if (layout.fixedLength() > 0) {
      b.beginControlFlow("if ($L < FIXED_LENGTH)", span);
      if (exact) {
        b.addStatement("return failFixedPart(length)");
      } else {
        b.addStatement("failFixedPart(available)").addStatement("return -1");
      }
      b.endControlFlow();
    }
    b.addStatement("int end = offset + $L", span);
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      b.add(checks.check(leaf, false, failure));
    }
    if (exact && !layout.endsWithRemainder()) {
      b.beginControlFlow("if (pos != end)")
          .add(failure.emit(null, of("pos - offset"), "TRAILING_BYTES", of("end - pos"), ZERO))
          .endControlFlow();
    }
    if (!exact) {
      b.addStatement("int length = pos - offset");
      if (limited()) {
        b.beginControlFlow("if (length > MAX_LENGTH)")
            .add(failure.emit(null, ZERO, "OVER_MAX_LENGTH", of("length"), of("MAX_LENGTH")))
            .endControlFlow();
      }
    }
    b.add(textChecks(failure));
    b.add(storeBuffer());
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = length");
    if (hasDynamicPart()) {
      b.addStatement("this.complete = true");
    }
    for (Leaf leaf : layout.leaves()) {
      if (!leaf.hasStaticOffset()) {
        b.addStatement("this.$L = $L", Names.offsetField(leaf), Names.offsetField(leaf));
      }
      if (!leaf.isFixed()) {
        b.addStatement("this.$L = $L", Names.lengthField(leaf), Names.lengthField(leaf));
      }
      if (leaf.field().kind() == WireKind.LIST) {
        b.addStatement("this.$L = $L", Names.countField(leaf), Names.countField(leaf));
      }
    }
    b.addStatement(exact ? "return true" : "return length");
    return b.build();
  }

  CodeBlock fixedPartBody() {
    Failure failure = Failure.returning("false");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.checkFromIndexSize(offset, available, src.limit())", Names.OBJECTS);
    if (layout.fixedLength() > 0) {
      b.beginControlFlow("if (available < FIXED_LENGTH)")
          .addStatement("return failFixedPart(available)")
          .endControlFlow();
    }
    for (Leaf leaf : layout.leaves()) {
      if (LeafChecks.inFixedPart(leaf)) {
        // Static offsets: no cursor, and nothing declared that only later fields would use.
        b.add(
            fixedPartChecks.valueChecks(
                leaf, "offset + " + leaf.staticOffset(), of("$L", leaf.staticOffset()), failure));
      }
    }
    b.add(storeBuffer());
    b.addStatement("this.offset = offset");
    b.addStatement("this.length = FIXED_LENGTH");
    if (hasDynamicPart()) {
      b.addStatement("this.complete = false");
    }
    b.addStatement("return true");
    return b.build();
  }

  /** The cold path of the one up-front length check: which fixed-part field the frame ends in. */
  MethodSpec failFixedPart() {
    Failure failure = Failure.returning("false");
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("failFixedPart")
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeName.INT, "available");
    for (Leaf leaf : layout.leaves()) {
      if (LeafChecks.inFixedPart(leaf) && leaf.startsBytes()) {
        int start = leaf.staticOffset();
        m.beginControlFlow("if (available < $L)", start + leaf.width())
            .addCode(
                failure.emit(
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
   * The UTF-8 checks of the {@code try} methods, after every structural check has passed: one ASCII
   * pass from the first text field's start to the last one's end (bytes of other fields in between
   * only make it fail), and {@link #validText} only when that pass finds a byte with its high bit
   * set. Text is usually ASCII, and one small loop instead of one strict check per field keeps the
   * compiled {@code tryWrap} small enough for C2 to inline into its callers.
   */
  private CodeBlock textChecks(Failure failure) {
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
        .add(failure.reject())
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
    Failure failure = Failure.returning("false");
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
      m.addCode(LeafChecks.utf8Check(leaf, of("$L", from), of("$L", to), failure));
    }
    return m.addStatement("return true").build();
  }

  /** The absolute start of a leaf in the {@code try} methods, once its checks have run. */
  private static CodeBlock start(Leaf leaf) {
    return leaf.hasStaticOffset()
        ? of("offset + $L", leaf.staticOffset())
        : of("$L", Names.offsetField(leaf));
  }

  /** The absolute end of a leaf's value in the {@code try} methods, once its checks have run. */
  private static CodeBlock end(Leaf leaf) {
    return leaf.isFixed()
        ? of("$L + $L", start(leaf), leaf.width())
        : of("$L + $L", start(leaf), Names.lengthField(leaf));
  }
}
