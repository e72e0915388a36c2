package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.WireKind;

/**
 * How the Markdown page and the packet diagrams put a field's extent, mask and element in words.
 */
final class DocWords {
  private DocWords() {}

  /** {@code "1 byte"}, {@code "4 bytes"}. */
  static String bytes(long n) {
    return n + (n == 1 ? " byte" : " bytes");
  }

  /** {@code "1 bit"}, {@code "4 bits"}. */
  static String bits(int n) {
    return n + (n == 1 ? " bit" : " bits");
  }

  /** The most bytes a varint of {@code f} takes: 5 for an {@code int}, 10 for a {@code long}. */
  static int varintBytes(FieldDescriptor f) {
    return (f.valueBits() + 6) / 7;
  }

  /** A bit field's mask in its group's integer, e.g. {@code 0x7800}. */
  static String mask(Leaf leaf) {
    int bits = leaf.field().bits();
    long mask = (bits == 64 ? -1L : (1L << bits) - 1) << leaf.bitShift();
    return String.format("0x%0" + (leaf.groupBytes() * 2) + "x", mask);
  }

  /** The path of the leaf holding {@code leaf}'s size or count. */
  static String source(MessageLayout layout, Leaf leaf) {
    return layout.leaves().get(leaf.sizeSource()).path();
  }

  /** A list's element record's simple name. */
  static String element(Leaf leaf) {
    return leaf.field().nested().simpleName();
  }

  /** How far a field extends, for a diagram row: e.g. {@code "qdcount × DnsQuestion"}. */
  static String extent(MessageLayout layout, Leaf leaf) {
    FieldDescriptor f = leaf.field();
    boolean list = f.kind() == WireKind.LIST;
    return switch (f.lengthMode()) {
      case FIXED -> bytes(f.bytes());
      case BITS -> bits(f.bits());
      case VARINT -> "varint, 1 to " + bytes(varintBytes(f));
      case NUL_TERMINATED -> "up to a 0x00 byte";
      case SIZE_FROM ->
          source(layout, leaf) + " bytes" + (list ? " of " + element(leaf) + " elements" : "");
      case COUNT_FROM -> source(layout, leaf) + " × " + element(leaf);
      case REMAINDER -> list ? element(leaf) + " elements to the end" : "rest of frame";
      case NESTED -> throw new IllegalArgumentException("nested records are flattened");
    };
  }
}
