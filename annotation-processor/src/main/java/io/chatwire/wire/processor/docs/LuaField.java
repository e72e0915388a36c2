package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;

/**
 * Dissection of one field that is not a list: the same checks as the generated decoder's {@code
 * wrap}. In scope: {@code tvb}, {@code t}, {@code pos}, {@code stop}, {@code offset}, {@code bad}
 * (and {@code info} in a message, {@code where} in a list element).
 */
final class LuaField {
  private final LuaRecord record;
  private final Leaf leaf;
  private final FieldDescriptor f;
  private final boolean big;
  private final String field;

  LuaField(LuaRecord record, Leaf leaf) {
    this.record = record;
    this.leaf = leaf;
    this.f = leaf.field();
    this.big = record.big;
    this.field = record.field(leaf);
  }

  private String problem(String text) {
    return record.problem(leaf, text);
  }

  private String fatal(String item, String text) {
    return "bad(" + item + ", " + problem(text) + ") " + record.abort() + " end\n";
  }

  private String size() {
    return "size_" + leaf.index();
  }

  void dissect(StringBuilder sb) {
    switch (f.lengthMode()) {
      case FIXED -> {
        truncation(sb, f.bytes());
        fixed(sb);
        sb.append("    pos = pos + ").append(f.bytes()).append('\n');
      }
      case BITS -> {
        if (leaf.groupStart()) {
          truncation(sb, leaf.groupBytes());
        }
        new LuaBits(record, leaf).dissect(sb);
        if (leaf.groupEnd()) {
          sb.append("    pos = pos + ").append(leaf.groupBytes()).append('\n');
        }
      }
      case VARINT -> varint(sb);
      case NUL_TERMINATED -> nulTerminated(sb);
      case SIZE_FROM, REMAINDER -> {
        String n = "n_" + leaf.index();
        if (f.lengthMode() == LengthMode.SIZE_FROM) {
          String source = "size_" + leaf.sizeSource();
          sb.append("    local ").append(n).append(" = ").append(source).append('\n');
          sb.append("    if ")
              .append(n)
              .append(" > stop - pos then ")
              .append(
                  fatal(
                      "t", "declared length \" .. " + n + " .. \" runs past the end of the frame"));
        } else {
          sb.append("    local ").append(n).append(" = stop - pos\n");
        }
        variable(sb, n, false);
        sb.append("    pos = pos + ").append(n).append('\n');
      }
      case COUNT_FROM, NESTED -> throw new IllegalArgumentException("not a scalar: " + leaf.path());
    }
  }

  private void truncation(StringBuilder sb, int bytes) {
    sb.append("    if stop - pos < ")
        .append(bytes)
        .append(" then ")
        .append(fatal("t", "needs " + bytes + " bytes but only \" .. (stop - pos) .. \" remain"));
  }

  private void fixed(StringBuilder sb) {
    String r = "tvb:range(pos, " + f.bytes() + ")";
    switch (f.kind()) {
      case STRING ->
          sb.append("    t:add(")
              .append(field)
              .append(", ")
              .append(r)
              .append(", ")
              .append(r)
              .append(":stringz(ENC_UTF_8))\n");
      case BYTES -> sb.append("    t:add(").append(field).append(", ").append(r).append(")\n");
      case FLOAT ->
          sb.append("    t:add(")
              .append(field)
              .append(", ")
              .append(r)
              .append(", ")
              .append(r)
              .append(big ? ":float()" : ":le_float()")
              .append(")\n");
      case WIDE_INTEGER -> wide(sb, r);
      case BOOLEAN, INTEGER, ENUM -> scalar(sb, r);
      case MESSAGE, LIST -> throw new IllegalArgumentException("not a scalar: " + leaf.path());
    }
  }

  private void wide(StringBuilder sb, String r) {
    int low = big ? f.bytes() - 8 : 0;
    if (leaf.isSizeSource()) {
      sb.append("    local ").append(size()).append('\n');
    }
    sb.append("    do\n")
        .append("      local v, at = read_unsigned(tvb, pos, ")
        .append(f.bytes())
        .append(", ")
        .append(big)
        .append(")\n")
        .append("      local raw = tvb:range(pos + ")
        .append(low)
        .append(", 8)")
        .append(big ? ":uint64()" : ":le_uint64()")
        .append('\n')
        .append("      local item = t:add(")
        .append(field)
        .append(", ")
        .append(r)
        .append(", raw)\n")
        .append("      if v == nil then bad(item, ")
        .append(problem("byte \" .. (at - offset) .. \" must be zero"))
        .append(") elseif raw:higher() >= 0x80000000 then bad(item, ")
        .append(problem("value is over Long.MAX_VALUE"))
        .append(") end\n");
    maxCheck(sb, "v");
    if (leaf.isSizeSource()) {
      sb.append("      ").append(size()).append(" = v or 0\n");
    }
    sb.append("    end\n");
  }

