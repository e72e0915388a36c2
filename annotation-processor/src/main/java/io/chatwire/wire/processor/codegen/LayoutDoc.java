package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.WireKind;

/** Describes a layout in words and as a table, for the generated Javadoc. */
public final class LayoutDoc {
  private LayoutDoc() {}

  /** The class Javadoc: what the class is and the frame layout as a table. */
  static CodeBlock classDoc(MessageLayout layout, String role) {
    // Nested records are linked as Outer.Inner: their codecs are top-level classes of the package.
    String record = String.join(".", layout.message().type().simpleNames());
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
      if (leaf.isBits()) {
        offset += "." + firstBit(leaf, layout.message().bigEndian());
      }
      String length = lengthColumn(leaf);
      sb.append(String.format("%-8s %-8s %-24s %s%n", offset, length, leaf.path(), describe(leaf)));
    }
    return sb.toString();
  }

  /** One field's content in words, e.g. {@code "unsigned 29-byte integer (high 21 zero)"}. */
  public static String describe(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String text =
        switch (f.kind()) {
          case BOOLEAN -> leaf.isBits() ? "flag (1 bit)" : "boolean (0 or 1)";
          case INTEGER -> integer(leaf);
          case WIDE_INTEGER ->
              "unsigned "
                  + f.bytes()
                  + "-byte integer, bytes above the low 8 zero, at most Long.MAX_VALUE";
          case FLOAT ->
              f.primitive().equals("float")
                  ? "IEEE 754 single precision"
                  : "IEEE 754 double precision";
          case ENUM ->
              simpleName(f) + " code, " + (leaf.isBits() ? f.bits() : f.bytes() * 8) + "-bit";
          case STRING -> "UTF-8 text" + length(leaf);
          case BYTES -> "bytes" + length(leaf);
          case LIST -> "list of " + simpleName(f) + length(leaf);
          case MESSAGE -> throw new IllegalArgumentException("nested records are flattened");
        };
    if (f.max() >= 0) {
      text += ", max " + f.max();
    }
    return text;
  }

  private static String simpleName(FieldDescriptor f) {
    if (f.kind() == WireKind.LIST) {
      return f.nested().simpleName();
    }
    return f.javaType().toString().replaceAll(".*\\.", "");
  }

  private static String integer(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String sign = f.signed() ? "signed " : "unsigned ";
    return switch (f.lengthMode()) {
      case BITS -> sign + f.bits() + "-bit field";
      case VARINT ->
          "unsigned LEB128 varint, 1 to " + (f.primitive().equals("long") ? 10 : 5) + " bytes";
      case FIXED -> sign + f.bytes() * 8 + "-bit integer";
      case SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED ->
          throw new IllegalArgumentException("not an integer's length: " + f.lengthMode());
    };
  }

  /**
   * Where a bit field starts in its group, in wire order: counted from the most significant bit in
   * a big-endian message (bit 0 first, as RFC diagrams number them), from the least significant one
   * in a little-endian message.
   */
  public static int firstBit(Leaf leaf, boolean big) {
    return big ? leaf.groupBytes() * 8 - leaf.bitShift() - leaf.field().bits() : leaf.bitShift();
  }

  /** The length column of the table: bytes, bits for bit fields, "var" when it varies. */
  public static String lengthColumn(Leaf leaf) {
    if (leaf.isBits()) {
      return leaf.field().bits() + "b";
    }
    return leaf.isFixed() ? Integer.toString(leaf.width()) : "var";
  }

  private static String length(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    return switch (f.lengthMode()) {
      case SIZE_FROM ->
          f.kind() == WireKind.LIST
              ? ", byte length from " + f.sizeFrom()
              : ", length from " + f.sizeFrom();
      case COUNT_FROM -> ", count from " + f.sizeFrom();
      case REMAINDER -> ", rest of the frame";
      case NUL_TERMINATED -> ", NUL-terminated";
      case FIXED -> f.kind() == WireKind.STRING ? ", NUL-padded" : "";
      case BITS, VARINT, NESTED -> "";
    };
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
