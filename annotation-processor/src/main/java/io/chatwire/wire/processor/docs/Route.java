package io.chatwire.wire.processor.docs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The default port a dissector decodes a message on, from the processor option {@code
 * chatwire.dissector.ports}, e.g. {@code TcrpFrame=tcp:9001,ChatDatagram=udp-to:9002}.
 *
 * @param transport {@code tcp} or {@code udp}
 * @param port the port
 * @param direction for UDP: 0 either way, 1 sent to the port, 2 sent from the port
 */
public record Route(String transport, int port, int direction) {

  /**
   * Parses the option value.
   *
   * @return routes by record name (simple or qualified, as written)
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static Map<String, Route> parse(String option) {
    Map<String, Route> routes = new LinkedHashMap<>();
    if (option == null || option.isBlank()) {
      return routes;
    }
    for (String entry : option.split(",")) {
      String[] nameAndRoute = entry.trim().split("=", 2);
      String[] kindAndPort = nameAndRoute.length == 2 ? nameAndRoute[1].split(":", 2) : null;
      if (kindAndPort == null || kindAndPort.length != 2 || nameAndRoute[0].isBlank()) {
        throw new IllegalArgumentException(
            "'"
                + entry.trim()
                + "' is not Record=tcp:PORT, Record=udp:PORT, udp-to:PORT or"
                + " udp-from:PORT");
      }
      int port;
      try {
        port = Integer.parseInt(kindAndPort[1].trim());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("'" + entry.trim() + "' has no port from 1 to 65535");
      }
      String kind = kindAndPort[0].trim().toLowerCase(Locale.ROOT);
      Route route;
      switch (kind) {
        case "tcp":
          route = new Route("tcp", port, 0);
          break;
        case "udp":
          route = new Route("udp", port, 0);
          break;
        case "udp-to":
          route = new Route("udp", port, 1);
          break;
        case "udp-from":
          route = new Route("udp", port, 2);
          break;
        default:
          throw new IllegalArgumentException(
              "'" + entry.trim() + "': transport must be tcp, udp, udp-to or udp-from");
      }
      routes.put(nameAndRoute[0].trim(), route);
    }
    return routes;
  }
}
