package io.chatwire.client;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client side of TCRP: CREATE, JOIN, LIST and LEAVE, one connection per request. */
final class ControlChannel {
  private final ClientOptions options;

  ControlChannel(ClientOptions options) {
    this.options = options;
  }

  /** Creates {@code options.room()} and returns the host's admission. */
  Admission create() throws ControlException {
    return admit(Operation.CREATE);
  }

  /** Joins {@code options.room()} and returns the member's admission. */
  Admission join() throws ControlException {
    return admit(Operation.JOIN);
  }

  /**
   * The most LIST pages read: a server answers at most 64 KiB a page, so this is room for far more
   * rooms than a server holds, and a server that always says {@code "more"} cannot keep us busy.
   */
  static final int MAX_LIST_PAGES = 1_000;

  /**
   * Lists the server's rooms: every page ({@code {"offset": N}} while the answer says {@code
   * "more": true}), in the server's order, merged by name, since a room opened or closed between
   * two pages shifts the rest by one.
   */
  List<RoomInfo> list() throws ControlException {
    Map<String, RoomInfo> rooms = new LinkedHashMap<>();
    int offset = 0;
    for (int page = 0; page < MAX_LIST_PAGES; page++) {
      Payloads.Status status;
      try (TcrpConnection c = connect()) {
        c.send(Operation.LIST, "", offset == 0 ? Payloads.empty() : Payloads.offset(offset));
        status = Payloads.status(c.read(Operation.LIST, State.RESPONSE));
      }
      requireOk(status);
      List<RoomInfo> got = Payloads.rooms(status);
      for (RoomInfo room : got) {
        rooms.putIfAbsent(room.name(), room);
      }
      if (got.isEmpty() || !Boolean.TRUE.equals(status.body().get("more"))) {
        break;
      }
      offset += got.size();
    }
    return new ArrayList<>(rooms.values());
  }

  /** Leaves {@code options.room()}; the host leaving closes the room. */
  void leave(String token) throws ControlException {
    try (TcrpConnection c = connect()) {
      c.send(Operation.LEAVE, options.room(), Payloads.token(token));
      requireOk(Payloads.status(c.read(Operation.LEAVE, State.RESPONSE)));
    }
  }

  private Admission admit(Operation operation) throws ControlException {
    try (TcrpConnection c = connect()) {
      c.send(operation, options.room(), Payloads.credentials(options.name(), options.password()));
      requireOk(Payloads.status(c.read(operation, State.RESPONSE)));
      Map<String, Object> completion = Payloads.object(c.read(operation, State.COMPLETE));
      return new Admission(
          Payloads.token(completion),
          Payloads.udpPort(completion, options.udpPort()),
          c.remoteAddress(),
          c.localAddress());
    }
  }

  private TcrpConnection connect() throws ControlException {
    return TcrpConnection.open(
        options.server(), options.tcpPort(), options.connectTimeout(), options.timeout());
  }

  private static void requireOk(Payloads.Status status) throws ControlException {
    if (!status.ok()) {
      throw new ControlException(status.status(), status.describe());
    }
  }
}
