package io.chatwire.wire.processor.docs;

/** The fixed parts of a generated dissector: helpers and the port dispatch. */
final class LuaRuntime {
  private LuaRuntime() {}

  /** Reads unsigned integers of any width, enforcing the zero high bytes of wide fields. */
  static final String HELPERS =
      "-- Reads an unsigned integer as a Lua number. Fields wider than 8 bytes must have zero\n"
          + "-- high bytes and every value must be at most 2^63 - 1; otherwise returns nil and\n"
          + "-- the offset of the offending byte.\n"
          + "local function read_unsigned(tvb, pos, width, big)\n"
          + "  if width > 8 then\n"
          + "    local from, to, low\n"
          + "    if big then\n"
          + "      from, to, low = pos, pos + width - 8, pos + width - 8\n"
          + "    else\n"
          + "      from, to, low = pos + 8, pos + width, pos\n"
          + "    end\n"
          + "    for i = from, to - 1 do\n"
          + "      if tvb:range(i, 1):uint() ~= 0 then return nil, i end\n"
          + "    end\n"
          + "    pos, width = low, 8\n"
          + "  end\n"
          + "  local r = tvb:range(pos, width)\n"
          + "  if width <= 4 then\n"
          + "    if big then return r:uint() else return r:le_uint() end\n"
          + "  end\n"
          + "  local v\n"
          + "  if big then v = r:uint64() else v = r:le_uint64() end\n"
          + "  if width == 8 and v:higher() >= 0x80000000 then return nil, pos end\n"
          + "  return v:tonumber()\n"
          + "end\n\n";

  /** Dispatch protocols registered on the configured ports, one per transport. */
  static String dispatch(String base, String packageName) {
    return "local tcp_dispatch = Proto(\""
        + base
        + "_tcp\", \"chatwire "
        + packageName
        + " over TCP\")\n"
        + "local udp_dispatch = Proto(\""
        + base
        + "_udp\", \"chatwire "
        + packageName
        + " over UDP\")\n\n"
        + "local function udp_matches(prefs, pinfo)\n"
        + "  local p = prefs.udp_port\n"
        + "  if p == 0 then return false end\n"
        + "  if prefs.udp_direction == 1 then return pinfo.dst_port == p end\n"
        + "  if prefs.udp_direction == 2 then return pinfo.src_port == p end\n"
        + "  return pinfo.src_port == p or pinfo.dst_port == p\n"
        + "end\n\n"
        + "function tcp_dispatch.dissector(tvb, pinfo, tree)\n"
        + "  for _, r in ipairs(routes) do\n"
        + "    local p = r.proto.prefs.tcp_port\n"
        + "    if p ~= 0 and (pinfo.src_port == p or pinfo.dst_port == p) then\n"
        + "      return r.tcp(tvb, pinfo, tree)\n"
        + "    end\n"
        + "  end\n"
        + "  return 0\n"
        + "end\n\n"
        + "function udp_dispatch.dissector(tvb, pinfo, tree)\n"
        + "  for _, r in ipairs(routes) do\n"
        + "    if udp_matches(r.proto.prefs, pinfo) then return r.udp(tvb, pinfo, tree) end\n"
        + "  end\n"
        + "  return 0\n"
        + "end\n\n"
        + "local registered = {}\n"
        + "local function register_ports()\n"
        + "  for _, e in ipairs(registered) do e[1]:remove(e[2], e[3]) end\n"
        + "  registered = {}\n"
        + "  local tcp, udp = DissectorTable.get(\"tcp.port\"), DissectorTable.get(\"udp.port\")\n"
        + "  for _, r in ipairs(routes) do\n"
        + "    local t, u = r.proto.prefs.tcp_port, r.proto.prefs.udp_port\n"
        + "    if t ~= 0 then\n"
        + "      tcp:add(t, tcp_dispatch)\n"
        + "      registered[#registered + 1] = { tcp, t, tcp_dispatch }\n"
        + "    end\n"
        + "    if u ~= 0 then\n"
        + "      udp:add(u, udp_dispatch)\n"
        + "      registered[#registered + 1] = { udp, u, udp_dispatch }\n"
        + "    end\n"
        + "  end\n"
        + "end\n\n"
        + "for _, r in ipairs(routes) do r.proto.prefs_changed = register_ports end\n"
        + "register_ports()\n";
  }
}
