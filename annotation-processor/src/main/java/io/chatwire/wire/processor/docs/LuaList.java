package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.model.LengthMode;

/**
 * Dissection of a list: one item for the list and under it one subtree per element, each dissected
 * by the element record's {@code dissect_N}, with the decoder's checks (a count against the bytes
 * left, a byte length against the frame and, for fixed-width elements, against the element width).
 *
 * <pre>
 * countFrom:  count &lt;= remaining / minLength ? count elements : flagged
 * sizeFrom:   length &lt;= remaining ? elements up to pos + length : flagged
 * remainder:  elements up to the end of the frame
 * </pre>
 */
final class LuaList {
  private final LuaRecord record;
  private final Leaf leaf;
  private final LuaRecord element;
  private final int width;

  LuaList(LuaRecord record, Leaf leaf) {
    this.record = record;
    this.leaf = leaf;
    this.element = record.list(leaf);
    this.width = MarkdownPage.allFixed(element.layout) ? element.layout.minLength() : 0;
  }

  private String fatal(String text) {
    return "bad(t, " + record.problem(leaf, text) + ") " + record.abort() + " end\n";
  }

  void dissect(StringBuilder sb) {
    LengthMode mode = leaf.field().lengthMode();
    // The local the count or byte length source left (not read for a remainder list).
    String source = "size_" + leaf.sizeSource();
    sb.append("    do\n");
    if (mode == LengthMode.COUNT_FROM) {
      int min = Math.max(1, element.layout.minLength());
      sb.append("      local count = ")
          .append(source)
          .append('\n')
          .append("      local room = math.floor((stop - pos) / ")
          .append(min)
          .append(")\n")
          .append("      if count > room then ")
          .append(
              fatal(
                  "declared count \" .. count .. \" needs more bytes than remain"
                      + " (room for at most \" .. room .. \")"));
      sb.append("      local lt = t:add(")
          .append(record.field(leaf))
          .append(", tvb:range(pos, 0))\n")
          .append("      local p, i = pos, 0\n")
          .append("      while i < count do\n");
      element(sb, width > 0 ? "p + " + width : "stop");
    } else {
      if (mode == LengthMode.SIZE_FROM) {
        sb.append("      local len = ")
            .append(source)
            .append('\n')
            .append("      if len > stop - pos then ")
            .append(fatal("declared length \" .. len .. \" runs past the end of the frame"));
      } else {
        sb.append("      local len = stop - pos\n");
      }
      if (width > 0) {
        sb.append("      if len % ")
            .append(width)
            .append(" ~= 0 then ")
            .append(fatal("declared list length \" .. len .. \" ends inside an element"));
      }
      sb.append("      local lt = t:add(")
          .append(record.field(leaf))
          .append(", tvb:range(pos, 0))\n")
          .append("      local p, i, list_end = pos, 0, pos + len\n")
          .append("      while p < list_end do\n");
      element(sb, width > 0 ? "p + " + width : "list_end");
    }
    sb.append("      end\n")
        .append("      lt:set_len(p - pos)\n")
        .append(
            "      lt:append_text(\" (\" .. i .. (i == 1 and \" element)\" or \" elements)\"))\n");
    if (record.top) {
      sb.append("      info = info .. \" ").append(leaf.path()).append("[\" .. i .. \"]\"\n");
    }
    sb.append("      pos = p\n").append("    end\n");
  }

  /** One element at {@code p}, ending at most at {@code stop}; advances {@code p} and {@code i}. */
  private void element(StringBuilder sb, String stop) {
    String where = (record.top ? "\"" : "where .. \".") + leaf.path() + "[\" .. i .. \"]\"";
    sb.append("        local et = lt:add(tvb:range(p, 0), \"")
        .append(element.layout.message().simpleName())
        .append(" [\" .. i .. \"]\")\n")
        .append("        local q = dissect_")
        .append(element.function)
        .append("(tvb, et, p, ")
        .append(stop)
        .append(", bad, ")
        .append(where)
        .append(")\n")
        .append("        if q == nil then ")
        .append(record.abort())
        .append(" end\n")
        .append("        et:set_len(q - p)\n")
        .append("        p, i = q, i + 1\n");
  }
}
