package io.chatwire.bench;

import io.chatwire.protocol.ChatDatagramEncoder;
import io.chatwire.protocol.Operation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The abuse scenario's one hostile member ({@code loadgen --flood-rate N}): it creates a room of
 * its own with one listener, then sends {@code N} messages a second from its own thread for as long
 * as the run lasts, while the load generator measures what the other rooms get. The listener counts
 * what the relay passed on, which shows the flood control at work.
 *
 * <pre>
 *   flooder --N msgs/s--> relay --(at most --max-rate/s)--> listener
 * </pre>
 */
final class Flooder implements AutoCloseable {
  private static final long HEARTBEAT_NANOS = 10_000_000_000L;
  private static final long PARK_NANOS = 200_000;
  private static final int MAX_BURST = 1_000;

  private final Endpoint flooder;
  private final Endpoint listener;
  private final Endpoint[] unread;
  private final double rate;
  private final ByteBuffer message;
  private final ByteBuffer heartbeat;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long sent;
  private volatile long relayed;
  private volatile long notices;

  private Flooder(
      Endpoint flooder, Endpoint listener, Endpoint[] unread, double rate, int payloadBytes) {
    this.flooder = flooder;
    this.listener = listener;
    this.unread = unread;
    this.rate = rate;
    byte[] text = new byte[payloadBytes];
    Arrays.fill(text, (byte) 'f');
    this.message = datagram(flooder, text);
    this.heartbeat = datagram(flooder, new byte[0]);
    this.thread = new Thread(this::flood, "flooder");
    this.thread.setDaemon(true);
  }

  /**
   * Creates the flooder's room of {@code members} over TCRP on {@code host:tcpPort}, registers
   * every member and starts flooding.
   */
  static Flooder start(String host, int tcpPort, int members, double rate, int payloadBytes)
      throws IOException {
    String room = "flood" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    TcrpAdmission.Admission hostAdmission =
        TcrpAdmission.admit(host, tcpPort, Operation.CREATE, room, "flooder");
    InetSocketAddress relay =
        new InetSocketAddress(InetAddress.getByName(host), hostAdmission.udpPort());
    Endpoint f = Endpoint.open(relay, -1, 0, room, hostAdmission.token(), true);
    Endpoint[] listeners = new Endpoint[Math.max(1, members - 1)];
    for (int i = 0; i < listeners.length; i++) {
      String token =
          TcrpAdmission.admit(host, tcpPort, Operation.JOIN, room, "listener" + i).token();
      listeners[i] = Endpoint.open(relay, -1, i + 1, room, token, i == 0);
    }
    Flooder flooder =
        new Flooder(
            f,
            listeners[0],
            Arrays.copyOfRange(listeners, 1, listeners.length),
            rate,
            payloadBytes);
    flooder.beatAll();
    flooder.thread.start();
    return flooder;
  }

  private static ByteBuffer datagram(Endpoint e, byte[] text) {
    ByteBuffer b = ByteBuffer.allocateDirect(ChatDatagramEncoder.MAX_LENGTH);
    int length =
        new ChatDatagramEncoder()
            .wrap(b, 0)
            .roomName(e.roomName)
            .token(e.token)
            .message(text)
            .length();
    b.limit(length);
    return b;
  }

  private void flood() {
    double interval = 1e9 / rate;
    long start = System.nanoTime();
    long lastBeat = start;
    long n = 0;
    ByteBuffer in = ByteBuffer.allocateDirect(ChatDatagramEncoder.MAX_LENGTH);
    while (running) {
      long now = System.nanoTime();
      long due = Math.min(n + MAX_BURST, (long) ((now - start) / interval) + 1);
      for (; n < due; n++) {
        message.position(0);
        try {
          flooder.channel.write(message);
        } catch (IOException e) {
          // A refused or full socket: the flood goes on.
        }
      }
      sent = n;
      drain(in);
      if (now - lastBeat > HEARTBEAT_NANOS) {
        lastBeat = now;
        beatAll();
      }
      LockSupport.parkNanos(PARK_NANOS);
    }
  }

  /** Counts what reached the listener and the notices the flooder got. */
  private void drain(ByteBuffer in) {
    try {
      long got = relayed;
      while (true) {
        in.clear();
        if (listener.channel.read(in) <= 0) {
          break;
        }
        got++;
      }
      relayed = got;
      long told = notices;
      while (true) {
        in.clear();
        if (flooder.channel.read(in) <= 0) {
          break;
        }
        told++;
      }
      notices = told;
    } catch (IOException e) {
      // Nothing to read.
    }
  }

  private void beatAll() {
    beat(flooder);
    beat(listener);
    for (Endpoint e : unread) {
      beat(e);
    }
  }

  private void beat(Endpoint e) {
    ByteBuffer b = e == flooder ? heartbeat : datagram(e, new byte[0]);
    b.position(0);
    try {
      e.channel.write(b);
    } catch (IOException ignored) {
      // Sent again in 10 s.
    }
  }

  /** One line: what was sent, relayed and told. */
  String summary() {
    return String.format(
        "flooder: %,d messages sent at %,.0f/s; %,d relayed to one member of its room; %,d"
            + " datagrams back to it",
        sent, rate, relayed, notices);
  }

  @Override
  public void close() throws IOException {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain(ByteBuffer.allocateDirect(ChatDatagramEncoder.MAX_LENGTH));
    flooder.channel.close();
    listener.channel.close();
    for (Endpoint e : unread) {
      e.channel.close();
    }
  }

  @Override
  public String toString() {
    return new String(flooder.roomName, StandardCharsets.UTF_8);
  }
}
