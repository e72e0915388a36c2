package io.chatwire.server;

import io.chatwire.protocol.Operation;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * {@code GET /metrics} in the Prometheus text format, served by the Prometheus Java client's HTTP
 * server on its own daemon threads. Every chatwire metric is a callback read at scrape time: the
 * relay threads keep their plain single-writer counters ({@link RelayCounters}) and never call into
 * Prometheus, and a scrape never waits for the event loop.
 *
 * <pre>
 *   scrape --HTTP--> HTTPServer thread --callbacks--> Rooms (volatile) / RelayGroup counters
 *                                                     (acquire reads) / TcpControlPlane counters
 * </pre>
 */
final class MetricsEndpoint implements Closeable {
  /** The {@code reason} label of {@code chatwire_datagrams_dropped_total} and its counter. */
  private record DropReason(String label, int counter) {}

  /** One label value per drop counter of {@link RelayCounters}. */
  private static final List<DropReason> DROP_REASONS =
      List.of(
          new DropReason("malformed", RelayCounters.DROPPED_MALFORMED),
          new DropReason("unknown_room", RelayCounters.DROPPED_UNKNOWN_ROOM),
          new DropReason("bad_token", RelayCounters.DROPPED_BAD_TOKEN),
          new DropReason("wrong_address", RelayCounters.DROPPED_WRONG_ADDRESS),
          new DropReason("oversize", RelayCounters.DROPPED_OVERSIZE),
          new DropReason("rate", RelayCounters.DROPPED_RATE));

  /** Every operation, then null for answers sent before a header was read. */
  private static final List<Operation> OPERATIONS_AND_NONE = operationsAndNone();

  private final HTTPServer http;

  private MetricsEndpoint(HTTPServer http) {
    this.http = http;
  }

  /**
   * Registers the server's metrics and the JVM's in a registry of their own, then binds {@code
   * address} and serves them.
   *
   * @throws IOException if the port cannot be bound
   */
  static MetricsEndpoint start(
      InetSocketAddress address, Rooms rooms, RelayGroup udp, TcpControlPlane control)
      throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    register(registry, rooms, udp, control);
    JvmMetrics.builder().register(registry);
    HTTPServer http =
        HTTPServer.builder()
            .inetAddress(address.getAddress())
            .port(address.getPort())
            .registry(registry)
            .buildAndStart();
    return new MetricsEndpoint(http);
  }

  /** The bound port (the real one when 0 was asked for). */
  int port() {
    return http.getPort();
  }

  @Override
  public void close() {
    http.close();
  }

  static void register(
      PrometheusRegistry registry, Rooms rooms, RelayGroup udp, TcpControlPlane control) {
    Info info =
        Info.builder()
            .name("chatwire_server_info")
            .help("How this server moves datagrams: io is batch or portable")
            .labelNames("version", "io", "relay_threads")
            .register(registry);
    String version = ChatServer.class.getPackage().getImplementationVersion();
    info.setLabelValues(
        version == null ? "development" : version, udp.io().toString(), String.valueOf(udp.size()));

    gauge(registry, "chatwire_rooms", "Rooms open now", rooms::size);
    gauge(registry, "chatwire_members", "Members of every room now", rooms::memberCount);
    gauge(
        registry,
        "chatwire_tcp_connections",
        "TCRP connections open now",
        control::openConnections);
    counter(
        registry,
        "chatwire_tcp_connections_refused_total",
        "TCRP connections refused with a 429 frame by a connection limit",
        control::refusedConnections);
    SourceLimits limits = control.limits();
    CounterWithCallback.builder()
        .name("chatwire_limited_total")
        .help(
            "Times a limit refused a connection or request, or removed something, by limit"
                + " (see --help)")
        .labelNames("limit")
        .callback(
            cb -> {
              for (Limit limit : Limit.values()) {
                cb.call(limits.count(limit), limit.label());
              }
            })
        .register(registry);

    relayCounter(
        registry,
        udp,
        "chatwire_datagrams_received_total",
        "UDP datagrams received",
        RelayCounters.RECEIVED);
    relayCounter(
        registry,
        udp,
        "chatwire_heartbeats_total",
        "Accepted datagrams with an empty message",
        RelayCounters.HEARTBEATS);
    relayCounter(
        registry,
        udp,
        "chatwire_datagrams_relayed_total",
        "Accepted messages relayed to their room",
        RelayCounters.RELAYED);
    relayCounter(
        registry,
        udp,
        "chatwire_datagrams_sent_total",
        "Relay datagrams sent to members (messages, notices, closings)",
        RelayCounters.SENT);
    relayCounter(
        registry,
        udp,
        "chatwire_datagram_send_failures_total",
        "Relay datagrams the socket did not take",
        RelayCounters.SEND_FAILURES);
    relayCounter(
        registry,
        udp,
        "chatwire_datagram_receive_errors_total",
        "Failed UDP receives",
        RelayCounters.RECEIVE_ERRORS);
    CounterWithCallback.builder()
        .name("chatwire_datagrams_dropped_total")
        .help("Datagrams dropped without a reply, by reason")
        .labelNames("reason")
        .callback(
            cb -> {
              long[] sum = udp.counters();
              for (DropReason reason : DROP_REASONS) {
                cb.call(sum[reason.counter()], reason.label());
              }
            })
        .register(registry);

    counter(
        registry,
        "chatwire_udp_receive_buffer_drops_total",
        "Datagrams the kernel dropped because a relay socket's receive buffer was full"
            + " (/proc/net/udp, Linux; 0 elsewhere)",
        udp.receiveBufferDrops()::total);

    TcrpCounters answered = control.answered();
    CounterWithCallback.builder()
        .name("chatwire_tcrp_requests_total")
        .help(
            "TCRP requests answered, by operation and status; operation \"none\": refused"
                + " before a request was read")
        .labelNames("operation", "status")
        .callback(
            cb -> {
              for (Operation operation : OPERATIONS_AND_NONE) {
                String op = operation == null ? "none" : operation.name().toLowerCase(Locale.ROOT);
                for (int status : TcrpCounters.STATUSES) {
                  long n = answered.get(operation, status);
                  if (n > 0) {
                    cb.call(n, op, String.valueOf(status));
                  }
                }
              }
            })
        .register(registry);
  }

  private static List<Operation> operationsAndNone() {
    List<Operation> all = new ArrayList<>(List.of(Operation.values()));
    all.add(null);
    return Collections.unmodifiableList(all);
  }

  private static void gauge(
      PrometheusRegistry registry, String name, String help, IntSupplier value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(cb -> cb.call(value.getAsInt()))
        .register(registry);
  }

  private static void counter(
      PrometheusRegistry registry, String name, String help, LongSupplier value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .callback(cb -> cb.call(value.getAsLong()))
        .register(registry);
  }

  private static void relayCounter(
      PrometheusRegistry registry, RelayGroup udp, String name, String help, int counter) {
    counter(registry, name, help, () -> udp.counters()[counter]);
  }
}
