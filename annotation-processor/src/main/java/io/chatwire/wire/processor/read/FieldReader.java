package io.chatwire.wire.processor.read;

import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.model.EnumConstant;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import io.chatwire.wire.processor.validate.Problem;
import io.chatwire.wire.processor.validate.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads one record component and its {@code @Field}, checking what can be checked alone. */
final class FieldReader {
  /** Widest zero-padded {@code long} accepted; keeps offsets far from overflow. */
  static final int MAX_WIDE_BYTES = 1024;

  private final Elements elements;
  private final Types types;
  private final Report report;
  private final DescriptorReader messages;
  private final EnumCodes enumCodes;

  FieldReader(
      Elements elements,
      Types types,
      Report report,
      DescriptorReader messages,
      EnumCodes enumCodes) {
    this.enumCodes = enumCodes;
    this.elements = elements;
    this.types = types;
    this.report = report;
    this.messages = messages;
  }

  /** The attributes of one {@code @Field}, as written. */
  private record Attributes(
      AnnotationMirror mirror,
      int bytes,
      String sizeFrom,
      boolean remainder,
      boolean signed,
      long max) {}

  Optional<FieldDescriptor> read(String record, RecordComponentElement component) {
    String name = component.getSimpleName().toString();
    String where = record + "." + name;
    AnnotationMirror mirror = Annotations.find(component, Annotations.FIELD);
    if (mirror == null) {
      report.error(Problem.FIELD_MISSING, component, null, where, name);
      return Optional.empty();
    }
    Attributes a =
        new Attributes(
            mirror,
            (Integer) Annotations.value(elements, mirror, "bytes"),
            (String) Annotations.value(elements, mirror, "sizeFrom"),
            (Boolean) Annotations.value(elements, mirror, "remainder"),
            (Boolean) Annotations.value(elements, mirror, "signed"),
            (Long) Annotations.value(elements, mirror, "max"));
    if (a.max() < -1) {
      report.error(Problem.MAX_NEGATIVE, component, mirror, where, a.max());
      return Optional.empty();
    }
    TypeMirror type = component.asType();
    TypeName javaType = TypeName.get(type);
    switch (type.getKind()) {
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return primitive(where, component, a, type.getKind(), javaType);
      case DECLARED:
        return declared(where, component, a, (DeclaredType) type, javaType);
      default:
        report.error(Problem.TYPE_UNSUPPORTED, component, mirror, where, type);
        return Optional.empty();
    }
  }

