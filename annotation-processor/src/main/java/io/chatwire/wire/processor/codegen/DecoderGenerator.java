package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import javax.lang.model.element.Modifier;

/** Generates {@code <Record>Decoder}: a validating flyweight reader over a frame. */
public final class DecoderGenerator {
  private static final Modifier[] CONSTANT = {Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL};

  private final MessageLayout layout;
  private final MessageDescriptor message;
  private final ClassName record;
  private final ClassName self;
  private final boolean big;
  private final FrameValidation validation;

  private DecoderGenerator(MessageLayout layout) {
    this.layout = layout;
    this.message = layout.message();
    this.record = message.type();
    this.self = ClassName.get(message.packageName(), message.simpleName() + "Decoder");
    this.big = message.bigEndian();
    this.validation = new FrameValidation(layout);
  }

  /** The decoder's source file for {@code layout}. */
  public static JavaFile generate(MessageLayout layout) {
    return new DecoderGenerator(layout).file();
  }

  private JavaFile file() {
    TypeSpec.Builder type = Names.codecClass(self, layout, "Decoder");
    addConstants(type);
    type.addField(Names.BYTE_BUFFER, "buffer", Modifier.PRIVATE);
    type.addField(TypeName.INT, "offset", Modifier.PRIVATE);
    type.addField(TypeName.INT, "length", Modifier.PRIVATE);
    if (validation.hasDynamicPart()) {
      type.addField(
          FieldSpec.builder(TypeName.BOOLEAN, "complete", Modifier.PRIVATE)
              .addJavadoc("False after {@link #wrapFixedPart}: only fixed-part fields are there.\n")
              .build());
    }
    for (Leaf leaf : layout.leaves()) {
      if (!leaf.hasStaticOffset()) {
        type.addField(TypeName.INT, Names.offsetField(leaf), Modifier.PRIVATE);
      }
      if (!leaf.isFixed()) {
        type.addField(TypeName.INT, Names.lengthField(leaf), Modifier.PRIVATE);
      }
      if (leaf.field().kind() == WireKind.LIST) {
        new ListAccessors(layout, self, leaf).addFields(type);
      }
    }
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates an unwrapped decoder; call {@link #wrap} before reading.\n")
            .build());
    type.addMethod(wrap());
    type.addMethod(tryWrap());
    type.addMethod(tryWrapPrefix());
    type.addMethod(wrapFixedPart());
    type.addMethod(tryWrapFixedPart());
    type.addMethod(validation.failFixedPart());
    if (validation.hasText()) {
      type.addMethod(validation.validText());
    }
    addFailure(type);
    // Named wrapped*, not buffer()/offset()/length(): those are common component names.
    type.addMethod(getter(Names.BYTE_BUFFER, "wrappedBuffer", "buffer", "The wrapped buffer."));
    type.addMethod(
        getter(
            TypeName.INT, "wrappedOffset", "offset", "Absolute index of the frame's first byte."));
    type.addMethod(
        getter(TypeName.INT, "wrappedLength", "length", "The wrapped frame's length in bytes."));
    for (Leaf leaf : layout.leaves()) {
      new DecoderAccessors(layout, leaf).addTo(type);
      if (leaf.field().kind() == WireKind.LIST) {
        new ListAccessors(layout, self, leaf).addMethods(type);
      }
    }
    if (validation.hasDynamicPart()) {
      type.addMethod(
          MethodSpec.methodBuilder("partial")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(IllegalStateException.class)
              .addParameter(String.class, "field")
              .addStatement(
                  "return new $T($S + field + $S)",
                  IllegalStateException.class,
                  self.simpleName() + ": ",
                  " is outside the fixed part; wrap the whole frame with wrap() before reading it")
              .build());
    }
    type.addMethod(toRecord());
    type.addMethod(decode());
    type.addMethod(new FrameLength(layout).method());
    type.addMethod(toStringMethod());
    return Names.file(layout, type.build());
  }

