package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;

/** Dissection of one field: the same checks as the generated decoder's {@code wrap}. */
final class LuaField {
  private final Leaf leaf;
  private final FieldDescriptor f;
  private final MessageLayout layout;
  private final boolean big;
  private final String field;

  LuaField(Leaf leaf, MessageLayout layout, boolean big) {
    this.leaf = leaf;
    this.f = leaf.field();
    this.layout = layout;
    this.big = big;
    this.field = "f[" + (leaf.index() + 1) + "]";
  }

  void dissect(StringBuilder sb) {
    String path = leaf.path();
    if (f.lengthMode() == LengthMode.FIXED) {
      sb.append("    if stop - pos < ")
          .append(f.bytes())
          .append(" then bad(t, \"")
          .append(path)
          .append(": needs ")
          .append(f.bytes())
          .append(" bytes but only \" .. (stop - pos) .. \" remain\") return end\n");
      fixed(sb);
      sb.append("    pos = pos + ").append(f.bytes()).append('\n');
      return;
    }
    String n = "n_" + leaf.index();
    if (f.lengthMode() == LengthMode.SIZE_FROM) {
      sb.append("    local ")
          .append(n)
          .append(" = size_")
          .append(layout.leaves().get(leaf.sizeSource()).index())
          .append('\n');
      sb.append("    if ")
          .append(n)
          .append(" > stop - pos then bad(t, \"")
          .append(path)
          .append(": declared length \" .. ")
          .append(n)
          .append(" .. \" runs past the end of the frame\") return end\n");
    } else {
      sb.append("    local ").append(n).append(" = stop - pos\n");
    }
    variable(sb, n);
    sb.append("    pos = pos + ").append(n).append('\n');
  }

  private void fixed(StringBuilder sb) {
    String r = "tvb:range(pos, " + f.bytes() + ")";
    String path = leaf.path();
    switch (f.kind()) {
      case STRING:
        sb.append("    t:add(")
            .append(field)
            .append(", ")
            .append(r)
            .append(", ")
            .append(r)
            .append(":stringz(ENC_UTF_8))\n");
        return;
      case BYTES:
        sb.append("    t:add(").append(field).append(", ").append(r).append(")\n");
        return;
      case WIDE_INTEGER:
        {
          int low = big ? f.bytes() - 8 : 0;
          if (leaf.isSizeSource()) {
            sb.append("    local size_").append(leaf.index()).append('\n');
          }
          sb.append("    do\n")
              .append("      local v, at = read_unsigned(tvb, pos, ")
              .append(f.bytes())
              .append(", ")
              .append(big)
              .append(")\n")
              .append("      local raw = tvb:range(pos + ")
              .append(low)
              .append(", 8)\n")
              .append("      local item = t:add(")
              .append(field)
              .append(", ")
              .append(r)
              .append(", ")
              .append(big ? "raw:uint64()" : "raw:le_uint64()")
              .append(")\n")
              .append("      if v == nil then bad(item, \"")
              .append(path)
              .append(": byte \" .. (at - offset) .. \" must be zero\") end\n");
          maxCheck(sb, "v");
          if (leaf.isSizeSource()) {
            sb.append("      size_").append(leaf.index()).append(" = v or 0\n");
          }
          sb.append("    end\n");
          return;
        }
      default:
        scalar(sb, r);
    }
  }

  private void scalar(StringBuilder sb, String r) {
    String path = leaf.path();
    boolean wide = f.bytes() > 4;
    String getter = (f.signed() ? "int" : "uint") + (wide ? "64" : "");
    String value = r + ":" + (big ? "" : "le_") + getter + "()";
    if (leaf.isSizeSource()) {
      sb.append("    local size_")
          .append(leaf.index())
          .append(" = read_unsigned(tvb, pos, ")
          .append(f.bytes())
          .append(", ")
          .append(big)
          .append(") or 0\n");
    }
    sb.append("    do\n")
        .append("      local v = ")
        .append(value)
        .append('\n')
        .append("      local item = t:add(")
        .append(field)
        .append(", ")
        .append(r)
        .append(", v)\n");
    String number = wide ? "v:tonumber()" : "v";
    if (f.kind() == WireKind.BOOLEAN) {
      sb.append("      if v > 1 then bad(item, \"")
          .append(path)
          .append(": boolean must be 0 or 1\") end\n");
    } else if (f.kind() == WireKind.ENUM) {
      String names = LuaMessage.names(leaf);
      sb.append("      if ")
          .append(names)
          .append("[v] == nil then bad(item, \"")
          .append(path)
          .append(": unknown code \" .. v) else info = info .. \" ")
          .append(path)
          .append("=\" .. ")
          .append(names)
          .append("[v] end\n");
    } else if (!f.signed() && f.bytes() == 8) {
      sb.append("      if v:higher() >= 0x80000000 then bad(item, \"")
          .append(path)
          .append(": value is over 2^63 - 1\") end\n");
    }
    maxCheck(sb, number);
    sb.append("    end\n");
  }

  private void maxCheck(StringBuilder sb, String number) {
    if (f.max() >= 0) {
      sb.append("      if ")
          .append(number)
          .append(" ~= nil and ")
          .append(number)
          .append(" > ")
          .append(f.max())
          .append(" then bad(item, \"")
          .append(leaf.path())
          .append(": over the maximum of ")
          .append(f.max())
          .append("\") end\n");
    }
  }

  private void variable(StringBuilder sb, String n) {
    String path = leaf.path();
    sb.append("    do\n");
    sb.append("      local r = tvb:range(pos, ").append(n).append(")\n");
    if (f.kind() == WireKind.STRING) {
      sb.append("      local s = r:string(ENC_UTF_8)\n")
          .append("      local item = t:add(")
          .append(field)
          .append(", r, s)\n")
          .append("      if #s <= 40 then info = info .. \" ")
          .append(path)
          .append("=\\\"\" .. s .. \"\\\"\" end\n");
    } else {
      sb.append("      local item = t:add(")
          .append(field)
          .append(", r)\n")
          .append("      info = info .. \" ")
          .append(path)
          .append("=\" .. ")
          .append(n)
          .append(" .. \" bytes\"\n");
    }
    if (f.max() >= 0) {
      sb.append("      if ")
          .append(n)
          .append(" > ")
          .append(f.max())
          .append(" then bad(item, \"")
          .append(path)
          .append(": \" .. ")
          .append(n)
          .append(" .. \" bytes, over the maximum of ")
          .append(f.max())
          .append("\") end\n");
    }
    sb.append("    end\n");
  }
}