  private Optional<FieldDescriptor> primitive(
      String where, Element c, Attributes a, TypeKind kind, TypeName javaType) {
    String primitive = javaType.toString();
    if (!fixedOnly(where, c, a, primitive)) {
      return Optional.empty();
    }
    if (kind == TypeKind.BOOLEAN) {
      if (a.bytes() != 1) {
        report.error(Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), "boolean", "bytes = 1");
        return Optional.empty();
      }
      if (a.signed()) {
        report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, "boolean");
        return Optional.empty();
      }
      if (a.max() != -1) {
        report.error(Problem.MAX_UNSUPPORTED, c, a.mirror(), where, "boolean");
        return Optional.empty();
      }
      return Optional.of(field(c, WireKind.BOOLEAN, javaType, primitive, LengthMode.FIXED, a));
    }
    int typeBits = bits(kind);
    boolean isLong = kind == TypeKind.LONG;
    int limit = isLong ? MAX_WIDE_BYTES : typeBits / 8;
    if (a.bytes() < 1 || a.bytes() > limit) {
      String fix =
          isLong
              ? "bytes = 1 to 8, or more for a zero-padded unsigned long"
              : "bytes = 1 to " + (typeBits / 8) + ", or a wider type";
      report.error(Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), primitive, fix);
      return Optional.empty();
    }
    if (a.bytes() > 8) {
      if (a.signed()) {
        report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, a.bytes() + "-byte long");
        return Optional.empty();
      }
      return Optional.of(field(c, WireKind.WIDE_INTEGER, javaType, primitive, LengthMode.FIXED, a));
    }
    int valueBits = a.bytes() * 8;
    boolean fits = a.signed() ? valueBits <= typeBits : valueBits < typeBits || isLong;
    if (!fits) {
      String fix = a.signed() ? "a wider type or fewer bytes" : widerFix(kind, a.bytes());
      report.error(
          Problem.BYTES_TOO_WIDE,
          c,
          a.mirror(),
          where,
          primitive,
          a.signed() ? "signed" : "unsigned",
          a.bytes(),
          fix);
      return Optional.empty();
    }
    return Optional.of(field(c, WireKind.INTEGER, javaType, primitive, LengthMode.FIXED, a));
  }

  private static String widerFix(TypeKind kind, int bytes) {
    String wider = bytes <= 1 ? "short" : bytes <= 3 ? "int" : "long";
    if (kind == TypeKind.BYTE && bytes == 1) {
      wider = "short or int";
    }
    return wider + ", or signed = true";
  }

  private Optional<FieldDescriptor> declared(
      String where, Element c, Attributes a, DeclaredType type, TypeName javaType) {
    TypeElement element = (TypeElement) type.asElement();
    String qualified = element.getQualifiedName().toString();
    if (qualified.equals("java.lang.String") || qualified.equals("java.nio.ByteBuffer")) {
      WireKind kind = qualified.equals("java.lang.String") ? WireKind.STRING : WireKind.BYTES;
      return variable(where, c, a, kind, javaType);
    }
    if (element.getKind() == ElementKind.ENUM) {
      TypeMirror wireCode = elements.getTypeElement(Annotations.WIRE_CODE).asType();
      if (!types.isAssignable(type, wireCode)) {
        report.error(Problem.ENUM_NOT_WIRE_CODE, c, a.mirror(), where, element.getSimpleName());
        return Optional.empty();
      }
      if (!fixedOnly(where, c, a, "enum")) {
        return Optional.empty();
      }
      if (a.bytes() < 1 || a.bytes() > 4) {
        report.error(Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), "an enum", "1 to 4");
        return Optional.empty();
      }
      if (a.signed()) {
        report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, "enum");
        return Optional.empty();
      }
      if (a.max() != -1) {
        report.error(Problem.MAX_UNSUPPORTED, c, a.mirror(), where, "enum");
        return Optional.empty();
      }
      return Optional.of(
          field(c, WireKind.ENUM, javaType, "", LengthMode.FIXED, a, enumCodes.read(element)));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return nested(where, c, a, element, javaType);
    }
    report.error(Problem.TYPE_UNSUPPORTED, c, a.mirror(), where, javaType);
    return Optional.empty();
  }

  private Optional<FieldDescriptor> nested(
      String where, Element c, Attributes a, TypeElement element, TypeName javaType) {
    if (Annotations.find(element, Annotations.MESSAGE) == null) {
      report.error(Problem.NESTED_NOT_MESSAGE, c, a.mirror(), where, element.getSimpleName());
      return Optional.empty();
    }
    if (a.bytes() != 0 || !a.sizeFrom().isEmpty() || a.remainder() || a.signed() || a.max() != -1) {
      report.error(Problem.NESTED_ATTRIBUTES, c, a.mirror(), where);
      return Optional.empty();
    }
    if (messages.isBeingRead(element)) {
      report.error(Problem.NESTED_CYCLE, c, a.mirror(), where, element.getSimpleName(), where);
      return Optional.empty();
    }
    Optional<MessageDescriptor> nested = messages.read(element);
    if (nested.isEmpty()) {
      report.error(Problem.NESTED_INVALID, c, a.mirror(), where, element.getSimpleName());
      return Optional.empty();
    }
    return Optional.of(
        new FieldDescriptor(
            c.getSimpleName().toString(),
            c,
            WireKind.MESSAGE,
            javaType,
            "",
            LengthMode.NESTED,
            0,
            "",
            false,
            -1,
            nested.get(),
            List.of()));
  }

  private Optional<FieldDescriptor> variable(
      String where, Element c, Attributes a, WireKind kind, TypeName javaType) {
    List<String> set = lengthAttributes(a);
    if (set.isEmpty()) {
      report.error(Problem.LENGTH_MISSING, c, a.mirror(), where);
      return Optional.empty();
    }
    if (set.size() > 1) {
      report.error(Problem.LENGTH_CONFLICT, c, a.mirror(), where, String.join(" and ", set));
      return Optional.empty();
    }
    if (a.signed()) {
      report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, javaType);
      return Optional.empty();
    }
    if (a.bytes() < 0) {
      report.error(Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), javaType, "bytes >= 1");
      return Optional.empty();
    }
    LengthMode mode =
        a.bytes() > 0
            ? LengthMode.FIXED
            : a.remainder() ? LengthMode.REMAINDER : LengthMode.SIZE_FROM;
    return Optional.of(field(c, kind, javaType, "", mode, a));
  }

  /** Checks that a fixed-width type got {@code bytes} and neither variable form. */
  private boolean fixedOnly(String where, Element c, Attributes a, String what) {
    if (!a.sizeFrom().isEmpty() || a.remainder()) {
      report.error(Problem.LENGTH_NOT_VARIABLE, c, a.mirror(), where, what);
      return false;
    }
    if (a.bytes() == 0 && !Annotations.isExplicit(a.mirror(), "bytes")) {
      report.error(Problem.LENGTH_MISSING, c, a.mirror(), where);
      return false;
    }
    return true;
  }

  private static List<String> lengthAttributes(Attributes a) {
    List<String> set = new ArrayList<>();
    if (a.bytes() != 0) {
      set.add("bytes");
    }
    if (!a.sizeFrom().isEmpty()) {
      set.add("sizeFrom");
    }
    if (a.remainder()) {
      set.add("remainder");
    }
    return set;
  }

  private static FieldDescriptor field(
      Element c,
      WireKind kind,
      TypeName javaType,
      String primitive,
      LengthMode mode,
      Attributes a) {
    return field(c, kind, javaType, primitive, mode, a, List.of());
  }

  private static FieldDescriptor field(
      Element c,
      WireKind kind,
      TypeName javaType,
      String primitive,
      LengthMode mode,
      Attributes a,
      List<EnumConstant> constants) {
    return new FieldDescriptor(
        c.getSimpleName().toString(),
        c,
        kind,
        javaType,
        primitive,
        mode,
        a.bytes(),
        a.sizeFrom(),
        a.signed(),
        a.max(),
        null,
        constants);
  }

  private static int bits(TypeKind kind) {
    switch (kind) {
      case BYTE:
        return 8;
      case SHORT:
        return 16;
      case INT:
        return 32;
      default:
        return 64;
    }
  }
}