  private void addConstants(TypeSpec.Builder type) {
    type.addField(
        Names.constant(
            "FIXED_LENGTH",
            "Bytes before the first field whose position depends on the data: what {@link"
                + " #frameLength} needs to see.",
            layout.fixedLength()));
    type.addField(
        Names.constant(
            "MIN_LENGTH",
            "The shortest valid frame, with every variable field empty.",
            layout.minLength()));
    type.addField(
        Names.constant(
            "MAX_LENGTH",
            "The longest frame accepted ({@code @Message(maxLength)}).",
            layout.maxLength()));
    for (Leaf leaf : layout.leaves()) {
      if (leaf.hasStaticOffset()) {
        type.addField(
            FieldSpec.builder(TypeName.INT, Names.offsetConstant(leaf), CONSTANT)
                .addJavadoc("Offset of {@code $L} from the start of the frame.\n", leaf.path())
                .initializer("$L", leaf.staticOffset())
                .build());
      }
      if (leaf.isFixed()) {
        type.addField(
            FieldSpec.builder(TypeName.INT, Names.lengthConstant(leaf), CONSTANT)
                .addJavadoc(
                    leaf.isBits()
                        ? "Width in bytes of the bit group that holds {@code $L}.\n"
                        : "Width of {@code $L} in bytes.\n",
                    leaf.path())
                .initializer("$L", leaf.width())
                .build());
      }
      if (leaf.field().kind() == WireKind.ENUM) {
        type.addField(
            FieldSpec.builder(
                    ParameterizedTypeName.get(Names.CODE_TABLE, leaf.field().javaType()),
                    Names.codesConstant(leaf),
                    Modifier.PRIVATE,
                    Modifier.STATIC,
                    Modifier.FINAL)
                .initializer(
                    "$T.of($T.class, $L)", Names.CODE_TABLE, leaf.field().javaType(), leaf.width())
                .build());
      }
    }
  }

