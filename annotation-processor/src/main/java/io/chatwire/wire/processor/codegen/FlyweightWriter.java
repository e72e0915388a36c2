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
      if (leaf.index() >= start && !autoFilled(leaf)) {
        settable.add(leaf);
      }
    }
  }

  /**
   * Whether the writer fills this leaf in itself: a whole-byte integer that gives another field its
   * size or count. Bit fields and varints that do so are set by the caller (a varint's width
   * depends on its value, so it cannot be reserved), and the field they size checks them.
   */
  private static boolean autoFilled(Leaf leaf) {
    return leaf.isSizeSource() && leaf.field().lengthMode() == LengthMode.FIXED;
  }

  /** Whether this leaf is a size or count that the caller sets and the sized field checks. */
  private static boolean declared(Leaf leaf) {
    return leaf.isSizeSource() && !autoFilled(leaf);
  }

  private static String declaredField(Leaf leaf) {
    return leaf.accessor() + "Declared";
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
      if (sequential(leaf) && autoFilled(leaf)) {
        type.addField(TypeName.INT, leaf.accessor() + "Position", Modifier.PRIVATE);
      }
      if (declared(leaf)) {
        type.addField(TypeName.LONG, declaredField(leaf), Modifier.PRIVATE);
      }
    }
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates an unwrapped encoder; call {@link #wrap} before writing.\n")
            .build());
    type.addMethod(wrap());
    for (Leaf leaf : layout.leaves()) {
      if (autoFilled(leaf)) {
        continue;
      }
      switch (leaf.field().kind()) {
        case STRING, BYTES -> addBytesSetters(type, leaf);
        case LIST -> type.addMethod(listSetter(leaf));
        case BOOLEAN, INTEGER, WIDE_INTEGER, FLOAT, ENUM -> type.addMethod(scalarSetter(leaf));
        case MESSAGE -> throw new IllegalArgumentException("nested records are flattened");
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
    for (Leaf leaf : layout.leaves()) {
      if (leaf.isBits() && leaf.groupStart() && !sequential(leaf)) {
        // Setters of bit fields change their bits only: the rest of the group starts as zeros.
        m.addStatement(
            "$T.fillZeros(dst, offset + $L, offset + $L)",
            Names.WIRE_BUFFERS,
            leaf.staticOffset(),
            leaf.staticOffset() + leaf.groupBytes());
      }
      if (declared(leaf)) {
        m.addStatement("this.$L = 0", declaredField(leaf));
      }
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
      b.addStatement("limit += $L", reserved.advance());
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
      if (!advance.equals("0")) {
        b.addStatement("limit += $L", advance);
      }
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
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(f.javaType(), "value")
            .addJavadoc(
                "Sets {@code $L}: $L.$L\n\n@param value the value\n@return this encoder\n",
                leaf.path(),
                LayoutDoc.describe(leaf),
                declared(leaf)
                    ? " Set it before the field it sizes, which checks that they agree."
                    : "")
            .addCode(enter(leaf, checks.build()));
    if (declared(leaf)) {
      m.addStatement(
          "this.$L = $L", declaredField(leaf), WireValues.asLong(f, CodeBlock.of("value")));
    }
    CodeBlock at = index(leaf);
    switch (f.lengthMode()) {
      case BITS -> {
        if (sequential(leaf) && leaf.groupStart()) {
          m.addStatement(
              "$T.fillZeros(buffer, limit, limit + $L)", Names.WIRE_BUFFERS, leaf.groupBytes());
        }
        CodeBlock group = WireValues.readUnsigned("buffer", at, leaf.groupBytes());
        CodeBlock cleared =
            leaf.bitShift() == 0
                ? CodeBlock.of("($L & ~$L)", group, WireValues.mask(leaf))
                : CodeBlock.of("($L & ~($L << $L))", group, WireValues.mask(leaf), leaf.bitShift());
        m.addCode(
            WireValues.writeGroup(
                leaf,
                "buffer",
                at,
                CodeBlock.of("$L | $L", cleared, WireValues.bitsOf(leaf, CodeBlock.of("value")))));
        return m.addCode(leave(leaf, Integer.toString(leaf.advance()))).build();
      }
      case VARINT -> {
        m.addStatement("int n = $T.putVarint(buffer, $L, value)", Names.WIRE_BUFFERS, at);
        return m.addCode(leave(leaf, "n")).build();
      }
      case FIXED -> {
        m.addCode(WireValues.write(leaf, "buffer", at, CodeBlock.of("value"), big));
        return m.addCode(leave(leaf, Integer.toString(f.bytes()))).build();
      }
      case SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED ->
          throw new IllegalArgumentException("not a scalar: " + f.lengthMode());
    }
    throw new AssertionError(f.lengthMode());
  }

  /** The largest value a size or count source can hold. */
  private static long sourceMax(Leaf source) {
    FieldDescriptor f = source.field();
    long max = f.valueBits() >= 63 ? Long.MAX_VALUE : (1L << f.valueBits()) - 1;
    return f.max() >= 0 ? Math.min(max, f.max()) : max;
  }

  /** The largest byte length a variable leaf can take. */
  private long lengthLimit(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    long limit = f.lengthMode() == LengthMode.FIXED ? f.bytes() : Integer.MAX_VALUE;
    if (f.max() >= 0) {
      limit = Math.min(limit, f.max());
    }
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      limit = Math.min(limit, sourceMax(layout.leaves().get(leaf.sizeSource())));
    }
    return limit;
  }

  /**
   * Statements that give a sized field's source its value: write it when the writer fills it in,
   * else check the value the caller set.
   */
  private CodeBlock fillSource(Leaf leaf, String value, String what) {
    Leaf source = layout.leaves().get(leaf.sizeSource());
    if (declared(source)) {
      return CodeBlock.builder()
          .beginControlFlow("if ($L != $L)", value, declaredField(source))
          .addStatement(
              "throw new IllegalArgumentException($S + $L + $S + $L + $S)",
              EncoderGenerator.where(layout, leaf) + " has ",
              value,
              " " + what + " but " + source.path() + " is ",
              declaredField(source),
              "; set " + source.path() + " to match first")
          .endControlFlow()
          .build();
    }
    CodeBlock at =
        sequential(source)
            ? CodeBlock.of("$LPosition", source.accessor())
            : CodeBlock.of("offset + $L", source.staticOffset());
    return WireValues.write(source, "buffer", at, CodeBlock.of("$L", value), big);
  }

  /**
   * {@code questions(List)}: encodes the elements back to back with their own encoders and fills in
   * (or checks) the count or byte length.
   */
  private MethodSpec listSetter(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    ListElement element = ListElement.of(leaf);
    String where = EncoderGenerator.where(layout, leaf);
    CodeBlock.Builder checks = CodeBlock.builder();
    checks.addStatement("$T.requireNonNull(items, $S)", Names.OBJECTS, where);
    boolean count = f.lengthMode() == LengthMode.COUNT_FROM;
    if (count) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      long max = sourceMax(source);
      checks
          .beginControlFlow("if (items.size() > $LL)", max)
          .addStatement(
              "throw new IllegalArgumentException($S + items.size() + $S)",
              where + " has ",
              " elements; " + source.path() + " holds at most " + max)
          .endControlFlow();
    }
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(leaf.accessor())
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addParameter(element.listType(), "items")
            .addJavadoc(
                "Writes {@code $L} ($L): each element with {@link $T#encode}.\n\n"
                    + "@param items the elements\n@return this encoder\n"
                    + "@throws IllegalArgumentException if an element cannot be encoded or the"
                    + " list does not fit its length field\n",
                leaf.path(),
                LayoutDoc.describe(leaf),
                element.encoder())
            .addCode(enter(leaf, checks.build()));
    // Every element is checked and measured before anything is written.
    m.addStatement("long total = 0");
    m.beginControlFlow("for ($T item : items)", element.record())
        .addStatement("$T.requireNonNull(item, $S)", Names.OBJECTS, where + " element")
        .addStatement("total += $T.encodedLength(item)", element.encoder())
        .endControlFlow();
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      long max = lengthLimit(leaf);
      m.beginControlFlow("if (total > $LL)", max)
          .addStatement(
              "throw new IllegalArgumentException($S + total + $S)",
              where + " is ",
              " bytes; allowed at most " + max)
          .endControlFlow();
    }
    m.beginControlFlow("if ((long) ($L - offset) + total > MAX_LENGTH)", index(leaf))
        .addStatement(
            "throw new IllegalArgumentException($S + total + $S + MAX_LENGTH)",
            where + " of ",
            " bytes makes the frame longer than maxLength ")
        .endControlFlow();
    m.addStatement("int length = (int) total");
    if (leaf.sizeSource() >= 0) {
      m.addCode(
          count
              ? fillSource(leaf, "items.size()", "elements")
              : fillSource(leaf, "length", "bytes"));
    }
    m.addStatement("int p = $L", index(leaf));
    m.beginControlFlow("for ($T item : items)", element.record())
        .addStatement("p += $T.encode(item, buffer, p)", element.encoder())
        .endControlFlow();
    return m.addCode(leave(leaf, "length")).build();
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
      // A NUL-terminated field also writes its terminator: without it the frame could end one
      // byte over maxLength, which no decoder accepts.
      boolean nul = f.lengthMode() == LengthMode.NUL_TERMINATED;
      checks
          .beginControlFlow(
              "if ((long) (limit - offset) + length$L > MAX_LENGTH)", nul ? " + 1" : "")
          .addStatement(
              "throw new IllegalArgumentException($S + length + $S + MAX_LENGTH)",
              where + " of ",
              " bytes makes the frame longer than maxLength ")
          .endControlFlow();
    }
    if (leaf.sizeSource() >= 0 && declared(layout.leaves().get(leaf.sizeSource()))) {
      checks.add(fillSource(leaf, "length", "bytes"));
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
    if (leaf.sizeSource() >= 0 && autoFilled(layout.leaves().get(leaf.sizeSource()))) {
      end.addCode(fillSource(leaf, "length", "bytes"));
    }
    String advance = "length";
    if (f.lengthMode() == LengthMode.NUL_TERMINATED) {
      end.beginControlFlow(
              "if ($T.indexOfZero(buffer, $L, $L + length) >= 0)",
              Names.WIRE_BUFFERS,
              index(leaf),
              index(leaf))
          .addStatement(
              "throw new IllegalArgumentException($S)",
              where + " contains a 0x00 byte, which would end it early")
          .endControlFlow();
      end.addStatement("buffer.put($L + length, (byte) 0)", index(leaf));
      advance = "length + 1";
    }
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
