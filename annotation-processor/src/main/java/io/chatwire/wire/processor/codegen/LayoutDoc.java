package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;

/** Describes a layout in words and as a table, for the generated Javadoc. */
public final class LayoutDoc {
  private LayoutDoc() {}

  /** The class Javadoc: what the class is and the frame layout as a table. */
  static CodeBlock classDoc(MessageLayout layout, String role) {
    String record = layout.message().simpleName();
    String intro =
        role.equals("Decoder")
            ? "Zero-copy flyweight reader for {@link "
                + record
                + "} frames: {@link #wrap}"
                + " validates a whole frame once, then accessors read it with absolute gets and"
                + " allocate nothing (except {@code String} accessors and {@link #toRecord()})."
            : "Zero-copy flyweight writer for {@link "
                + record
                + "} frames: absolute puts into a"
                + " caller's buffer, no allocation. Fields up to the first variable-length field"
                + " may be set in any order; from there on, in declaration order. Length fields"
                + " named by {@code sizeFrom} are filled in automatically.";
    return CodeBlock.builder()
        .add("$L\n\n", intro)
        .add("<pre>\n$L</pre>\n", escape(table(layout)))
        .build();
  }

  /** The layout as a fixed-width text table, one row per wire field. */
  public static String table(MessageLayout layout) {
    String endian = layout.message().bigEndian() ? "big-endian" : "little-endian";
    StringBuilder sb = new StringBuilder();
    sb.append(layout.message().simpleName())
        .append(": ")
        .append(endian)
        .append(", ")
        .append(layout.minLength())
        .append(layout.minLength() == layout.maxLength() ? "" : " to ")
        .append(
            layout.minLength() == layout.maxLength()
                ? ""
                : layout.maxLength() == Integer.MAX_VALUE ? "unlimited" : layout.maxLength())
        .append(" bytes\n\n");
    sb.append(String.format("%-8s %-8s %-24s %s%n", "offset", "length", "field", "content"));
    for (Leaf leaf : layout.leaves()) {
      String offset = leaf.hasStaticOffset() ? Integer.toString(leaf.staticOffset()) : "+";
      String length = leaf.isFixed() ? Integer.toString(leaf.width()) : "var";
      sb.append(String.format("%-8s %-8s %-24s %s%n", offset, length, leaf.path(), describe(leaf)));
    }
    return sb.toString();
  }

  /** One field's content in words, e.g. {@code "unsigned 29-byte integer (high 21 zero)"}. */
  public static String describe(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String text;
    switch (f.kind()) {
      case BOOLEAN:
        text = "boolean (0 or 1)";
        break;
      case INTEGER:
        text = (f.signed() ? "signed " : "unsigned ") + f.bytes() * 8 + "-bit integer";
        break;
      case WIDE_INTEGER:
        text =
            "unsigned "
                + f.bytes()
                + "-byte integer, bytes above the low 8 zero, at most Long.MAX_VALUE";
        break;
      case ENUM:
        text = f.javaType().toString().replaceAll(".*\\.", "") + " code, " + f.bytes() * 8 + "-bit";
        break;
      case STRING:
        text = "UTF-8 text" + length(leaf);
        break;
      default:
        text = "bytes" + length(leaf);
    }
    if (f.max() >= 0) {
      text += ", max " + f.max();
    }
    return text;
  }

  private static String length(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      return ", length from " + f.sizeFrom();
    }
    if (f.lengthMode() == LengthMode.REMAINDER) {
      return ", rest of the frame";
    }
    return f.kind() == io.chatwire.wire.processor.model.WireKind.STRING ? ", NUL-padded" : "";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
