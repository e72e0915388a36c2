package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.WireKind;

/**
 * Dissection of one bit field: an item over its whole group whose ProtoField carries the field's
 * mask, so that Wireshark draws it as it draws TCP flags ({@code 0100 .... = version: 4}), plus the
 * decoder's checks on its value (enum codes, {@code max}) and, for a count or size source, the
 * {@code size_N} local.
 */
final class LuaBits {
  private final LuaRecord record;
  private final Leaf leaf;
  private final FieldDescriptor f;

  LuaBits(LuaRecord record, Leaf leaf) {
    this.record = record;
    this.leaf = leaf;
    this.f = leaf.field();
  }

  /** A Lua expression of the field's unsigned value (the group starts at {@code pos}). */
  static String read(Leaf leaf, boolean big) {
    return "read_bits(tvb, pos, "
        + leaf.groupBytes()
        + ", "
        + big
        + ", "
        + leaf.bitShift()
        + ", "
        + leaf.field().bits()
        + ")";
  }

  void dissect(StringBuilder sb) {
    boolean checked = f.kind() == WireKind.ENUM || f.max() >= 0;
    String size = "size_" + leaf.index();
    if (leaf.isSizeSource()) {
      sb.append("    local ")
          .append(size)
          .append(" = ")
          .append(read(leaf, record.big))
          .append('\n');
    }
    sb.append("    do\n")
        .append("      local item = t:")
        .append(record.big ? "add" : "add_le")
        .append('(')
        .append(record.field(leaf))
        .append(", tvb:range(pos, ")
        .append(leaf.groupBytes())
        .append("))\n");
    if (checked) {
      sb.append("      local v = ")
          .append(leaf.isSizeSource() ? size : read(leaf, record.big))
          .append('\n');
      if (f.signed()) {
        sb.append("      if v >= 2 ^ ")
            .append(f.bits() - 1)
            .append(" then v = v - 2 ^ ")
            .append(f.bits())
            .append(" end\n");
      }
      if (f.kind() == WireKind.ENUM) {
        LuaField.enumCheck(sb, record, leaf, "v");
      }
      LuaField.maxCheck(sb, record, leaf, "v");
    }
    sb.append("    end\n");
  }
}
