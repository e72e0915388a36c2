package io.chatwire.wire.processor.layout;

import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import java.util.List;

/**
 * One wire field after nested records have been flattened: where it is and what it is.
 *
 * <p>The members of a bit group share one offset: the group's first byte. Each member reads the
 * group as one unsigned integer of {@link #width()} bytes and takes {@code bits} of it from {@link
 * #bitShift()} up:
 *
 * <pre>
 * BIG, group of 2 bytes:  | a:3 | b:5 | c:8 |   a: shift 13, b: shift 8, c: shift 0
 * </pre>
 *
 * @param index position among all leaves of the frame
 * @param path dotted component path used in errors, e.g. {@code header.state}
 * @param accessor generated accessor name, e.g. {@code headerState}
 * @param constant prefix of generated constants, e.g. {@code HEADER_STATE}
 * @param field the declared component
 * @param valuePath record accessors from the top-level record to this value
 * @param top the top-level component this leaf belongs to (for diagnostics)
 * @param staticOffset byte offset from the frame start when known at compile time, else -1
 * @param sizeSource index of the leaf holding this leaf's size or element count, or -1
 * @param sizeUser index of the leaf whose size or count this leaf holds, or -1
 * @param groupBytes for a bit field, its group's width in bytes, else 0
 * @param bitShift for a bit field, the position of its lowest bit in the group's value
 * @param groupStart whether this is the first bit field of its group
 * @param groupEnd whether this is the last bit field of its group
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
    int sizeUser,
    int groupBytes,
    int bitShift,
    boolean groupStart,
    boolean groupEnd) {

  /** Whether the offset is a compile-time constant. */
  public boolean hasStaticOffset() {
    return staticOffset >= 0;
  }

  /** Whether the width is a compile-time constant (a bit field's is its group's). */
  public boolean isFixed() {
    return field.lengthMode().isFixed();
  }

  /** Whether this is a bit field. */
  public boolean isBits() {
    return field.lengthMode() == LengthMode.BITS;
  }

  /** Whether this leaf is the size or count of another. */
  public boolean isSizeSource() {
    return sizeUser >= 0;
  }

  /** The fixed width in bytes (only for {@link #isFixed()} leaves; a bit group's whole width). */
  public int width() {
    return isBits() ? groupBytes : field.bytes();
  }

  /**
   * How far the frame moves past this fixed leaf: its width, or for a bit field its group's width
   * once the group ends and 0 before.
   */
  public int advance() {
    return isBits() ? (groupEnd ? groupBytes : 0) : field.bytes();
  }

  /** Whether reading this leaf starts a new run of bytes: not a bit field after the first. */
  public boolean startsBytes() {
    return !isBits() || groupStart;
  }
}
