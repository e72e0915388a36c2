package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The encoder's flyweight half: {@code wrap(dst, offset)}, one setter per field, {@code length()}.
 *
 * <pre>
 * wrap --&gt; prefix setters (any order) --&gt; sequential setters (declaration order) --&gt; length()
 * </pre>
 *
 * Fields with a static offset are written with absolute puts whenever they are set. From the first
 * variable-length field on, offsets depend on earlier lengths, so those setters append at a cursor
 * and must come in declaration order; length fields they depend on are reserved and filled in by
 * the variable field's setter.
 */
final class FlyweightWriter {
  private final MessageLayout layout;
  private final ClassName self;
  private final boolean big;
  private final int sequentialStart;
  private final List<Leaf> settable = new ArrayList<>();

  FlyweightWriter(MessageLayout layout, ClassName self) {
    this.layout = layout;
    this.self = self;
    this.big = layout.message().bigEndian();
    int start = layout.leaves().size();
    for (Leaf leaf : layout.leaves()) {
      if (!leaf.isFixed()) {
        start = leaf.index();
        break;
      }
    }
    this.sequentialStart = start;
    for (Leaf leaf : layout.leaves()) {
      if (leaf.index() >= start && !leaf.isSizeSource()) {
        settable.add(leaf);
      }
    }
  }

  private boolean sequential(Leaf leaf) {
    return leaf.index() >= sequentialStart;
  }

  void addTo(TypeSpec.Builder type) {
    type.addField(Names.BYTE_BUFFER, "buffer", Modifier.PRIVATE);
    type.addField(TypeName.INT, "offset", Modifier.PRIVATE);
    type.addField(TypeName.INT, "limit", Modifier.PRIVATE);
    if (!settable.isEmpty()) {
      type.addField(TypeName.INT, "next", Modifier.PRIVATE);
      CodeBlock.Builder names = CodeBlock.builder().add("{");
      for (int i = 0; i < settable.size(); i++) {
        names.add(i == 0 ? "$S" : ", $S", settable.get(i).path());
      }
      names.add("}");
      type.addField(
          FieldSpec.builder(
                  ArrayTypeName.of(String.class),
                  "SEQUENCE",
                  Modifier.PRIVATE,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .initializer(names.build())
              .build());
    }
    for (Leaf leaf : layout.leaves()) {
      if (sequential(leaf) && leaf.isSizeSource()) {
        type.addField(TypeName.INT, leaf.accessor() + "Position", Modifier.PRIVATE);
      }
    }
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates an unwrapped encoder; call {@link #wrap} before writing.\n")
            .build());
    type.addMethod(wrap());
    for (Leaf leaf : layout.leaves()) {
      if (leaf.isSizeSource()) {
        continue;
      }
      if (leaf.field().kind().isVariableCapable()) {
        addBytesSetters(type, leaf);
      } else {
        type.addMethod(scalarSetter(leaf));
      }
    }
    type.addMethod(length());
  }

  private MethodSpec wrap() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("wrap")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(Names.BYTE_BUFFER, "dst")
            .addParameter(TypeName.INT, "offset")
            .addJavadoc(
                "Starts a frame at {@code offset} of {@code dst}; the buffer's position does not"
                    + " move.\n\n"
                    + "@param dst the buffer to write into\n"
                    + "@param offset absolute index of the frame's first byte\n"
                    + "@return this encoder\n")
            .addStatement("$T.checkFromIndexSize(offset, FIXED_LENGTH, dst.limit())", Names.OBJECTS)
            .beginControlFlow("if (this.buffer != dst)")
            .addStatement("this.buffer = dst")
            .endControlFlow()
            .addStatement("this.offset = offset")
            .addStatement("this.limit = offset + FIXED_LENGTH");
    if (!settable.isEmpty()) {
      m.addStatement("this.next = 0");
    }
    return m.addStatement("return this").build();
  }

