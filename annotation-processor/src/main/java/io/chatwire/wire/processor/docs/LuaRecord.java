package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.LayoutPlanner;
import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.WireKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a dissector walks: the message itself, or (recursively) the element record of one of
 * its lists, which gets a pair of Lua functions ({@code length_N}, {@code dissect_N}) and fields
 * named after the list, e.g. {@code chatwire_dnsmessage.questions.qtype}. Every field of the tree
 * has a number in the message's field table {@code f}: the message's own fields first, in order.
 *
 * <pre>
 * DnsMessage          f[1..15]    dissect_frame, frame_length
 *   questions[i]      f[16..18]   dissect_1, length_1
 * </pre>
 */
final class LuaRecord {
  final MessageLayout layout;
  final boolean top;
  final boolean big;

  /** The element functions' number; 0 for the message. */
  final int function;

  private final String abbrevPrefix;
  private final int firstField;
  private final Map<Integer, LuaRecord> lists = new LinkedHashMap<>();

  private LuaRecord(MessageLayout layout, String abbrevPrefix, int firstField, int function) {
    this.layout = layout;
    this.top = function == 0;
    this.big = layout.message().bigEndian();
    this.abbrevPrefix = abbrevPrefix;
    this.firstField = firstField;
    this.function = function;
  }

  /** The tree of records for the message {@code layout} of the protocol {@code proto}. */
  static LuaRecord of(MessageLayout layout, String proto) {
    LuaRecord root = new LuaRecord(layout, proto + ".", 1, 0);
    int[] next = {1 + layout.leaves().size(), 1};
    root.addLists(next);
    return root;
  }

