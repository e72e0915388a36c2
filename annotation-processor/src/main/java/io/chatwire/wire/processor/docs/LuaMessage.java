package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.Leaf;
import io.chatwire.wire.processor.layout.MessageLayout;
import io.chatwire.wire.processor.model.EnumConstant;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;

/** The dissector section of one message: fields, preferences, framing and dissection. */
final class LuaMessage {
  private final MessageLayout layout;
  private final Route route;
  private final String name;
  private final String proto;
  private final boolean big;
  private final boolean limited;

  LuaMessage(MessageLayout layout, Route route) {
    this.layout = layout;
    this.route = route;
    this.name = layout.message().simpleName();
    this.proto = "chatwire_" + LuaDissector.identifier(name);
    this.big = layout.message().bigEndian();
    this.limited = layout.maxLength() != Integer.MAX_VALUE;
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("-- ")
        .append(name)
        .append(' ')
        .append("-".repeat(Math.max(3, 72 - name.length())))
        .append("\ndo\n");
    sb.append("  local proto = Proto(\"")
        .append(proto)
        .append("\", \"chatwire ")
        .append(name)
        .append("\")\n");
    sb.append("  local FIXED_LENGTH = ").append(layout.fixedLength()).append('\n');
    sb.append("  local MAX_LENGTH = ").append(limited ? layout.maxLength() : "nil").append('\n');
    sb.append("  local f = {}\n");
    for (Leaf leaf : layout.leaves()) {
      fieldDeclaration(sb, leaf);
    }
    sb.append("  proto.fields = f\n");
    sb.append("  local malformed = ProtoExpert.new(\"")
        .append(proto)
        .append(".malformed\", \"Malformed ")
        .append(name)
        .append("\", expert.group.MALFORMED, expert.severity.ERROR)\n");
    sb.append("  proto.experts = { malformed }\n");
    preferences(sb);
    frameLength(sb);
    dissectFrame(sb);
    sb.append(TCP_LOOP);
    sb.append("  routes[#routes + 1] = {\n")
        .append("    proto = proto,\n")
        .append("    tcp = dissect_tcp,\n")
        .append("    udp = function(tvb, pinfo, tree)\n")
        .append("      dissect_frame(tvb, pinfo, tree, 0, tvb:len())\n")
        .append("      return tvb:len()\n")
        .append("    end,\n")
        .append("  }\n");
    return sb.append("end\n\n").toString();
  }

  private static final String TCP_LOOP =
      "  local function dissect_tcp(tvb, pinfo, tree)\n"
          + "    local total = tvb:len()\n"
          + "    local offset = 0\n"
          + "    while offset < total do\n"
          + "      local len, err = frame_length(tvb, offset, total - offset)\n"
          + "      if len == nil then\n"
          + "        tree:add(proto, tvb:range(offset, total - offset))"
          + ":add_proto_expert_info(malformed, err)\n"
          + "        return total\n"
          + "      end\n"
          + "      if len < 0 then\n"
          + "        pinfo.desegment_offset = offset\n"
          + "        pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT\n"
          + "        return total\n"
          + "      end\n"
          + "      if offset + len > total then\n"
          + "        pinfo.desegment_offset = offset\n"
          + "        pinfo.desegment_len = offset + len - total\n"
          + "        return total\n"
          + "      end\n"
          + "      dissect_frame(tvb, pinfo, tree, offset, len)\n"
          + "      offset = offset + len\n"
          + "    end\n"
          + "    return total\n"
          + "  end\n";

  private void preferences(StringBuilder sb) {
    int tcp = route != null && route.transport().equals("tcp") ? route.port() : 0;
    int udp = route != null && route.transport().equals("udp") ? route.port() : 0;
    int direction = route != null ? route.direction() : 0;
    sb.append("  proto.prefs.tcp_port = Pref.uint(\"TCP port\", ")
        .append(tcp)
        .append(", \"TCP port carrying ")
        .append(name)
        .append(" frames (0: none)\")\n");
    sb.append("  proto.prefs.udp_port = Pref.uint(\"UDP port\", ")
        .append(udp)
        .append(", \"UDP port carrying ")
        .append(name)
        .append(" datagrams (0: none)\")\n");
    sb.append("  proto.prefs.udp_direction = Pref.enum(\"UDP direction\", ")
        .append(direction)
        .append(", \"Which datagrams on the UDP port are ")
        .append(name)
        .append("\", {\n")
        .append("    { 1, \"to or from the port\", 0 },\n")
        .append("    { 2, \"sent to the port\", 1 },\n")
        .append("    { 3, \"sent from the port\", 2 },\n")
        .append("  }, false)\n");
  }

