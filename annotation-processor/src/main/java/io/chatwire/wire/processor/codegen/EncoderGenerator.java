package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>Encoder}: static whole-record encoding plus a flyweight writer. */
public final class EncoderGenerator {
  private final MessageLayout layout;
  private final MessageDescriptor message;
  private final ClassName record;
  private final ClassName self;
  private final boolean big;

  private EncoderGenerator(MessageLayout layout) {
    this.layout = layout;
    this.message = layout.message();
    this.record = message.type();
    this.self = ClassName.get(message.packageName(), message.simpleName() + "Encoder");
    this.big = message.bigEndian();
  }

  /** The encoder's source file for {@code layout}. */
  public static JavaFile generate(MessageLayout layout) {
    return new EncoderGenerator(layout).file();
  }

  private JavaFile file() {
    TypeSpec.Builder type = Names.codecClass(self, layout, "Encoder");
    type.addField(
        Names.constant(
            "FIXED_LENGTH", "Bytes before the first variable-length field.", layout.fixedLength()));
    type.addField(
        Names.constant(
            "MAX_LENGTH",
            "The longest frame this encoder writes ({@code @Message(maxLength)}).",
            layout.maxLength()));
    addCodeChecks(type);
    new FlyweightWriter(layout, self).addTo(type);
    type.addMethod(encodedLength());
    type.addMethod(encode());
    return Names.file(layout, type.build());
  }

  /**
   * Checks once, when the class is initialized, that every constant of each enum field has a code
   * that fits its width, so that setters need no per-call range check. A code that does not fit
   * fails class initialization with a message naming the constant.
   */
  private void addCodeChecks(TypeSpec.Builder type) {
    CodeBlock.Builder block = CodeBlock.builder();
    List<String> done = new ArrayList<>();
    for (Leaf leaf : layout.leaves()) {
      int bits = leaf.isBits() ? leaf.field().bits() : 8 * leaf.field().bytes();
      String key = leaf.field().javaType() + "/" + bits;
      if (leaf.field().kind() == WireKind.ENUM && !done.contains(key)) {
        done.add(key);
        block.addStatement(
            "$T.ofBits($T.class, $L)", Names.CODE_TABLE, leaf.field().javaType(), bits);
      }
    }
    if (!done.isEmpty()) {
      type.addStaticBlock(block.build());
    }
  }

  /** {@code value.header().state()} for a leaf. */
  static CodeBlock valueOf(Leaf leaf) {
    StringBuilder sb = new StringBuilder("value");
    for (String part : leaf.valuePath()) {
      sb.append('.').append(part).append("()");
    }
    return CodeBlock.of("$L", sb);
  }

  static String where(MessageLayout layout, Leaf leaf) {
    return layout.message().simpleName() + "." + leaf.path();
  }