  private void scalar(StringBuilder sb, String r) {
    boolean wide = f.bytes() > 4;
    String getter = (f.signed() ? "int" : "uint") + (wide ? "64" : "");
    String value = r + ":" + (big ? "" : "le_") + getter + "()";
    if (leaf.isSizeSource()) {
      sb.append("    local ")
          .append(size())
          .append(" = read_unsigned(tvb, pos, ")
          .append(f.bytes())
          .append(", ")
          .append(big)
          .append(")\n");
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
    if (f.kind() == WireKind.BOOLEAN) {
      sb.append("      if v > 1 then bad(item, ")
          .append(problem("boolean must be 0 or 1"))
          .append(") end\n");
    } else if (f.kind() == WireKind.ENUM) {
      enumCheck(sb, record, leaf, "v");
    }
    maxCheck(sb, wide ? "v:tonumber()" : "v");
    sb.append("    end\n");
  }

  /** Flags an unknown code, else adds the constant's name to the info column (in a message). */
  static void enumCheck(StringBuilder sb, LuaRecord record, Leaf leaf, String v) {
    String names = record.names(leaf);
    sb.append("      if ")
        .append(names)
        .append('[')
        .append(v)
        .append("] == nil then bad(item, ")
        .append(record.problem(leaf, "unknown code \" .. " + v + " .. \""))
        .append(")");
    if (record.top) {
      sb.append(" else info = info .. \" ")
          .append(leaf.path())
          .append("=\" .. ")
          .append(names)
          .append('[')
          .append(v)
          .append(']');
    }
    sb.append(" end\n");
  }

  /** Flags a value over {@code max}; {@code v} is a Lua number. */
  private void maxCheck(StringBuilder sb, String v) {
    maxCheck(sb, record, leaf, v);
  }

  static void maxCheck(StringBuilder sb, LuaRecord record, Leaf leaf, String v) {
    long max = leaf.field().max();
    if (max < 0) {
      return;
    }
    sb.append("      if ")
        .append(v)
        .append(" ~= nil and ")
        .append(v)
        .append(" > ")
        .append(max)
        .append(" then bad(item, ")
        .append(record.problem(leaf, "over the maximum of " + max))
        .append(") end\n");
  }

  private void varint(StringBuilder sb) {
    int bits = f.valueBits();
    String n = "n_" + leaf.index();
    String number = bits > 32 ? "v:tonumber()" : "v";
    sb.append("    local ").append(n).append('\n');
    if (leaf.isSizeSource()) {
      sb.append("    local ").append(size()).append('\n');
    }
    sb.append("    do\n")
        .append("      local n, v = read_varint(tvb, pos, stop, ")
        .append(bits)
        .append(")\n")
        .append("      if n == nil then bad(t, ")
        .append(problem("\" .. varint_problem(v, " + bits + ", stop - pos) .. \""))
        .append(") ")
        .append(record.abort())
        .append(" end\n")
        .append("      local item = t:add(")
        .append(field)
        .append(", tvb:range(pos, n), v)\n");
    maxCheck(sb, number);
    if (leaf.isSizeSource()) {
      sb.append("      ").append(size()).append(" = ").append(number).append('\n');
    }
    if (record.top) {
      sb.append("      info = info .. \" ").append(leaf.path()).append("=\" .. tostring(v)\n");
    }
    sb.append("      ").append(n).append(" = n\n");
    sb.append("    end\n");
    sb.append("    pos = pos + ").append(n).append('\n');
  }

  private void nulTerminated(StringBuilder sb) {
    String n = "n_" + leaf.index();
    String zero = "z_" + leaf.index();
    sb.append("    local ").append(zero).append(" = find_zero(tvb, pos, stop)\n");
    sb.append("    if ")
        .append(zero)
        .append(" == nil then ")
        .append(fatal("t", "no 0x00 terminator before the end of the frame"));
    sb.append("    local ").append(n).append(" = ").append(zero).append(" - pos\n");
    variable(sb, n, true);
    sb.append("    pos = ").append(zero).append(" + 1\n");
  }

  /** A byte range of {@code n} bytes at pos; the item covers its 0x00 too when {@code nul}. */
  private void variable(StringBuilder sb, String n, boolean nul) {
    String path = leaf.path();
    // A string item covers its 0x00 (a stringz field); a bytes item only the value's bytes.
    String range = nul && f.kind() == WireKind.STRING ? "tvb:range(pos, " + n + " + 1)" : "r";
    sb.append("    do\n");
    sb.append("      local r = tvb:range(pos, ").append(n).append(")\n");
    if (f.kind() == WireKind.STRING) {
      sb.append("      local s = r:string(ENC_UTF_8)\n")
          .append("      local item = t:add(")
          .append(field)
          .append(", ")
          .append(range)
          .append(", s)\n");
      if (record.top) {
        sb.append("      if #s <= 40 then info = info .. \" ")
            .append(path)
            .append("=\\\"\" .. s .. \"\\\"\" end\n");
      }
    } else {
      sb.append("      local item = t:add(").append(field).append(", ").append(range).append(")\n");

      if (record.top) {
        sb.append("      info = info .. \" ")
            .append(path)
            .append("=\" .. ")
            .append(n)
            .append(" .. \" bytes\"\n");
      }
    }
    if (f.max() >= 0) {
      sb.append("      if ")
          .append(n)
          .append(" > ")
          .append(f.max())
          .append(" then bad(item, ")
          .append(problem("\" .. " + n + " .. \" bytes, over the maximum of " + f.max()))
          .append(") end\n");
    }
    sb.append("    end\n");
  }
}