  private MethodSpec wrap() {
    return MethodSpec.methodBuilder("wrap")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "length")
        .addJavadoc(
            "Validates the frame in {@code [offset, offset + length)} of {@code src} and"
                + " wraps it. Nothing is copied; accessors read {@code src} directly.\n\n"
                + "@param src the buffer holding the frame (its position and order are"
                + " ignored)\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param length the frame's exact length in bytes\n"
                + "@return this decoder\n"
                + "@throws $T if the bytes are not a valid frame; the decoder then still wraps"
                + " its previous frame\n"
                + "@throws IndexOutOfBoundsException if the range is not inside {@code src}\n",
            Names.MALFORMED)
        .beginControlFlow("if (!tryWrap(src, offset, length))")
        .addStatement("throw failure()")
        .endControlFlow()
        .addStatement("return this")
        .build();
  }

  private MethodSpec tryWrap() {
    return MethodSpec.methodBuilder("tryWrap")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "length")
        .addJavadoc(
            "Like {@link #wrap}, but answers {@code false} instead of throwing, allocating"
                + " nothing: for hot paths that drop bad input. {@link #failure()} then says what"
                + " was wrong.\n\n"
                + "@param src the buffer holding the frame\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param length the frame's exact length in bytes\n"
                + "@return whether the frame is valid and now wrapped\n"
                + "@throws IndexOutOfBoundsException if the range is not inside {@code src}\n")
        .addCode(validation.wrapBody(true))
        .build();
  }

  private MethodSpec tryWrapPrefix() {
    return MethodSpec.methodBuilder("tryWrapPrefix")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "available")
        .addJavadoc(
            "Validates and wraps the frame that starts at {@code offset} and ends where its own"
                + " length fields say, within {@code available} bytes; what follows it is not"
                + " looked at. Lists use it to walk their elements; stream readers may too."
                + " Allocates nothing; on failure {@link #failure()} says what was wrong.\n\n"
                + "@param src the buffer\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param available how many bytes from {@code offset} may belong to the frame\n"
                + "@return the frame's length, or {@code -1} if the bytes are not a valid frame"
                + " (also when it would need more than {@code available})\n"
                + "@throws IndexOutOfBoundsException if the range is not inside {@code src}\n")
        .addCode(validation.wrapBody(false))
        .build();
  }

  private MethodSpec wrapFixedPart() {
    return MethodSpec.methodBuilder("wrapFixedPart")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "available")
        .addJavadoc(
            "Validates and wraps only the first {@link #FIXED_LENGTH} bytes, for stream"
                + " transports that must look at the header (e.g. to refuse a declared length)"
                + " before the rest of the frame arrives. Afterwards only the accessors of"
                + " fields in that fixed part may be used.\n\n"
                + "@param src the buffer\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param available how many bytes of the frame are in {@code src}\n"
                + "@return this decoder\n"
                + "@throws $T if fewer than {@link #FIXED_LENGTH} bytes are available or they"
                + " are invalid\n",
            Names.MALFORMED)
        .beginControlFlow("if (!tryWrapFixedPart(src, offset, available))")
        .addStatement("throw failure()")
        .endControlFlow()
        .addStatement("return this")
        .build();
  }

  private MethodSpec tryWrapFixedPart() {
    return MethodSpec.methodBuilder("tryWrapFixedPart")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "available")
        .addJavadoc(
            "Like {@link #wrapFixedPart}, but answers {@code false} instead of throwing.\n\n"
                + "@param src the buffer\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param available how many bytes of the frame are in {@code src}\n"
                + "@return whether the fixed part is valid and now wrapped\n")
        .addCode(validation.fixedPartBody())
        .build();
  }

  /** Bookkeeping for the last failed {@code try} call, and its exception. */
  private void addFailure(TypeSpec.Builder type) {
    CodeBlock.Builder elements = CodeBlock.builder();
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.LIST) {
        elements
            .beginControlFlow("if (failedField == $L)", leaf.index())
            .addStatement(
                "return $T.inElement(PATHS[failedField], failedValue, failedOffset,"
                    + " $L.element.failure())",
                Names.FRAME_PROBLEM,
                Names.cursorField(leaf))
            .endControlFlow();
      }
    }
    if (!elements.isEmpty()) {
      type.addMethod(
          MethodSpec.methodBuilder("failElement")
              .addModifiers(Modifier.PRIVATE)
              .addParameter(TypeName.INT, "field")
              .addParameter(TypeName.INT, "index")
              .addParameter(TypeName.INT, "at")
              .addStatement("this.failedField = field")
              .addStatement("this.failedOffset = at")
              .addStatement("this.failedInElement = true")
              .addStatement("this.failedValue = index")
              .build());
      type.addField(
          FieldSpec.builder(TypeName.BOOLEAN, "failedInElement", Modifier.PRIVATE)
              .addJavadoc("Whether the last failure was a list element's, found by its decoder.\n")
              .build());
    }
    CodeBlock.Builder paths = CodeBlock.builder().add("{");
    for (Leaf leaf : layout.leaves()) {
      paths.add(leaf.index() == 0 ? "$S" : ", $S", leaf.path());
    }
    type.addField(
        FieldSpec.builder(
                String[].class, "PATHS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(paths.add("}").build())
            .build());
    for (String name : new String[] {"failedField", "failedOffset"}) {
      type.addField(TypeName.INT, name, Modifier.PRIVATE);
    }
    type.addField(Names.FRAME_PROBLEM, "failedProblem", Modifier.PRIVATE);
    type.addField(TypeName.LONG, "failedValue", Modifier.PRIVATE);
    type.addField(TypeName.LONG, "failedLimit", Modifier.PRIVATE);
    type.addMethod(
        MethodSpec.methodBuilder("fail")
            .addModifiers(Modifier.PRIVATE)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeName.INT, "field")
            .addParameter(TypeName.INT, "at")
            .addParameter(Names.FRAME_PROBLEM, "problem")
            .addParameter(TypeName.LONG, "value")
            .addParameter(TypeName.LONG, "limit")
            .addCode(elements.isEmpty() ? "" : "this.failedInElement = false;\n")
            .addStatement("this.failedField = field")
            .addStatement("this.failedOffset = at")
            .addStatement("this.failedProblem = problem")
            .addStatement("this.failedValue = value")
            .addStatement("this.failedLimit = limit")
            .addStatement("return false")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("failure")
            .addModifiers(Modifier.PUBLIC)
            .returns(Names.MALFORMED)
            .addJavadoc(
                "What the last {@code tryWrap} or {@code tryWrapFixedPart} that answered {@code"
                    + " false} found wrong, as the exception {@code wrap} throws (allocates).\n\n"
                    + "@return the exception, naming the field and its offset in the frame\n")
            .addCode(
                elements.isEmpty()
                    ? CodeBlock.of("")
                    : CodeBlock.builder()
                        .beginControlFlow("if (failedInElement)")
                        .add(elements.build())
                        .endControlFlow()
                        .build())
            .addStatement(
                "return $T.exception(failedField < 0 ? $S : PATHS[failedField], failedOffset,"
                    + " failedProblem, failedValue, failedLimit)",
                Names.FRAME_PROBLEM,
                message.simpleName())
            .build());
  }

  private static MethodSpec getter(TypeName type, String name, String field, String doc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addJavadoc(doc + "\n\n@return the $L\n", field)
        .addStatement("return $L", field)
        .build();
  }

  private MethodSpec toRecord() {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("toRecord")
            .addModifiers(Modifier.PUBLIC)
            .returns(record)
            .addJavadoc(
                "Copies the wrapped frame into a new record (allocates; keep it off hot paths)."
                    + " {@code ByteBuffer} components are read-only views of the wrapped buffer;"
                    + " lists are unmodifiable. Restarts every list's cursor.\n\n"
                    + "@return the record\n");
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.LIST) {
        m.addCode(ListAccessors.toList(leaf));
      }
    }
    return m.addStatement("return $L", construct(message, "")).build();
  }

  private CodeBlock construct(MessageDescriptor m, String accessorPrefix) {
    CodeBlock.Builder args = CodeBlock.builder();
    boolean first = true;
    for (FieldDescriptor f : m.fields()) {
      String accessor =
          accessorPrefix.isEmpty() ? f.name() : accessorPrefix + Names.capitalize(f.name());
      if (!first) {
        args.add(", ");
      }
      first = false;
      if (f.kind() == WireKind.MESSAGE) {
        args.add(construct(f.nested(), accessor));
      } else if (f.kind() == WireKind.LIST) {
        args.add("$L", ListAccessors.listLocal(accessor));
      } else {
        args.add("$L()", accessor);
      }
    }
    return CodeBlock.of("new $T($L)", m.type(), args.build());
  }

  private MethodSpec decode() {
    return MethodSpec.methodBuilder("decode")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(record)
        .addParameter(Names.BYTE_BUFFER, "src")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "length")
        .addJavadoc(
            "Decodes the frame of exactly {@code length} bytes at {@code offset} (allocates).\n\n"
                + "@param src the buffer\n"
                + "@param offset absolute index of the frame's first byte\n"
                + "@param length the frame's exact length\n"
                + "@return the record\n"
                + "@throws $T if the bytes are not a valid frame\n",
            Names.MALFORMED)
        .addStatement("return new $T().wrap(src, offset, length).toRecord()", self)
        .build();
  }

  private MethodSpec toStringMethod() {
    return MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement(
            "return buffer == null ? $S : toRecord().toString()", self.simpleName() + "[unwrapped]")
        .build();
  }
}
