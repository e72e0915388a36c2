package io.chatwire.server;

import java.time.Duration;

/**
 * Collects {@link ServerOptions}, starting from the defaults ({@code ServerOptions.DEFAULT_*}) or
 * from other options; {@link #build()} validates them.
 */
public final class ServerOptionsBuilder {
  private String host = ServerOptions.DEFAULT_HOST;
  private int tcpPort = ServerOptions.DEFAULT_TCP_PORT;
  private int udpPort = ServerOptions.DEFAULT_UDP_PORT;
  private Duration idleTimeout = ServerOptions.DEFAULT_IDLE_TIMEOUT;
  private int maxRooms = ServerOptions.DEFAULT_MAX_ROOMS;
  private int maxMembers = ServerOptions.DEFAULT_MAX_MEMBERS;
  private int maxPayload = ServerOptions.DEFAULT_MAX_PAYLOAD;
  private int maxConnections = ServerOptions.DEFAULT_MAX_CONNECTIONS;
  private Duration requestTimeout = ServerOptions.DEFAULT_REQUEST_TIMEOUT;
  private int relayThreads = ServerOptions.DEFAULT_RELAY_THREADS;
  private RelayIo io = ServerOptions.DEFAULT_IO;
  private int metricsPort = ServerOptions.DEFAULT_METRICS_PORT;
  private int maxRate = ServerOptions.DEFAULT_MAX_RATE;
  private int maxBurst = ServerOptions.DEFAULT_MAX_BURST;
  private Clock clock = Clock.system();
  // Abuse resistance: per-source limits of the control plane.
  private int maxConnectionsPerIp = ServerOptions.DEFAULT_MAX_CONNECTIONS_PER_IP;
  private int connectRate = ServerOptions.DEFAULT_CONNECT_RATE;
  private int connectBurst = ServerOptions.DEFAULT_CONNECT_BURST;
  private Duration firstByteTimeout = ServerOptions.DEFAULT_FIRST_BYTE_TIMEOUT;
  private int maxRoomsPerIp = ServerOptions.DEFAULT_MAX_ROOMS_PER_IP;
  private Duration registerTimeout = ServerOptions.DEFAULT_REGISTER_TIMEOUT;
  private int maxPasswordJobs = ServerOptions.DEFAULT_MAX_PASSWORD_JOBS;
  private int maxPasswordFailures = ServerOptions.DEFAULT_MAX_PASSWORD_FAILURES;
  private IpRanges exemptIps = ServerOptions.DEFAULT_EXEMPT_IPS;

  ServerOptionsBuilder() {}

  ServerOptionsBuilder(ServerOptions from) {
    host = from.host();
    tcpPort = from.tcpPort();
    udpPort = from.udpPort();
    idleTimeout = from.idleTimeout();
    maxRooms = from.maxRooms();
    maxMembers = from.maxMembers();
    maxPayload = from.maxPayload();
    maxConnections = from.maxConnections();
    requestTimeout = from.requestTimeout();
    relayThreads = from.relayThreads();
    io = from.io();
    metricsPort = from.metricsPort();
    maxRate = from.maxRate();
    maxBurst = from.maxBurst();
    clock = from.clock();
    maxConnectionsPerIp = from.maxConnectionsPerIp();
    connectRate = from.connectRate();
    connectBurst = from.connectBurst();
    firstByteTimeout = from.firstByteTimeout();
    maxRoomsPerIp = from.maxRoomsPerIp();
    registerTimeout = from.registerTimeout();
    maxPasswordJobs = from.maxPasswordJobs();
    maxPasswordFailures = from.maxPasswordFailures();
    exemptIps = from.exemptIps();
  }