  private MethodSpec length() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("length")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addJavadoc(
                "The frame's length so far: once every variable-length field is written, the"
                    + " whole frame's.\n\n@return bytes from the frame start to the end of the"
                    + " last field written\n@throws IllegalStateException if a field in the"
                    + " sequential part has not been written yet\n");
    if (!settable.isEmpty()) {
      m.beginControlFlow("if (next != $L)", settable.size())
          .addStatement(
              "throw new IllegalStateException($S + SEQUENCE[next] + $S)",
              layout.message().simpleName() + ": ",
              " has not been written yet")
          .endControlFlow();
    }
    return m.addStatement("return limit - offset").build();
  }

  /** Checks order, reserves earlier length fields; returns the absolute index to write at. */
  private CodeBlock enter(Leaf leaf, CodeBlock checks) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!sequential(leaf)) {
      b.add(checks);
      return b.build();
    }
    int ordinal = settable.indexOf(leaf);
    b.beginControlFlow("if (next != $L)", ordinal)
        .addStatement(
            "throw new IllegalStateException($S + SEQUENCE[next] + $S)",
            layout.message().simpleName() + ": " + leaf.path() + " set out of order; ",
            " comes next")
        .endControlFlow();
    b.add(checks);
    int previous = ordinal == 0 ? sequentialStart : settable.get(ordinal - 1).index() + 1;
    for (int i = previous; i < leaf.index(); i++) {
      Leaf reserved = layout.leaves().get(i);
      b.addStatement("$LPosition = limit", reserved.accessor());
      b.addStatement("limit += $L", reserved.width());
    }
    return b.build();
  }

  private CodeBlock index(Leaf leaf) {
    return sequential(leaf)
        ? CodeBlock.of("limit")
        : CodeBlock.of("offset + $L", leaf.staticOffset());
  }

  private CodeBlock leave(Leaf leaf, String advance) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (sequential(leaf)) {
      b.addStatement("limit += $L", advance);
      b.addStatement("next = $L", settable.indexOf(leaf) + 1);
    }
    return b.addStatement("return this").build();
  }

  private MethodSpec scalarSetter(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder checks = CodeBlock.builder();
    String where = EncoderGenerator.where(layout, leaf);
    long[] range = WireValues.encodeRange(f);
    if (range != null) {
      checks
          .beginControlFlow("if ($L)", WireValues.outOfRange(CodeBlock.of("value"), range))
          .addStatement(
              "throw new IllegalArgumentException($S + value + $S)",
              where + " = ",
              " does not fit: allowed " + range[0] + " to " + range[1])
          .endControlFlow();
    }
    if (f.kind() == WireKind.ENUM) {
      checks.addStatement("$T.requireNonNull(value, $S)", Names.OBJECTS, where);
    }
    return MethodSpec.methodBuilder(leaf.accessor())
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(f.javaType(), "value")
        .addJavadoc(
            "Sets {@code $L}: $L.\n\n@param value the value\n@return this encoder\n",
            leaf.path(),
            LayoutDoc.describe(leaf))
        .addCode(enter(leaf, checks.build()))
        .addCode(WireValues.write(leaf, "buffer", index(leaf), CodeBlock.of("value"), big))
        .addCode(leave(leaf, Integer.toString(f.bytes())))
        .build();
  }

  /** The largest byte length a variable leaf can take. */
  private long lengthLimit(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    long limit = f.lengthMode() == LengthMode.FIXED ? f.bytes() : Integer.MAX_VALUE;
    if (f.max() >= 0) {
      limit = Math.min(limit, f.max());
    }
    if (leaf.sizeSource() >= 0) {
      FieldDescriptor source = layout.leaves().get(leaf.sizeSource()).field();
      limit = Math.min(limit, WireValues.unsignedMax(source.bytes()));
      if (source.max() >= 0) {
        limit = Math.min(limit, source.max());
      }
    }
    return limit;
  }

  private void addBytesSetters(TypeSpec.Builder type, Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String cap = Names.capitalize(leaf.accessor());
    String where = EncoderGenerator.where(layout, leaf);
    CodeBlock.Builder checks = CodeBlock.builder();
    boolean exact = f.lengthMode() == LengthMode.FIXED && f.kind() == WireKind.BYTES;
    checks
        .beginControlFlow(
            exact ? "if (length != $L)" : "if (length < 0 || length > $LL)", lengthLimit(leaf))
        .addStatement(
            "throw new IllegalArgumentException($S + length + $S)",
            where + " is ",
            " bytes; allowed " + (exact ? "exactly " : "at most ") + lengthLimit(leaf))
        .endControlFlow();
    if (layout.maxLength() != Integer.MAX_VALUE && sequential(leaf)) {
      checks
          .beginControlFlow("if ((long) (limit - offset) + length > MAX_LENGTH)")
          .addStatement(
              "throw new IllegalArgumentException($S + length + $S + MAX_LENGTH)",
              where + " of ",
              " bytes makes the frame longer than maxLength ")
          .endControlFlow();
    }
    MethodSpec.Builder begin =
        MethodSpec.methodBuilder("begin" + cap)
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.INT)
            .addParameter(TypeName.INT, "length")
            .addCode(enter(leaf, checks.build()))
            .addStatement("return $L", index(leaf));
    type.addMethod(begin.build());
    MethodSpec.Builder end =
        MethodSpec.methodBuilder("end" + cap)
            .addModifiers(Modifier.PRIVATE)
            .returns(self)
            .addParameter(TypeName.INT, "length");
    if (leaf.sizeSource() >= 0) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      CodeBlock at =
          sequential(source)
              ? CodeBlock.of("$LPosition", source.accessor())
              : CodeBlock.of("offset + $L", source.staticOffset());
      end.addCode(WireValues.write(source, "buffer", at, CodeBlock.of("length"), big));
    }
    String advance = "length";
    if (f.lengthMode() == LengthMode.FIXED) {
      end.addStatement(
          "$T.fillZeros(buffer, $L + length, $L + $L)",
          Names.WIRE_BUFFERS,
          index(leaf),
          index(leaf),
          f.bytes());
      advance = Integer.toString(f.bytes());
    }
    end.addCode(leave(leaf, advance));
    type.addMethod(end.build());

    String doc = LayoutDoc.describe(leaf);
    if (f.kind() == WireKind.STRING) {
      type.addMethod(
          MethodSpec.methodBuilder(leaf.accessor())
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addParameter(CharSequence.class, "value")
              .addJavadoc(
                  "Writes {@code $L} ($L) as UTF-8, without allocating.\n\n"
                      + "@param value the text\n@return this encoder\n",
                  leaf.path(),
                  doc)
              .addStatement("int length = $T.encodedLength(value)", Names.UTF8)
              .addStatement("$T.encode(value, buffer, begin$L(length))", Names.UTF8, cap)
              .addStatement("return end$L(length)", cap)
              .build());
    } else {
      type.addMethod(
          MethodSpec.methodBuilder(leaf.accessor())
              .addModifiers(Modifier.PUBLIC)
              .returns(self)
              .addParameter(Names.BYTE_BUFFER, "src")
              .addJavadoc(
                  "Copies {@code src}'s bytes between position and limit into {@code $L} ($L);"
                      + " {@code src}'s position does not move.\n\n"
                      + "@param src the bytes\n@return this encoder\n",
                  leaf.path(),
                  doc)
              .addStatement("int length = src.remaining()")
              .addStatement(
                  "$T.copy(src, src.position(), buffer, begin$L(length), length)",
                  Names.WIRE_BUFFERS,
                  cap)
              .addStatement("return end$L(length)", cap)
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(Names.BYTE_BUFFER, "src")
            .addParameter(TypeName.INT, "index")
            .addParameter(TypeName.INT, "length")
            .addJavadoc(
                "Copies {@code length} bytes of {@code src} from its absolute {@code index} into"
                    + " {@code $L}$L, without allocating.\n\n"
                    + "@param src the bytes\n@param index absolute index in {@code src}\n"
                    + "@param length how many bytes\n@return this encoder\n",
                leaf.path(),
                f.kind() == WireKind.STRING ? " (taken as UTF-8 as they are)" : "")
            .addStatement(
                "$T.copy(src, index, buffer, begin$L(length), length)", Names.WIRE_BUFFERS, cap)
            .addStatement("return end$L(length)", cap)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(byte[].class, "src")
            .addJavadoc(
                "Copies all of {@code src} into {@code $L}$L.\n\n"
                    + "@param src the bytes\n@return this encoder\n",
                leaf.path(),
                f.kind() == WireKind.STRING ? " (taken as UTF-8 as they are)" : "")
            .addStatement("buffer.put(begin$L(src.length), src)", cap)
            .addStatement("return end$L(src.length)", cap)
            .build());
  }
}