  private void addLists(int[] next) {
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.LIST) {
        MessageLayout element = LayoutPlanner.plan(leaf.field().nested());
        LuaRecord child =
            new LuaRecord(element, abbrevPrefix + leaf.path() + ".", next[0], next[1]++);
        next[0] += element.leaves().size();
        lists.put(leaf.index(), child);
        child.addLists(next);
      }
    }
  }

  /** The element record of the list {@code leaf}. */
  LuaRecord list(Leaf leaf) {
    return lists.get(leaf.index());
  }

  /** The Lua expression of {@code leaf}'s ProtoField, e.g. {@code f[3]}. */
  String field(Leaf leaf) {
    return "f[" + number(leaf) + "]";
  }

  private int number(Leaf leaf) {
    return firstField + leaf.index();
  }

  /** The Lua variable holding an enum field's code-to-name table. */
  String names(Leaf leaf) {
    return "names_" + number(leaf);
  }

  /**
   * A Lua string expression {@code "<path>: <text>"}, where {@code text} is the inside of a Lua
   * string literal (it may close and reopen it: {@code " .. n .. "}); in an element, the path is
   * prefixed with the element's own, e.g. {@code questions[2].qtype}.
   */
  String problem(Leaf leaf, String text) {
    return (top ? "\"" : "where .. \".") + leaf.path() + ": " + text + "\"";
  }

  /** The statement that ends dissection once a fatal problem has been flagged. */
  String abort() {
    return top ? "return" : "return nil";
  }

  /** The declarations of every field of the tree (and of the enum tables they use). */
  void declare(StringBuilder sb) {
    for (Leaf leaf : layout.leaves()) {
      declare(sb, leaf);
    }
    for (LuaRecord child : lists.values()) {
      child.declare(sb);
    }
  }

  private void declare(StringBuilder sb, Leaf leaf) {
    FieldDescriptor f = leaf.field();
    if (f.kind() == WireKind.ENUM) {
      // One table per field, shared by the field's value names and the per-packet check.
      sb.append("  local ").append(names(leaf)).append(" = ").append(codes(f)).append('\n');
    }
    String mask = leaf.isBits() ? ", " + mask(leaf) : "";
    String typeAndExtra =
        switch (f.kind()) {
          case BOOLEAN ->
              leaf.isBits()
                  ? "bool|, " + leaf.groupBytes() * 8 + ", nil" + mask
                  : "uint8|, base.DEC, { [0] = \"false\", [1] = \"true\" }";
          case ENUM ->
              integerType(leaf.isBits() ? leaf.groupBytes() : Math.min(f.bytes(), 4), false)
                  + "|, base.DEC, "
                  + names(leaf)
                  + mask;
          case INTEGER ->
              integerType(integerWidth(leaf), f.signed())
                  + "|, base.DEC"
                  + (leaf.isBits() ? ", nil" + mask : "");
          case WIDE_INTEGER -> "uint64|, base.DEC";
          case FLOAT -> (f.primitive().equals("float") ? "float" : "double") + "|";
          case STRING ->
              (f.lengthMode() == LengthMode.NUL_TERMINATED ? "stringz" : "string")
                  + "|, base.UNICODE";
          case LIST -> "none|";
          case BYTES, MESSAGE -> "bytes|";
        };
    int bar = typeAndExtra.indexOf('|');
    sb.append("  ")
        .append(field(leaf))
        .append(" = ProtoField.")
        .append(typeAndExtra, 0, bar)
        .append("(\"")
        .append(abbrevPrefix)
        .append(leaf.path())
        .append("\", \"")
        .append(leaf.path())
        .append('"')
        .append(typeAndExtra.substring(bar + 1))
        .append(")\n");
  }

  /** The width of an integer's ProtoField: its group's for a bit field, 4 or 8 for a varint. */
  private static int integerWidth(Leaf leaf) {
    FieldDescriptor f = leaf.field();
    return switch (f.lengthMode()) {
      case BITS -> leaf.groupBytes();
      case VARINT -> f.valueBits() <= 32 ? 4 : 8;
      case FIXED, SIZE_FROM, COUNT_FROM, NUL_TERMINATED, REMAINDER, NESTED -> f.bytes();
    };
  }

  /** A bit field's mask as a Lua value: a number up to 32 bits, else a UInt64. */
  private static String mask(Leaf leaf) {
    String hex = DocWords.mask(leaf);
    if (leaf.groupBytes() <= 4) {
      return hex;
    }
    long m = Long.parseUnsignedLong(hex.substring(2), 16);
    return String.format("UInt64(0x%08x, 0x%08x)", m & 0xFFFFFFFFL, m >>> 32);
  }

  private static String integerType(int bytes, boolean signed) {
    String width =
        bytes == 1 ? "8" : bytes == 2 ? "16" : bytes == 3 ? "24" : bytes == 4 ? "32" : "64";
    return (signed ? "int" : "uint") + width;
  }

  /** A Lua table from wire code to constant name, for the codes read from the source. */
  static String codes(FieldDescriptor f) {
    StringBuilder sb = new StringBuilder("{");
    for (var c : f.constants()) {
      if (c.code().isPresent()) {
        sb.append(" [")
            .append(c.code().getAsLong())
            .append("] = \"")
            .append(c.name())
            .append("\",");
      }
    }
    return sb.append(" }").toString();
  }

  /** The statements dissecting every field into tree {@code t} from {@code pos}. */
  void body(StringBuilder sb) {
    for (Leaf leaf : layout.leaves()) {
      if (leaf.field().kind() == WireKind.LIST) {
        new LuaList(this, leaf).dissect(sb);
      } else {
        new LuaField(this, leaf).dissect(sb);
      }
    }
  }

  /**
   * The element functions of the tree, innermost first: {@code length_N} (as {@code frameLength})
   * and {@code dissect_N} (returns the position after the element, or nil once it is flagged).
   */
  void functions(StringBuilder sb) {
    for (LuaRecord child : lists.values()) {
      child.functions(sb);
    }
    if (top) {
      return;
    }
    String name = layout.message().simpleName();
    boolean limited = layout.maxLength() != Integer.MAX_VALUE;
    new LuaLength(
            this,
            "length_" + function,
            Integer.toString(layout.fixedLength()),
            limited ? Integer.toString(layout.maxLength()) : "nil")
        .render(sb);
    sb.append("  -- One ")
        .append(name)
        .append(" at pos, at most up to stop, into tree t; where names it in problems.\n")
        .append("  local function dissect_")
        .append(function)
        .append("(tvb, t, pos, stop, bad, where)\n")
        .append("    local offset = pos\n");
    body(sb);
    if (limited) {
      sb.append("    if pos - offset > ")
          .append(layout.maxLength())
          .append(" then bad(t, where .. \": frame of \" .. (pos - offset) .. \" bytes is over")
          .append(" maxLength ")
          .append(layout.maxLength())
          .append("\") return nil end\n");
    }
    sb.append("    return pos\n  end\n");
  }
}
