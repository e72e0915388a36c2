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

/**
 * Reads one record component and its {@code @Field}, checking what can be checked alone: the type,
 * the one length rule it takes, and widths. Integers, floats and enums are read by {@link
 * ScalarReader}; text, bytes, lists and nested records here.
 */
final class FieldReader {
  private final Elements elements;
  private final Types types;
  private final Report report;
  private final DescriptorReader messages;
  private final ScalarReader scalars;

  FieldReader(
      Elements elements,
      Types types,
      Report report,
      DescriptorReader messages,
      EnumCodes enumCodes) {
    this.elements = elements;
    this.types = types;
    this.report = report;
    this.messages = messages;
    this.scalars = new ScalarReader(report, enumCodes);
  }

  /** The attributes of one {@code @Field}, as written. */
  record Attributes(
      AnnotationMirror mirror,
      int bytes,
      boolean bytesExplicit,
      String sizeFrom,
      boolean remainder,
      boolean signed,
      long max,
      int bits,
      String countFrom,
      boolean varint,
      boolean nulTerminated) {

    /** The length rules set, by attribute name, in declaration order of {@code @Field}. */
    List<String> lengthRules() {
      List<String> set = new ArrayList<>();
      if (bytes != 0 || bytesExplicit) {
        set.add("bytes");
      }
      if (bits != 0) {
        set.add("bits");
      }
      if (varint) {
        set.add("varint");
      }
      if (!sizeFrom.isEmpty()) {
        set.add("sizeFrom");
      }
      if (!countFrom.isEmpty()) {
        set.add("countFrom");
      }
      if (remainder) {
        set.add("remainder");
      }
      if (nulTerminated) {
        set.add("nulTerminated");
      }
      return set;
    }

    /** The one length rule set, or empty when none is. */
    String rule() {
      List<String> set = lengthRules();
      return set.isEmpty() ? "" : set.get(0);
    }

    /** The length mode of the one rule set ({@code bytes}: fixed), or null when none is. */
    LengthMode mode() {
      return switch (rule()) {
        case "bytes" -> LengthMode.FIXED;
        case "bits" -> LengthMode.BITS;
        case "varint" -> LengthMode.VARINT;
        case "sizeFrom" -> LengthMode.SIZE_FROM;
        case "countFrom" -> LengthMode.COUNT_FROM;
        case "remainder" -> LengthMode.REMAINDER;
        case "nulTerminated" -> LengthMode.NUL_TERMINATED;
        default -> null;
      };
    }
  }

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
            Annotations.isExplicit(mirror, "bytes"),
            (String) Annotations.value(elements, mirror, "sizeFrom"),
            (Boolean) Annotations.value(elements, mirror, "remainder"),
            (Boolean) Annotations.value(elements, mirror, "signed"),
            (Long) Annotations.value(elements, mirror, "max"),
            (Integer) Annotations.value(elements, mirror, "bits"),
            (String) Annotations.value(elements, mirror, "countFrom"),
            (Boolean) Annotations.value(elements, mirror, "varint"),
            (Boolean) Annotations.value(elements, mirror, "nulTerminated"));
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
      case FLOAT:
      case DOUBLE:
        if (!oneRule(where, component, a)) {
          return Optional.empty();
        }
        return scalars.primitive(where, component, a, type.getKind(), javaType);
      case DECLARED:
        return declared(where, component, a, (DeclaredType) type, javaType);
      default:
        report.error(Problem.TYPE_UNSUPPORTED, component, mirror, where, type);
        return Optional.empty();
    }
  }

  /** Checks that exactly one length rule is set (nested records take none and are not checked). */
  private boolean oneRule(String where, Element c, Attributes a) {
    List<String> set = a.lengthRules();
    if (set.isEmpty()) {
      report.error(Problem.LENGTH_MISSING, c, a.mirror(), where);
      return false;
    }
    if (set.size() > 1) {
      report.error(Problem.LENGTH_CONFLICT, c, a.mirror(), where, String.join(" and ", set));
      return false;
    }
    return true;
  }

  private Optional<FieldDescriptor> declared(
      String where, Element c, Attributes a, DeclaredType type, TypeName javaType) {
    TypeElement element = (TypeElement) type.asElement();
    String qualified = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.RECORD) {
      return nested(where, c, a, element, javaType);
    }
    if (!oneRule(where, c, a)) {
      return Optional.empty();
    }
    if (qualified.equals("java.lang.String") || qualified.equals("java.nio.ByteBuffer")) {
      WireKind kind = qualified.equals("java.lang.String") ? WireKind.STRING : WireKind.BYTES;
      return variable(where, c, a, kind, javaType);
    }
    if (qualified.equals("java.util.List")) {
      return list(where, c, a, type, javaType);
    }
    if (element.getKind() == ElementKind.ENUM) {
      TypeMirror wireCode = elements.getTypeElement(Annotations.WIRE_CODE).asType();
      if (!types.isAssignable(type, wireCode)) {
        report.error(Problem.ENUM_NOT_WIRE_CODE, c, a.mirror(), where, element.getSimpleName());
        return Optional.empty();
      }
      return scalars.enumField(where, c, a, element, javaType);
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
    if (!a.lengthRules().isEmpty() || a.signed() || a.max() != -1) {
      report.error(Problem.NESTED_ATTRIBUTES, c, a.mirror(), where);
      return Optional.empty();
    }
    return readMessage(where, c, a, element)
        .map(
            nested ->
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
                    0,
                    nested,
                    List.of()));
  }

  /**
   * Reads a record used by a component, reporting a cycle or errors of its own on the component.
   */
  private Optional<MessageDescriptor> readMessage(
      String where, Element c, Attributes a, TypeElement element) {
    if (messages.isBeingRead(element)) {
      report.error(Problem.NESTED_CYCLE, c, a.mirror(), where, element.getSimpleName(), where);
      return Optional.empty();
    }
    Optional<MessageDescriptor> nested = messages.read(element);
    if (nested.isEmpty()) {
      report.error(Problem.NESTED_INVALID, c, a.mirror(), where, element.getSimpleName());
    }
    return nested;
  }

  private Optional<FieldDescriptor> list(
      String where, Element c, Attributes a, DeclaredType type, TypeName javaType) {
    List<? extends TypeMirror> args = type.getTypeArguments();
    TypeMirror arg = args.size() == 1 ? args.get(0) : null;
    TypeElement element =
        arg != null && arg.getKind() == TypeKind.DECLARED
            ? (TypeElement) ((DeclaredType) arg).asElement()
            : null;
    if (element == null
        || element.getKind() != ElementKind.RECORD
        || Annotations.find(element, Annotations.MESSAGE) == null) {
      report.error(Problem.LIST_ELEMENT, c, a.mirror(), where, arg == null ? "raw List" : arg);
      return Optional.empty();
    }
    LengthMode mode = a.mode();
    if (mode != LengthMode.COUNT_FROM
        && mode != LengthMode.SIZE_FROM
        && mode != LengthMode.REMAINDER) {
      report.error(Problem.LIST_LENGTH, c, a.mirror(), where, a.rule());
      return Optional.empty();
    }
    if (a.signed() || a.max() != -1) {
      report.error(Problem.LIST_ATTRIBUTES, c, a.mirror(), where);
      return Optional.empty();
    }
    Optional<MessageDescriptor> elementType = readMessage(where, c, a, element);
    if (elementType.isEmpty()) {
      return Optional.empty();
    }
    if (elementType.get().endsWithRemainder()) {
      report.error(Problem.LIST_ELEMENT_REMAINDER, c, a.mirror(), where, element.getSimpleName());
      return Optional.empty();
    }
    String source = mode == LengthMode.COUNT_FROM ? a.countFrom() : a.sizeFrom();
    return Optional.of(
        new FieldDescriptor(
            c.getSimpleName().toString(),
            c,
            WireKind.LIST,
            javaType,
            "",
            mode,
            0,
            source,
            false,
            -1,
            0,
            elementType.get(),
            List.of()));
  }

  private Optional<FieldDescriptor> variable(
      String where, Element c, Attributes a, WireKind kind, TypeName javaType) {
    LengthMode mode = a.mode();
    if (mode != LengthMode.FIXED
        && mode != LengthMode.SIZE_FROM
        && mode != LengthMode.REMAINDER
        && mode != LengthMode.NUL_TERMINATED) {
      wrongRule(report, where, c, a, javaType);
      return Optional.empty();
    }
    if (a.signed()) {
      report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, javaType);
      return Optional.empty();
    }
    if (mode == LengthMode.FIXED && a.bytes() < 1) {
      report.error(Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), javaType, "bytes >= 1");
      return Optional.empty();
    }
    return Optional.of(field(c, kind, javaType, "", mode, a, List.of()));
  }

  /** Reports a length rule that the component's type does not take. */
  static void wrongRule(Report report, String where, Element c, Attributes a, Object type) {
    Problem problem =
        switch (a.rule()) {
          case "bits" -> Problem.BITS_TYPE;
          case "varint" -> Problem.VARINT_TYPE;
          case "nulTerminated" -> Problem.NUL_TYPE;
          case "countFrom" -> Problem.COUNT_FROM_NOT_LIST;
          default -> Problem.LENGTH_NOT_VARIABLE;
        };
    report.error(problem, c, a.mirror(), where, type);
  }

  static FieldDescriptor field(
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
        mode == LengthMode.FIXED ? a.bytes() : 0,
        a.sizeFrom(),
        a.signed(),
        a.max(),
        a.bits(),
        null,
        constants);
  }
}
