package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import javax.lang.model.element.Modifier;

/** Runtime types the generated code refers to, and naming rules shared by the generators. */
final class Names {
  static final String RUNTIME = "io.chatwire.wire";
  static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName WIRE_BUFFERS = ClassName.get(RUNTIME, "WireBuffers");
  static final ClassName UTF8 = ClassName.get(RUNTIME, "Utf8");
  static final ClassName CODE_TABLE = ClassName.get(RUNTIME, "CodeTable");
  static final ClassName MALFORMED = ClassName.get(RUNTIME, "MalformedFrameException");
  static final ClassName FRAME_PROBLEM = ClassName.get(RUNTIME, "FrameProblem");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "io.chatwire.wire.processor.ChatwireProcessor";

  /** The codecs' constant holding the message's byte order, passed to {@code WireBuffers}. */
  static final String ORDER = "BIG_ENDIAN";

  private Names() {}

  /** The public final codec class {@code self}, annotated and documented with the layout. */
  static TypeSpec.Builder codecClass(ClassName self, MessageLayout layout, String role) {
    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated())
        .addOriginatingElement(layout.message().element())
        .addJavadoc(LayoutDoc.classDoc(layout, role))
        .addField(
            FieldSpec.builder(
                    TypeName.BOOLEAN, ORDER, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The message's byte order ({@code @Message(endian)}).\n")
                .initializer("$L", layout.message().bigEndian())
                .build());
  }

  /** The source file for a generated codec type. */
  static JavaFile file(MessageLayout layout, TypeSpec type) {
    return JavaFile.builder(layout.message().packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** A {@code public static final int} layout constant. */
  static FieldSpec constant(String name, String javadoc, int value) {
    return FieldSpec.builder(TypeName.INT, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc + "\n")
        .initializer(value == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : "$L", value)
        .build();
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build();
  }

  /** Field holding a leaf's absolute index when it is not static. */
  static String offsetField(Leaf leaf) {
    return leaf.accessor() + "Offset";
  }

  /** Field holding a variable leaf's byte length. */
  static String lengthField(Leaf leaf) {
    return leaf.accessor() + "Length";
  }

  /** Field holding a list's element count. */
  static String countField(Leaf leaf) {
    return leaf.accessor() + "Count";
  }

  /** Field holding a list's reusable cursor. */
  static String cursorField(Leaf leaf) {
    return leaf.accessor() + "Cursor";
  }

  /** Field holding a list's element flyweight for random access. */
  static String elementField(Leaf leaf) {
    return leaf.accessor() + "At";
  }

  /** The nested cursor class of a list, e.g. {@code QuestionsCursor}. */
  static String cursorClass(Leaf leaf) {
    return capitalize(leaf.accessor()) + "Cursor";
  }

  /** The parameters of {@code validText} holding a text field's absolute start and end. */
  static String textFrom(Leaf leaf) {
    return leaf.accessor() + "From";
  }

  static String textTo(Leaf leaf) {
    return leaf.accessor() + "To";
  }

  /** Local variable holding a size source's value while validating. */
  static String sizeLocal(Leaf leaf) {
    return "size" + capitalize(leaf.accessor());
  }

  static String offsetConstant(Leaf leaf) {
    return leaf.constant() + "_OFFSET";
  }

  static String lengthConstant(Leaf leaf) {
    return leaf.constant() + "_LENGTH";
  }

  static String codesConstant(Leaf leaf) {
    return leaf.constant() + "_CODES";
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
