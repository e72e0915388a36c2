package io.chatwire.wire.processor.docs;

import io.chatwire.wire.processor.layout.MessageLayout;

/** The dissector section of one message: fields, preferences, framing and dissection. */
final class LuaMessage {
  private final MessageLayout layout;
  private final Route route;
  private final String name;
  private final String proto;
  private final boolean limited;
  private final LuaRecord record;

  LuaMessage(MessageLayout layout, Route route) {
    this.layout = layout;
    this.route = route;
    this.name = layout.message().simpleName();
    this.proto = "chatwire_" + LuaDissector.identifier(name);
    this.limited = layout.maxLength() != Integer.MAX_VALUE;
    this.record = LuaRecord.of(layout, proto);
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
    record.declare(sb);
    sb.append("  proto.fields = f\n");
    sb.append("  local malformed = ProtoExpert.new(\"")
        .append(proto)
        .append(".malformed\", \"Malformed ")
        .append(name)
        .append("\", expert.group.MALFORMED, expert.severity.ERROR)\n");
    sb.append("  proto.experts = { malformed }\n");
    preferences(sb);
    record.functions(sb);
    new LuaLength(record, "frame_length", "FIXED_LENGTH", limited ? "MAX_LENGTH" : "nil")
        .render(sb);
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
    record.body(sb);
    if (!layout.endsWithRemainder()) {
      sb.append("    if pos ~= stop then bad(t, (stop - pos) .. \" bytes follow the last field\")")
          .append(" end\n");
    }
    sb.append("    if offset == 0 then pinfo.cols.info:set(info)")
        .append(" else pinfo.cols.info:append(\"; \" .. info) end\n  end\n");
  }
}
