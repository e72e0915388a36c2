package io.chatwire.wire.processor.layout;

import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import java.util.List;

/**
 * One wire field after nested records have been flattened: where it is and what it is.
 *
 * @param index position among all leaves of the frame
 * @param path dotted component path used in errors, e.g. {@code header.state}
 * @param accessor generated accessor name, e.g. {@code headerState}
 * @param constant prefix of generated constants, e.g. {@code HEADER_STATE}
 * @param field the declared component
 * @param valuePath record accessors from the top-level record to this value
 * @param top the top-level component this leaf belongs to (for diagnostics)
 * @param staticOffset byte offset from the frame start when known at compile time, else -1
 * @param sizeSource index of the leaf holding this leaf's size, or -1
 * @param sizeUser index of the leaf whose size this leaf holds, or -1
 */
public record Leaf(
    int index,
    String path,
    String accessor,
    String constant,
    FieldDescriptor field,
    List<String> valuePath,
    FieldDescriptor top,
    int staticOffset,
    int sizeSource,
    int sizeUser) {

  /** Whether the offset is a compile-time constant. */
  public boolean hasStaticOffset() {
    return staticOffset >= 0;
  }

  /** Whether the width is a compile-time constant. */
  public boolean isFixed() {
    return field.lengthMode() == LengthMode.FIXED;
  }

  /** Whether this leaf is the size of another. */
  public boolean isSizeSource() {
    return sizeUser >= 0;
  }

  /** The fixed width in bytes (only for {@link #isFixed()} leaves). */
  public int width() {
    return field.bytes();
  }
}
