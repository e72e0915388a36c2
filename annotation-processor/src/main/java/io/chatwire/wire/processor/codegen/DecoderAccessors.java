package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import javax.lang.model.element.Modifier;

/**
 * The decoder's accessors for one leaf: absolute reads of the wrapped buffer. Lists get theirs from
 * {@link ListAccessors}.
 */
final class DecoderAccessors {
  private final MessageLayout layout;
  private final Leaf leaf;
  private final FieldDescriptor field;
  private final boolean big;

  DecoderAccessors(MessageLayout layout, Leaf leaf) {
    this.layout = layout;
    this.leaf = leaf;
    this.field = leaf.field();
    this.big = layout.message().bigEndian();
  }

  /** The absolute index of the leaf in the wrapped buffer. */
  static CodeBlock index(Leaf leaf) {
    return leaf.hasStaticOffset()
        ? CodeBlock.of("offset + $L", Names.offsetConstant(leaf))
        : CodeBlock.of("$L", Names.offsetField(leaf));
  }

  static CodeBlock length(Leaf leaf) {
    return !leaf.isFixed()
        ? CodeBlock.of("$L", Names.lengthField(leaf))
        : CodeBlock.of("$L", Names.lengthConstant(leaf));
  }

  /**
   * After {@code wrapFixedPart} only the fixed part is there: accessors of other fields refuse
   * rather than read lengths and offsets of an earlier frame.
   */
  static CodeBlock guard(Leaf leaf) {
    if (LeafChecks.inFixedPart(leaf)) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .beginControlFlow("if (!complete)")
        .addStatement("throw partial($S)", leaf.path())
        .endControlFlow()
        .build();
  }

  /** A public no-argument int accessor. */
  static MethodSpec intGetter(Leaf leaf, String name, String doc, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addJavadoc(doc)
        .addCode(guard(leaf))
        .addStatement("return $L", value)
        .build();
  }

  /** The {@code <name>Offset()} and {@code <name>Length()} helpers of a byte range or list. */
  static void addRange(TypeSpec.Builder type, MessageLayout layout, Leaf leaf) {
    type.addMethod(
        intGetter(
            leaf,
            leaf.accessor() + "Offset",
            "Absolute index of {@code "
                + leaf.path()
                + "} in {@link #wrappedBuffer()}.\n\n"
                + "@return the index\n",
            index(leaf)));
    if (!layout.sourceNamed(leaf, "Length")) {
      type.addMethod(
          intGetter(
              leaf,
              leaf.accessor() + "Length",
              "Byte length of {@code " + leaf.path() + "}.\n\n@return the length\n",
              length(leaf)));
    }
  }

  void addTo(TypeSpec.Builder type) {
    String doc = LayoutDoc.describe(leaf);
    switch (field.kind()) {
      case STRING, BYTES -> addRange(type, layout, leaf);
      case LIST -> {
        return;
      }
      case BOOLEAN, INTEGER, WIDE_INTEGER, FLOAT, ENUM, MESSAGE -> {}
    }
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(field.javaType())
            .addCode(guard(leaf));
    switch (field.kind()) {
      case STRING -> {
        m.addJavadoc(
            "{@code $L}: $L. Allocates a new String; use {@link #$LOffset()} and the length on"
                + " hot paths.\n\n@return the text\n",
            leaf.path(),
            doc,
            leaf.accessor());
        String decode = leaf.isFixed() ? "decodePadded" : "decode";
        m.addStatement(
            "return $T.$L(buffer, $L, $L)", Names.UTF8, decode, index(leaf), length(leaf));
      }
      case BYTES -> {
        m.addJavadoc(
            "{@code $L}: $L. A read-only view of the wrapped buffer (no copy, but one small"
                + " object).\n\n@return the bytes, from position 0 to the field's length\n",
            leaf.path(),
            doc);
        m.addStatement("return buffer.slice($L, $L).asReadOnlyBuffer()", index(leaf), length(leaf));
      }
      case BOOLEAN, INTEGER, WIDE_INTEGER, FLOAT, ENUM -> {
        m.addJavadoc("{@code $L}: $L.\n\n@return the value\n", leaf.path(), doc);
        m.addStatement("return $L", WireValues.typed(leaf, "buffer", index(leaf), big));
      }
      case MESSAGE, LIST -> throw new IllegalArgumentException("not a leaf: " + field.kind());
    }
    type.addMethod(m.build());
  }
}
