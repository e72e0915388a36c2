package io.chatwire.client;

import io.chatwire.protocol.Operation;
import io.chatwire.protocol.State;
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

  /** Lists the server's rooms. */
  List<RoomInfo> list() throws ControlException {
    try (TcrpConnection c = connect()) {
      c.send(Operation.LIST, "", Payloads.empty());
      Payloads.Status status = Payloads.status(c.read(Operation.LIST, State.RESPONSE));
      requireOk(status);
      return Payloads.rooms(status);
    }
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
