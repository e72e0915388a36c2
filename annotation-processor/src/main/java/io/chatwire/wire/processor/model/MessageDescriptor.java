package io.chatwire.wire.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Message} record as the user declared it.
 *
 * @param element the record, for diagnostics
 * @param type the record's class name
 * @param bigEndian the byte order of its integers
 * @param maxLength the largest frame in bytes, 0 for no limit
 * @param fields its components in declaration order
 */
public record MessageDescriptor(
    TypeElement element,
    ClassName type,
    boolean bigEndian,
    int maxLength,
    List<FieldDescriptor> fields) {

  /** The record's simple name, e.g. {@code TcrpFrame}. */
  public String simpleName() {
    return type.simpleName();
  }

  /** The package the record and its codecs live in. */
  public String packageName() {
    return type.packageName();
  }

  /**
   * Whether the last wire field takes the rest of the frame, so that the frame cannot be followed.
   */
  public boolean endsWithRemainder() {
    if (fields.isEmpty()) {
      return false;
    }
    FieldDescriptor last = fields.get(fields.size() - 1);
    return last.lengthMode() == LengthMode.REMAINDER
        || (last.kind() == WireKind.MESSAGE && last.nested().endsWithRemainder());
  }
}
