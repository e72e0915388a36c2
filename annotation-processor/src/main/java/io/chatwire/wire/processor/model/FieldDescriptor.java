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
 * @param sizeFrom the name of the component holding its size, or empty
 * @param signed whether an integer is two's complement
 * @param max the largest value or byte length, or -1
 * @param nested the nested message, for {@link WireKind#MESSAGE}
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
    MessageDescriptor nested,
    List<EnumConstant> constants) {}