  private void fieldDeclaration(StringBuilder sb, Leaf leaf) {
    FieldDescriptor f = leaf.field();
    String abbrev = proto + "." + leaf.path();
    String type;
    String extra = "";
    switch (f.kind()) {
      case BOOLEAN:
        type = "uint8";
        extra = ", base.DEC, { [0] = \"false\", [1] = \"true\" }";
        break;
      case ENUM:
        type = integerType(Math.min(f.bytes(), 4), false);
        // One table per field, shared by the field's value names and the per-packet check.
        sb.append("  local ").append(names(leaf)).append(" = ").append(codes(f)).append('\n');
        extra = ", base.DEC, " + names(leaf);
        break;
      case INTEGER:
        type = integerType(f.bytes(), f.signed());
        extra = ", base.DEC";
        break;
      case WIDE_INTEGER:
        type = "uint64";
        extra = ", base.DEC";
        break;
      case STRING:
        type = "string";
        extra = ", base.UNICODE";
        break;
      default:
        type = "bytes";
    }
    sb.append("  f[")
        .append(leaf.index() + 1)
        .append("] = ProtoField.")
        .append(type)
        .append("(\"")
        .append(abbrev)
        .append("\", \"")
        .append(leaf.path())
        .append('"')
        .append(extra)
        .append(")\n");
  }

  private static String integerType(int bytes, boolean signed) {
    String width =
        bytes == 1 ? "8" : bytes == 2 ? "16" : bytes == 3 ? "24" : bytes == 4 ? "32" : "64";
    return (signed ? "int" : "uint") + width;
  }

  /** The Lua variable holding an enum field's code-to-name table. */
  static String names(Leaf leaf) {
    return "names_" + (leaf.index() + 1);
  }

  /** A Lua table from wire code to constant name, for the codes read from the source. */
  static String codes(FieldDescriptor f) {
    StringBuilder sb = new StringBuilder("{");
    for (EnumConstant c : f.constants()) {
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

  private static String size(Leaf leaf) {
    return "size_" + leaf.index();
  }

  private void frameLength(StringBuilder sb) {
    sb.append("  -- The frame's length once its length fields have arrived, -1 before that,\n")
        .append("  -- nil and a reason when the declared length is invalid (as frameLength()).\n")
        .append("  local function frame_length(tvb, offset, available)\n")
        .append("    if available < FIXED_LENGTH then return -1 end\n")
        .append("    local stop = offset + available\n")
        .append("    local pos = offset\n");
    for (Leaf leaf : layout.leaves()) {
      FieldDescriptor f = leaf.field();
      if (f.lengthMode() == LengthMode.FIXED) {
        if (leaf.isSizeSource()) {
          sb.append("    if pos + ").append(f.bytes()).append(" > stop then return -1 end\n");
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
              .append(" == nil then return nil, \"")
              .append(leaf.path())
              .append(": invalid length at offset \" .. (bad_")
              .append(leaf.index())
              .append(" - offset) end\n");
        }
        sb.append("    pos = pos + ").append(f.bytes()).append('\n');
      } else if (f.lengthMode() == LengthMode.SIZE_FROM) {
        Leaf source = layout.leaves().get(leaf.sizeSource());
        sb.append("    pos = pos + ").append(size(source)).append('\n');
        if (limited) {
          sb.append("    if pos - offset > MAX_LENGTH then return nil, \"")
              .append(source.path())
              .append(" makes the frame longer than maxLength \" .. MAX_LENGTH end\n");
        }
      } else {
        sb.append("    if pos < stop then pos = stop end\n");
      }
    }
    if (limited) {
      sb.append("    if pos - offset > MAX_LENGTH then return nil, \"frame is longer than")
          .append(" maxLength \" .. MAX_LENGTH end\n");
    }
    sb.append("    return pos - offset\n  end\n");
  }

  private void dissectFrame(StringBuilder sb) {
    sb.append("  local function dissect_frame(tvb, pinfo, tree, offset, length)\n")
        .append("    pinfo.cols.protocol:set(\"CHATWIRE\")\n")
        .append("    local info = \"")
        .append(name)
        .append("\"\n")
        .append("    local t = tree:add(proto, tvb:range(offset, length))\n")
        .append("    local stop = offset + length\n")
        .append("    local pos = offset\n")
        .append("    local function bad(item, text)\n")
        .append("      item:add_proto_expert_info(malformed, text)\n")
        .append("      pinfo.cols.info:append(\" [malformed]\")\n")
        .append("    end\n")
        .append("    if offset == 0 then pinfo.cols.info:set(info) end\n");
    if (limited) {
      sb.append("    if length > MAX_LENGTH then bad(t, \"frame of \" .. length ..")
          .append(" \" bytes is over maxLength \" .. MAX_LENGTH) return end\n");
    }
    for (Leaf leaf : layout.leaves()) {
      new LuaField(leaf, layout, big).dissect(sb);
    }
    if (!layout.endsWithRemainder()) {
      sb.append("    if pos ~= stop then bad(t, (stop - pos) .. \" bytes follow the last field\")")
          .append(" end\n");
    }
    sb.append("    if offset == 0 then pinfo.cols.info:set(info)")
        .append(" else pinfo.cols.info:append(\"; \" .. info) end\n  end\n");
  }
}
