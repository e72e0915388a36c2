package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.FieldDescriptor;

/**
 * A record's frame length function, as the decoder's {@code frameLength}: the length once its
 * length fields (and, for lists of variable elements, the elements' own) have arrived, -1 before
 * that, nil and a reason when a declared length is invalid.
 */
final class LuaLength {
  private static final String INT_MAX = "2147483647";

  private final LuaRecord record;
  private final String name;
  private final String fixed;
  private final String max;

  /**
   * @param name the function's name
   * @param fixed a Lua expression of the fixed part's length
   * @param max a Lua expression of the largest frame, {@code nil} when not limited
   */
  LuaLength(LuaRecord record, String name, String fixed, String max) {
    this.record = record;
    this.name = name;
    this.fixed = fixed;
    this.max = max;
  }

  void render(StringBuilder sb) {
    sb.append("  -- The frame's length once its length fields have arrived, -1 before that,\n")
        .append("  -- nil and a reason when the declared length is invalid (as frameLength()).\n")
        .append("  local function ")
        .append(name)
        .append("(tvb, offset, available)\n")
        .append("    if available < ")
        .append(fixed)
        .append(" then return -1 end\n")
        .append("    local limit = ")
        .append(max.equals("nil") ? INT_MAX : max)
        .append('\n')
        .append("    local stop = offset + available\n")
        .append("    local pos = offset\n");
    for (Leaf leaf : record.layout.leaves()) {
      step(sb, leaf);
    }
    sb.append("    if pos - offset > limit then return nil, \"frame is longer than")
        .append(" maxLength \" .. limit end\n");
    sb.append("    return pos - offset\n  end\n");
  }

  private static String size(Leaf leaf) {
    return "size_" + leaf.index();
  }

  private String fail(Leaf leaf, String text) {
    return "return nil, " + record.problem(leaf, text).replace("where .. \".", "\"");
  }

  private void step(StringBuilder sb, Leaf leaf) {
    FieldDescriptor f = leaf.field();
    boolean big = record.big;
    switch (f.lengthMode()) {
      case FIXED, BITS -> {
        if (leaf.isSizeSource()) {
          sb.append("    if pos + ").append(leaf.width()).append(" > stop then return -1 end\n");
          if (leaf.isBits()) {
            sb.append("    local ")
                .append(size(leaf))
                .append(" = ")
                .append(LuaBits.read(leaf, big));
            sb.append('\n');
          } else {
            sb.append("    local ")
                .append(size(leaf))
                .append(", bad_")
                .append(leaf.index())
                .append(" = read_unsigned(tvb, pos, ")
                .append(f.bytes())
                .append(", ")
                .append(big)
                .append(")\n");
            sb.append("    if ")
                .append(size(leaf))
                .append(" == nil then ")
                .append(
                    fail(
                        leaf,
                        "invalid length at offset \" .. (bad_"
                            + leaf.index()
                            + " - offset)"
                            + " .. \""))
                .append(" end\n");
          }
        }
        if (leaf.advance() > 0) {
          sb.append("    pos = pos + ").append(leaf.advance()).append('\n');
        }
      }
      case VARINT -> {
        String n = "n_" + leaf.index();
        String v = "v_" + leaf.index();
        sb.append("    local ")
            .append(n)
            .append(", ")
            .append(v)
            .append(" = read_varint(tvb, math.min(pos, stop), stop, ")
            .append(f.valueBits())
            .append(")\n")
            .append("    if ")
            .append(n)
            .append(" == nil then\n")
            .append("      if ")
            .append(v)
            .append(" == \"truncated\" then return -1 end\n")
            .append("      ")
            .append(fail(leaf, "\" .. varint_problem(" + v + ", " + f.valueBits() + ", 0) .. \""))
            .append("\n    end\n");
        if (leaf.isSizeSource() || f.max() >= 0) {
          String number = f.valueBits() > 32 ? v + ":tonumber()" : v;
          sb.append("    local ").append(size(leaf)).append(" = ").append(number).append('\n');
          if (f.max() >= 0) {
            sb.append("    if ")
                .append(size(leaf))
                .append(" > ")
                .append(f.max())
                .append(" then ")
                .append(fail(leaf, "over the maximum of " + f.max()))
                .append(" end\n");
          }
        }
        sb.append("    pos = pos + ").append(n).append('\n');
      }
      case NUL_TERMINATED -> {
        String z = "z_" + leaf.index();
        sb.append("    local ")
            .append(z)
            .append(" = find_zero(tvb, math.min(pos, stop), stop)\n")
            .append("    if ")
            .append(z)
            .append(" == nil then\n")
            .append("      if stop - offset > limit then ")
            .append(fail(leaf, "no 0x00 terminator before the end of the frame"))
            .append(" end\n")
            .append("      return -1\n")
            .append("    end\n")
            .append("    pos = ")
            .append(z)
            .append(" + 1\n");
      }
      case SIZE_FROM -> declared(sb, leaf, 1);
      case COUNT_FROM -> count(sb, leaf);
      case REMAINDER -> sb.append("    if pos < stop then pos = stop end\n");
      case NESTED -> throw new IllegalArgumentException("nested records are flattened");
    }
  }

  /** A byte length or fixed-width count from an earlier field: checked, then added. */
  private void declared(StringBuilder sb, Leaf leaf, int unit) {
    Leaf source = record.layout.leaves().get(leaf.sizeSource());
    String times = unit == 1 ? "" : " * " + unit;
    sb.append("    if ")
        .append(size(source))
        .append(" > (limit - (pos - offset))")
        .append(unit == 1 ? "" : " / " + unit)
        .append(" then ")
        .append(fail(source, "makes the frame longer than maxLength \" .. limit .. \""))
        .append(" end\n");
    sb.append("    pos = pos + ").append(size(source)).append(times).append('\n');
  }

  private void count(StringBuilder sb, Leaf leaf) {
    LuaRecord element = record.list(leaf);
    if (MarkdownPage.allFixed(element.layout)) {
      declared(sb, leaf, Math.max(1, element.layout.minLength()));
      return;
    }
    Leaf source = record.layout.leaves().get(leaf.sizeSource());
    int min = Math.max(1, element.layout.minLength());
    sb.append("    if ")
        .append(size(source))
        .append(" > (limit - (pos - offset)) / ")
        .append(min)
        .append(" then ")
        .append(fail(source, "makes the frame longer than maxLength \" .. limit .. \""))
        .append(" end\n");
    sb.append("    for i = 0, ")
        .append(size(source))
        .append(" - 1 do\n")
        .append("      if pos >= stop then return -1 end\n")
        .append("      local n, err = length_")
        .append(element.function)
        .append("(tvb, pos, stop - pos)\n")
        .append("      if n == nil then return nil, \"")
        .append(leaf.path())
        .append("[\" .. i .. \"].\" .. err end\n")
        .append("      if n < 0 then return -1 end\n")
        .append("      pos = pos + n\n")
        .append("      if pos - offset > limit then return nil, \"frame is longer than")
        .append(" maxLength \" .. limit end\n")
        .append("    end\n");
  }
}
