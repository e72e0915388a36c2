package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.layout.LayoutPlanner;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.MessageDescriptor;

/**
 * What the generators need to know about a list's element record: its codecs, and whether every
 * element has the same width (then the list has random access and needs no per-element walk).
 *
 * @param record the element record
 * @param decoder its generated decoder
 * @param encoder its generated encoder
 * @param fixed whether every element has the same width
 * @param minLength the shortest element ({@code width} when fixed)
 * @param needsCheck whether an element's bytes can be invalid (enum codes, booleans, text, limits),
 *     so that a list of fixed-width elements must still look at each one in {@code wrap}
 */
record ListElement(
    ClassName record,
    ClassName decoder,
    ClassName encoder,
    boolean fixed,
    int minLength,
    boolean needsCheck) {

  static ListElement of(Leaf leaf) {
    MessageDescriptor element = leaf.field().nested();
    MessageLayout layout = LayoutPlanner.plan(element);
    boolean fixed = true;
    boolean check = false;
    for (Leaf l : layout.leaves()) {
      fixed &= l.isFixed();
      check |= needsCheck(l);
    }
    return new ListElement(
        element.type(),
        ClassName.get(element.packageName(), element.simpleName() + "Decoder"),
        ClassName.get(element.packageName(), element.simpleName() + "Encoder"),
        fixed,
        layout.minLength(),
        check || !fixed);
  }

  private static boolean needsCheck(Leaf l) {
    if (l.field().max() >= 0) {
      return true;
    }
    return switch (l.field().kind()) {
      case BOOLEAN -> !l.isBits();
      case ENUM, STRING, WIDE_INTEGER, LIST -> true;
      case INTEGER, FLOAT, MESSAGE, BYTES -> false;
    };
  }

  /** The element width, for fixed elements. */
  int width() {
    return minLength;
  }

  /** {@code List<Element>}. */
  TypeName listType() {
    return ParameterizedTypeName.get(ClassName.get("java.util", "List"), record);
  }
}
