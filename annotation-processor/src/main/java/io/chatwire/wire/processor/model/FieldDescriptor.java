package io.chatwire.wire.processor.model;

import com.squareup.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One record component as the user declared it, after its annotation has been read.
 *
 * @param name the component name
 * @param element the record component, for diagnostics
 * @param kind what it is on the wire
 * @param javaType the component's Java type
 * @param primitive for integers, the primitive kind ({@code boolean}, {@code byte}, ...), else
 *     empty
 * @param lengthMode how its length is known
 * @param bytes the fixed width, or 0
 * @param sizeFrom the name of the component holding its size (or, for a list, its element count),
 *     or empty
 * @param signed whether an integer is two's complement
 * @param max the largest value or byte length, or -1
 * @param bits the width of a bit field, or 0
 * @param nested the nested message, for {@link WireKind#MESSAGE}; the element, for {@link
 *     WireKind#LIST}
 * @param constants the enum's constants in declaration order, for {@link WireKind#ENUM}
 */
public record FieldDescriptor(
    String name,
    Element element,
    WireKind kind,
    TypeName javaType,
    String primitive,
    LengthMode lengthMode,
    int bytes,
    String sizeFrom,
    boolean signed,
    long max,
    int bits,
    MessageDescriptor nested,
    List<EnumConstant> constants) {

  /** Whether this is a varint, whose width depends on its value. */
  public boolean isVarint() {
    return lengthMode == LengthMode.VARINT;
  }

  /** Whether this is a bit field. */
  public boolean isBits() {
    return lengthMode == LengthMode.BITS;
  }

  /** For integers (fixed, bit field or varint): how many bits of value the wire form holds. */
  public int valueBits() {
    return switch (lengthMode) {
      case BITS -> bits;
      case VARINT -> primitive.equals("long") ? 64 : 31;
      case FIXED, SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED ->
          Math.min(bytes, 8) * 8;
    };
  }
}