  /**
   * Sets {@link ServerOptions#host()}.
   *
   * @param value the bind address
   * @return this builder
   */
  public ServerOptionsBuilder host(String value) {
    host = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#tcpPort()}.
   *
   * @param value the port, 0 for any free port
   * @return this builder
   */
  public ServerOptionsBuilder tcpPort(int value) {
    tcpPort = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#udpPort()}.
   *
   * @param value the port, 0 for any free port
   * @return this builder
   */
  public ServerOptionsBuilder udpPort(int value) {
    udpPort = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#idleTimeout()}.
   *
   * @param value positive
   * @return this builder
   */
  public ServerOptionsBuilder idleTimeout(Duration value) {
    idleTimeout = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxRooms()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxRooms(int value) {
    maxRooms = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxMembers()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxMembers(int value) {
    maxMembers = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxPayload()}.
   *
   * @param value 0 to {@link ServerOptions#PROTOCOL_MAX_PAYLOAD} bytes
   * @return this builder
   */
  public ServerOptionsBuilder maxPayload(int value) {
    maxPayload = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxConnections()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxConnections(int value) {
    maxConnections = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#requestTimeout()}.
   *
   * @param value positive
   * @return this builder
   */
  public ServerOptionsBuilder requestTimeout(Duration value) {
    requestTimeout = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#relayThreads()}.
   *
   * @param value 1 to {@link ServerOptions#MAX_RELAY_THREADS}
   * @return this builder
   */
  public ServerOptionsBuilder relayThreads(int value) {
    relayThreads = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#io()}.
   *
   * @param value the relay I/O
   * @return this builder
   */
  public ServerOptionsBuilder io(RelayIo value) {
    io = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#metricsPort()}.
   *
   * @param value the port, 0 for any free port, {@link ServerOptions#METRICS_OFF} for none
   * @return this builder
   */
  public ServerOptionsBuilder metricsPort(int value) {
    metricsPort = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxRate()}.
   *
   * @param value messages per second per member, 0 for no flood control
   * @return this builder
   */
  public ServerOptionsBuilder maxRate(int value) {
    maxRate = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxBurst()}.
   *
   * @param value messages at once, at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxBurst(int value) {
    maxBurst = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#clock()}.
   *
   * @param value the time source
   * @return this builder
   */
  public ServerOptionsBuilder clock(Clock value) {
    clock = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxConnectionsPerIp()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxConnectionsPerIp(int value) {
    maxConnectionsPerIp = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#connectRate()}.
   *
   * @param value connections per second, at least 1
   * @return this builder
   */
  public ServerOptionsBuilder connectRate(int value) {
    connectRate = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#connectBurst()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder connectBurst(int value) {
    connectBurst = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#firstByteTimeout()}.
   *
   * @param value positive
   * @return this builder
   */
  public ServerOptionsBuilder firstByteTimeout(Duration value) {
    firstByteTimeout = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxRoomsPerIp()}.
   *
   * @param value at least 1, or {@link ServerOptions#ROOMS_PER_IP_AUTO}
   * @return this builder
   */
  public ServerOptionsBuilder maxRoomsPerIp(int value) {
    maxRoomsPerIp = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#registerTimeout()}.
   *
   * @param value positive
   * @return this builder
   */
  public ServerOptionsBuilder registerTimeout(Duration value) {
    registerTimeout = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxPasswordJobs()}.
   *
   * @param value at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxPasswordJobs(int value) {
    maxPasswordJobs = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#maxPasswordFailures()}.
   *
   * @param value per minute, at least 1
   * @return this builder
   */
  public ServerOptionsBuilder maxPasswordFailures(int value) {
    maxPasswordFailures = value;
    return this;
  }

  /**
   * Sets {@link ServerOptions#exemptIps()}.
   *
   * @param value the ranges, {@link IpRanges#none()} for none
   * @return this builder
   */
  public ServerOptionsBuilder exemptIps(IpRanges value) {
    exemptIps = value;
    return this;
  }

  /**
   * Validates and returns the settings.
   *
   * @return the options
   * @throws IllegalArgumentException if a setting is out of range
   * @throws NullPointerException if a setting is missing
   */
  public ServerOptions build() {
    return new ServerOptions(
        host,
        tcpPort,
        udpPort,
        idleTimeout,
        maxRooms,
        maxMembers,
        maxPayload,
        maxConnections,
        requestTimeout,
        relayThreads,
        io,
        metricsPort,
        clock,
        maxConnectionsPerIp,
        connectRate,
        connectBurst,
        firstByteTimeout,
        maxRoomsPerIp,
        registerTimeout,
        maxPasswordJobs,
        maxPasswordFailures,
        exemptIps,
        maxRate,
        maxBurst);
  }
}