  private MethodSpec encodedLength() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.requireNonNull(value, $S)", Names.OBJECTS, "value");
    b.addStatement("long length = $L", layout.minLength());
    List<String> nestedChecked = new ArrayList<>();
    for (Leaf leaf : layout.leaves()) {
      requireNestedNonNull(b, leaf, nestedChecked);
      b.add(checkLeaf(leaf));
    }
    // Without a maxLength, MAX_LENGTH is the largest frame an int can index.
    b.beginControlFlow("if (length > MAX_LENGTH)")
        .addStatement(
            "throw new IllegalArgumentException($S + length + $S + MAX_LENGTH)",
            message.simpleName() + " would be ",
            " bytes, over maxLength ")
        .endControlFlow();
    b.addStatement("return (int) length");
    return MethodSpec.methodBuilder("encodedLength")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(record, "value")
        .addJavadoc(
            "The exact number of bytes {@link #encode} writes for {@code value}, after checking"
                + " that every value fits its field and every {@code sizeFrom} component equals"
                + " the length of the data it sizes.\n\n"
                + "@param value the record\n"
                + "@return the frame length\n"
                + "@throws IllegalArgumentException if the record cannot be encoded\n"
                + "@throws NullPointerException if a component is null\n")
        .addCode(b.build())
        .build();
  }

  private static void requireNestedNonNull(
      CodeBlock.Builder b, Leaf leaf, List<String> nestedChecked) {
    StringBuilder path = new StringBuilder("value");
    StringBuilder dotted = new StringBuilder();
    List<String> parts = leaf.valuePath();
    for (int i = 0; i < parts.size() - 1; i++) {
      path.append('.').append(parts.get(i)).append("()");
      dotted.append(i == 0 ? "" : ".").append(parts.get(i));
      if (!nestedChecked.contains(dotted.toString())) {
        nestedChecked.add(dotted.toString());
        b.addStatement("$T.requireNonNull($L, $S)", Names.OBJECTS, path, dotted);
      }
    }
  }

  /** Range and consistency checks for one leaf; adds variable lengths to {@code length}. */
  private CodeBlock checkLeaf(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String where = where(layout, leaf);
    CodeBlock value = valueOf(leaf);
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.kind()) {
      case INTEGER, WIDE_INTEGER -> {
        long[] range = WireValues.encodeRange(f);
        if (range != null) {
          b.beginControlFlow("if ($L)", WireValues.outOfRange(value, range))
              .addStatement(
                  "throw new IllegalArgumentException($S + $L + $S)",
                  where + " = ",
                  value,
                  " does not fit: allowed " + range[0] + " to " + range[1])
              .endControlFlow();
        }
        if (f.isVarint()) {
          b.addStatement("length += $T.varintSize($L) - 1", Names.WIRE_BUFFERS, value);
        }
      }
      case ENUM ->
          // Every constant's code was checked to fit when the class was initialized.
          b.addStatement("$T.requireNonNull($L, $S)", Names.OBJECTS, value, where);
      case STRING, BYTES -> {
        b.addStatement("$T.requireNonNull($L, $S)", Names.OBJECTS, value, where);
        b.add(variableCheck(leaf, value, where));
      }
      case LIST -> b.add(listCheck(leaf, value, where));
      case BOOLEAN, FLOAT -> {}
      case MESSAGE -> throw new IllegalArgumentException("nested records are flattened");
    }
    return b.build();
  }

  /** Each element's own checks and length; the count or byte length against its source. */
  private CodeBlock listCheck(Leaf leaf, CodeBlock value, String where) {
    ListElement element = ListElement.of(leaf);
    String n = "n" + Names.capitalize(leaf.accessor());
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.requireNonNull($L, $S)", Names.OBJECTS, value, where);
    b.addStatement("long $L = 0", n);
    b.beginControlFlow("for ($T item : $L)", element.record(), value)
        .addStatement("$T.requireNonNull(item, $S)", Names.OBJECTS, where + " element")
        .addStatement("$L += $T.encodedLength(item)", n, element.encoder())
        .endControlFlow();
    if (leaf.sizeSource() >= 0) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      CodeBlock declared = valueOf(source);
      boolean count = leaf.field().lengthMode() == LengthMode.COUNT_FROM;
      CodeBlock actual = count ? CodeBlock.of("$L.size()", value) : CodeBlock.of("$L", n);
      b.beginControlFlow("if ($L != $L)", WireValues.asLong(source.field(), declared), actual)
          .addStatement(
              "throw new IllegalArgumentException($S + $L + $S + $L + $S)",
              where(layout, source) + " is ",
              declared,
              " but " + leaf.path() + " has ",
              actual,
              count ? " elements" : " bytes")
          .endControlFlow();
    }
    b.addStatement("length += $L", n);
    return b.build();
  }

  private CodeBlock variableCheck(Leaf leaf, CodeBlock value, String where) {
    FieldDescriptor f = leaf.field();
    CodeBlock.Builder b = CodeBlock.builder();
    String n = "n" + Names.capitalize(leaf.accessor());
    if (f.kind() == WireKind.STRING) {
      b.addStatement("int $L = $T.encodedLength($L)", n, Names.UTF8, value);
    } else {
      b.addStatement("int $L = $L.remaining()", n, value);
    }
    if (f.lengthMode() == LengthMode.FIXED) {
      String op = f.kind() == WireKind.STRING ? ">" : "!=";
      String rule = f.kind() == WireKind.STRING ? "at most " : "exactly ";
      b.beginControlFlow("if ($L $L $L)", n, op, f.bytes())
          .addStatement(
              "throw new IllegalArgumentException($S + $L + $S)",
              where + " is ",
              n,
              " bytes; the field takes " + rule + f.bytes())
          .endControlFlow();
      return b.build();
    }
    if (f.lengthMode() == LengthMode.NUL_TERMINATED) {
      CodeBlock zero =
          f.kind() == WireKind.STRING
              ? CodeBlock.of("$L.indexOf('\\0') >= 0", value)
              : CodeBlock.of(
                  "$T.indexOfZero($L, $L.position(), $L.limit()) >= 0",
                  Names.WIRE_BUFFERS,
                  value,
                  value,
                  value);
      b.beginControlFlow("if ($L)", zero)
          .addStatement(
              "throw new IllegalArgumentException($S)",
              where + " contains a 0x00 byte, which would end it early")
          .endControlFlow();
    }
    if (f.max() >= 0) {
      b.beginControlFlow("if ($L > $LL)", n, f.max())
          .addStatement(
              "throw new IllegalArgumentException($S + $L + $S)",
              where + " is ",
              n,
              " bytes, over max " + f.max())
          .endControlFlow();
    }
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      Leaf source = layout.leaves().get(leaf.sizeSource());
      CodeBlock declared = valueOf(source);
      b.beginControlFlow("if ($L != $L)", WireValues.asLong(source.field(), declared), n)
          .addStatement(
              "throw new IllegalArgumentException($S + $L + $S + $L + $S)",
              where(layout, source) + " is ",
              declared,
              " but " + leaf.path() + " is ",
              n,
              " bytes")
          .endControlFlow();
    }
    b.addStatement("length += $L", n);
    return b.build();
  }

  /** Statements writing one leaf of {@code value} at {@code pos} and advancing {@code pos}. */
  private CodeBlock write(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    CodeBlock value = valueOf(leaf);
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.lengthMode()) {
      case BITS -> {
        if (leaf.groupStart()) {
          b.addStatement("long bits = 0");
        }
        b.addStatement("bits |= $L", WireValues.bitsOf(leaf, value));
        if (leaf.groupEnd()) {
          b.add(WireValues.writeGroup(leaf, "dst", CodeBlock.of("pos"), CodeBlock.of("bits")));
          b.addStatement("pos += $L", leaf.groupBytes());
        }
        CodeBlock built = b.build();
        // Each group's accumulator lives in a block of its own.
        return leaf.groupStart() && leaf.groupEnd()
            ? CodeBlock.of("{\n$>$L$<}\n", built)
            : leaf.groupStart()
                ? CodeBlock.of("{\n$>$L", built)
                : leaf.groupEnd() ? CodeBlock.of("$L$<}\n", built) : built;
      }
      case VARINT -> b.addStatement("pos += $T.putVarint(dst, pos, $L)", Names.WIRE_BUFFERS, value);
      case FIXED -> {
        if (f.kind() == WireKind.STRING) {
          b.addStatement(
              "$T.fillZeros(dst, pos + $T.encode($L, dst, pos), pos + $L)",
              Names.WIRE_BUFFERS,
              Names.UTF8,
              value,
              f.bytes());
        } else if (f.kind() == WireKind.BYTES) {
          b.addStatement("$T.copyRemaining($L, dst, pos)", Names.WIRE_BUFFERS, value);
        } else {
          b.add(WireValues.write(leaf, "dst", CodeBlock.of("pos"), value, big));
        }
        b.addStatement("pos += $L", f.bytes());
      }
      case SIZE_FROM, REMAINDER, NUL_TERMINATED, COUNT_FROM -> {
        switch (f.kind()) {
          case STRING -> b.addStatement("pos += $T.encode($L, dst, pos)", Names.UTF8, value);
          case BYTES ->
              b.addStatement("pos += $T.copyRemaining($L, dst, pos)", Names.WIRE_BUFFERS, value);
          case LIST -> {
            ListElement element = ListElement.of(leaf);
            b.beginControlFlow("for ($T item : $L)", element.record(), value)
                .addStatement("pos += $T.encode(item, dst, pos)", element.encoder())
                .endControlFlow();
          }
          case BOOLEAN, INTEGER, WIDE_INTEGER, FLOAT, ENUM, MESSAGE ->
              throw new IllegalArgumentException("not variable: " + f.kind());
        }
        if (f.lengthMode() == LengthMode.NUL_TERMINATED) {
          b.addStatement("dst.put(pos++, (byte) 0)");
        }
      }
      case NESTED -> throw new IllegalArgumentException("nested records are flattened");
    }
    return b.build();
  }

  private MethodSpec encode() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("int length = encodedLength(value)");
    b.addStatement("$T.checkFromIndexSize(offset, length, dst.limit())", Names.OBJECTS);
    b.addStatement("int pos = offset");
    for (Leaf leaf : layout.leaves()) {
      b.add(write(leaf));
    }
    b.addStatement("return length");
    return MethodSpec.methodBuilder("encode")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(record, "value")
        .addParameter(Names.BYTE_BUFFER, "dst")
        .addParameter(TypeName.INT, "offset")
        .addJavadoc(
            "Writes {@code value} at {@code offset} with absolute puts; {@code dst}'s position"
                + " does not move. Nothing is written if the record is invalid.\n\n"
                + "@param value the record\n"
                + "@param dst the buffer (its own byte order is ignored)\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@return the number of bytes written\n"
                + "@throws IllegalArgumentException if the record cannot be encoded\n"
                + "@throws IndexOutOfBoundsException if the frame does not fit before {@code"
                + " dst.limit()}\n")
        .addCode(b.build())
        .build();
  }
}
