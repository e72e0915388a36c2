package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;
import javax.lang.model.element.Modifier;

/** The decoder's accessors for one leaf: absolute reads of the wrapped buffer. */
final class DecoderAccessors {
  private final Leaf leaf;
  private final FieldDescriptor field;
  private final boolean big;

  DecoderAccessors(Leaf leaf, boolean big) {
    this.leaf = leaf;
    this.field = leaf.field();
    this.big = big;
  }

  /** The absolute index of the leaf in the wrapped buffer. */
  CodeBlock index() {
    return leaf.hasStaticOffset()
        ? CodeBlock.of("offset + $L", Names.offsetConstant(leaf))
        : CodeBlock.of("$L", Names.offsetField(leaf));
  }

  CodeBlock length() {
    return !leaf.isFixed()
        ? CodeBlock.of("$L", Names.lengthField(leaf))
        : CodeBlock.of("$L", Names.lengthConstant(leaf));
  }

  void addTo(TypeSpec.Builder type) {
    String doc = LayoutDoc.describe(leaf);
    if (field.kind().isVariableCapable()) {
      type.addMethod(
          MethodSpec.methodBuilder(leaf.accessor() + "Offset")
              .addModifiers(Modifier.PUBLIC)
              .returns(TypeName.INT)
              .addJavadoc(
                  "Absolute index of {@code $L} in {@link #wrappedBuffer()}.\n\n@return the index\n",
                  leaf.path())
              .addStatement("return $L", index())
              .build());
      type.addMethod(
          MethodSpec.methodBuilder(leaf.accessor() + "Length")
              .addModifiers(Modifier.PUBLIC)
              .returns(TypeName.INT)
              .addJavadoc("Byte length of {@code $L}.\n\n@return the length\n", leaf.path())
              .addStatement("return $L", length())
              .build());
    }
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(field.javaType());
    switch (field.kind()) {
      case STRING:
        m.addJavadoc(
            "{@code $L}: $L. Allocates a new String; use {@link #$LOffset()} and {@link"
                + " #$LLength()} on hot paths.\n\n@return the text\n",
            leaf.path(),
            doc,
            leaf.accessor(),
            leaf.accessor());
        if (leaf.isFixed()) {
          m.addStatement("return $T.decodePadded(buffer, $L, $L)", Names.UTF8, index(), length());
        } else {
          m.addStatement("return $T.decode(buffer, $L, $L)", Names.UTF8, index(), length());
        }
        break;
      case BYTES:
        m.addJavadoc(
            "{@code $L}: $L. A read-only view of the wrapped buffer (no copy, but one small"
                + " object).\n\n@return the bytes, position 0 to limit {@code $LLength()}\n",
            leaf.path(),
            doc,
            leaf.accessor());
        m.addStatement("return buffer.slice($L, $L).asReadOnlyBuffer()", index(), length());
        break;
      default:
        m.addJavadoc("{@code $L}: $L.\n\n@return the value\n", leaf.path(), doc);
        m.addStatement("return $L", WireValues.typed(leaf, "buffer", index(), big));
    }
    type.addMethod(m.build());
  }
}
