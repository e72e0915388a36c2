package io.chatwire.wire.processor.read;

import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.model.EnumConstant;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import io.chatwire.wire.processor.read.FieldReader.Attributes;
import io.chatwire.wire.processor.validate.Problem;
import io.chatwire.wire.processor.validate.Report;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Reads fixed-width values: integers (in whole bytes, as bit fields or as varints), booleans,
 * floats and {@code WireCode} enums. {@link FieldReader} has checked that one length rule is set.
 */
final class ScalarReader {
  /** Widest zero-padded {@code long} accepted; keeps offsets far from overflow. */
  static final int MAX_WIDE_BYTES = 1024;

  private final Report report;
  private final EnumCodes enumCodes;

  ScalarReader(Report report, EnumCodes enumCodes) {
    this.report = report;
    this.enumCodes = enumCodes;
  }

  Optional<FieldDescriptor> primitive(
      String where, Element c, Attributes a, TypeKind kind, TypeName javaType) {
    String primitive = javaType.toString();
    if (kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE) {
      return floating(where, c, a, kind, javaType);
    }
    if (kind == TypeKind.BOOLEAN) {
      return bool(where, c, a, javaType);
    }
    switch (a.rule()) {
      case "bytes":
        return wholeBytes(where, c, a, kind, javaType);
      case "bits":
        {
          int typeBits = bits(kind);
          if (a.bits() < 1 || a.bits() > 64) {
            report.error(Problem.BITS_RANGE, c, a.mirror(), where, a.bits(), primitive, "1 to 64");
            return Optional.empty();
          }
          boolean fits = a.signed() ? a.bits() <= typeBits : a.bits() < typeBits || typeBits == 64;
          if (!fits) {
            report.error(
                Problem.BITS_TOO_WIDE,
                c,
                a.mirror(),
                where,
                primitive,
                a.signed() ? "signed" : "unsigned",
                a.bits(),
                a.signed() ? "a wider type" : "a wider type, or signed = true");
            return Optional.empty();
          }
          return Optional.of(field(c, WireKind.INTEGER, javaType, primitive, LengthMode.BITS, a));
        }
      case "varint":
        if (kind != TypeKind.INT && kind != TypeKind.LONG) {
          report.error(Problem.VARINT_TYPE, c, a.mirror(), where, primitive);
          return Optional.empty();
        }
        if (a.signed()) {
          report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, "varint");
          return Optional.empty();
        }
        return Optional.of(field(c, WireKind.INTEGER, javaType, primitive, LengthMode.VARINT, a));
      default:
        FieldReader.wrongRule(report, where, c, a, primitive);
        return Optional.empty();
    }
  }

  private Optional<FieldDescriptor> wholeBytes(
      String where, Element c, Attributes a, TypeKind kind, TypeName javaType) {
    String primitive = javaType.toString();
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

  private Optional<FieldDescriptor> bool(String where, Element c, Attributes a, TypeName type) {
    boolean bits = a.rule().equals("bits");
    if (!bits && !a.rule().equals("bytes")) {
      FieldReader.wrongRule(report, where, c, a, "boolean");
      return Optional.empty();
    }
    if (bits ? a.bits() != 1 : a.bytes() != 1) {
      Problem p = bits ? Problem.BITS_RANGE : Problem.BYTES_RANGE;
      int width = bits ? a.bits() : a.bytes();
      report.error(p, c, a.mirror(), where, width, "boolean", bits ? "bits = 1" : "bytes = 1");
      return Optional.empty();
    }
    if (!plainValue(where, c, a, "boolean")) {
      return Optional.empty();
    }
    LengthMode mode = bits ? LengthMode.BITS : LengthMode.FIXED;
    return Optional.of(field(c, WireKind.BOOLEAN, type, "boolean", mode, a));
  }

  private Optional<FieldDescriptor> floating(
      String where, Element c, Attributes a, TypeKind kind, TypeName javaType) {
    String primitive = javaType.toString();
    if (!a.rule().equals("bytes")) {
      FieldReader.wrongRule(report, where, c, a, primitive);
      return Optional.empty();
    }
    int width = kind == TypeKind.FLOAT ? 4 : 8;
    if (a.bytes() != width) {
      report.error(
          Problem.BYTES_RANGE, c, a.mirror(), where, a.bytes(), primitive, "bytes = " + width);
      return Optional.empty();
    }
    if (!plainValue(where, c, a, primitive)) {
      return Optional.empty();
    }
    return Optional.of(field(c, WireKind.FLOAT, javaType, primitive, LengthMode.FIXED, a));
  }

  Optional<FieldDescriptor> enumField(
      String where, Element c, Attributes a, TypeElement element, TypeName javaType) {
    boolean bits = a.rule().equals("bits");
    if (!bits && !a.rule().equals("bytes")) {
      FieldReader.wrongRule(report, where, c, a, "enum");
      return Optional.empty();
    }
    int width = bits ? a.bits() : a.bytes();
    if (width < 1 || width > (bits ? 32 : 4)) {
      Problem p = bits ? Problem.BITS_RANGE : Problem.BYTES_RANGE;
      report.error(p, c, a.mirror(), where, width, "an enum", bits ? "1 to 32" : "1 to 4");
      return Optional.empty();
    }
    if (!plainValue(where, c, a, "enum")) {
      return Optional.empty();
    }
    List<EnumConstant> constants = enumCodes.read(element);
    if (!codesFit(constants, element, bits ? width : 8 * width)) {
      return Optional.empty();
    }
    LengthMode mode = bits ? LengthMode.BITS : LengthMode.FIXED;
    return Optional.of(FieldReader.field(c, WireKind.ENUM, javaType, "", mode, a, constants));
  }

  /**
   * Checks the codes known at compile time (integer literals): each fits {@code bits} and no two
   * are equal. Reported on the enum constant; codes computed at run time are checked when the codec
   * class loads.
   */
  private boolean codesFit(List<EnumConstant> constants, TypeElement type, int bits) {
    boolean fit = true;
    long limit = bits >= 32 ? 0xFFFF_FFFFL : (1L << bits) - 1;
    Map<Long, EnumConstant> seen = new HashMap<>();
    String enumName = type.getSimpleName().toString();
    for (EnumConstant constant : constants) {
      if (constant.code().isEmpty() || constant.element() == null) {
        continue;
      }
      long code = constant.code().getAsLong();
      String where = enumName + "." + constant.name();
      if (code < 0 || code > limit) {
        String width = bits % 8 == 0 ? bits / 8 + " byte(s)" : bits + " bit(s)";
        report.error(Problem.ENUM_CODE_RANGE, constant.element(), null, where, code, width, limit);
        fit = false;
        continue;
      }
      EnumConstant previous = seen.putIfAbsent(code, constant);
      if (previous != null) {
        report.error(
            Problem.ENUM_CODE_DUPLICATE,
            constant.element(),
            null,
            where,
            code,
            previous.name(),
            constant.name());
        fit = false;
      }
    }
    return fit;
  }

  /** Checks that a non-integer value carries neither {@code signed} nor {@code max}. */
  private boolean plainValue(String where, Element c, Attributes a, String what) {
    if (a.signed()) {
      report.error(Problem.SIGNED_NOT_INTEGER, c, a.mirror(), where, what);
      return false;
    }
    if (a.max() != -1) {
      report.error(Problem.MAX_UNSUPPORTED, c, a.mirror(), where, what);
      return false;
    }
    return true;
  }

  private static String widerFix(TypeKind kind, int bytes) {
    String wider = bytes <= 1 ? "short" : bytes <= 3 ? "int" : "long";
    if (kind == TypeKind.BYTE && bytes == 1) {
      wider = "short or int";
    }
    return wider + ", or signed = true";
  }

  private static FieldDescriptor field(
      Element c,
      WireKind kind,
      TypeName javaType,
      String primitive,
      LengthMode mode,
      Attributes a) {
    return FieldReader.field(c, kind, javaType, primitive, mode, a, List.of());
  }

  private static int bits(TypeKind kind) {
    return switch (kind) {
      case BYTE -> 8;
      case SHORT -> 16;
      case INT -> 32;
      default -> 64;
    };
  }
}
