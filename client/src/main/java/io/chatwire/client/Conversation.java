package io.chatwire.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One member's stay in a room: the session's datagrams go to the terminal, the user's lines go to
 * the session, and whichever side ends first decides the exit code.
 *
 * <pre>
 * admitted ─▶ chatting ──/leave, end of input, Ctrl+C/D──▶ LEAVE over TCRP ─▶ exit 0
 *                 │──── CLOSED / EXPIRED datagram ─────────────────────────▶ exit 0
 *                 └──── server's UDP port unreachable ─────────────────────▶ exit 1
 * </pre>
 */
final class Conversation implements SessionListener {
  /** How long the last message gets to pass the relay before LEAVE invalidates the token. */
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  /** How a conversation ended; {@code ending == null} means the user left. */
  private record Outcome(Ending ending, String text) {}

  private final ClientOptions options;
  private final ControlChannel control;
  private final Admission admission;
  private final ChatTerminal terminal;
  private final boolean leaveOnShutdown;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private final AtomicBoolean leaving = new AtomicBoolean();
  private volatile Session session;

  Conversation(
      ClientOptions options,
      ControlChannel control,
      Admission admission,
      ChatTerminal terminal,
      boolean leaveOnShutdown) {
    this.options = options;
    this.control = control;
    this.admission = admission;
    this.terminal = terminal;
    this.leaveOnShutdown = leaveOnShutdown;
  }

  /** Chats until the user leaves or the room ends; returns the exit code. */
  int run() {
    try {
      session = Session.open(options.room(), options.name(), admission, options.heartbeat(), this);
    } catch (IOException e) {
      terminal.error("cannot open the UDP session: " + e.getMessage());
      leave();
      terminal.close();
      return ExitCodes.FAILURE;
    }
    Thread hook = leaveOnShutdown ? installShutdownHook() : null;
    terminal.info(greeting());
    Thread input = new Thread(this::readInput, "chatwire-input");
    input.setDaemon(true);
    input.start();
    Outcome end = awaitOutcome();
    session.close();
    int code = finish(end);
    terminal.close();
    removeShutdownHook(hook);
    return code;
  }

  @Override
  public void message(String sender, String text) {
    terminal.message(sender, text);
  }

  @Override
  public void notice(String text) {
    terminal.notice(text);
  }

  @Override
  public void ended(Ending ending, String text) {
    if (ending != Ending.LOST && !outcome.isDone()) {
      terminal.notice(text);
    }
    outcome.complete(new Outcome(ending, text));
  }

  private void readInput() {
    while (!outcome.isDone()) {
      Commands.Command command = Commands.parse(terminal.readLine());
      if (command instanceof Commands.Leave) {
        outcome.complete(new Outcome(null, ""));
      } else if (command instanceof Commands.Send send) {
        send(send.text());
      } else if (command instanceof Commands.Help) {
        terminal.info(Commands.HELP);
      } else if (command instanceof Commands.Unknown unknown) {
        terminal.error("unknown command " + unknown.name() + " (/help lists the commands)");
      }
    }
  }

  private void send(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > session.maxMessageBytes()) {
      terminal.error(
          "message not sent: it is "
              + bytes.length
              + " bytes and at most "
              + session.maxMessageBytes()
              + " fit in one datagram");
      return;
    }
    try {
      session.send(bytes);
      terminal.ownMessage(options.name(), text);
    } catch (IOException e) {
      terminal.error("message not sent: " + e.getMessage());
    }
  }

  private Outcome awaitOutcome() {
    try {
      return outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "");
    } catch (ExecutionException e) {
      return new Outcome(Ending.LOST, String.valueOf(e.getCause()));
    }
  }

  private int finish(Outcome end) {
    if (end.ending() == Ending.LOST) {
      terminal.error(end.text());
      return ExitCodes.FAILURE;
    }
    if (end.ending() != null) {
      return ExitCodes.OK; // CLOSED or EXPIRED: the token is gone, nothing to leave
    }
    lingerAfterLastMessage();
    return leave();
  }

  /** Sends LEAVE once; a room already gone ({@code 404}) counts as left. */
  private int leave() {
    if (!leaving.compareAndSet(false, true)) {
      return ExitCodes.OK;
    }
    try {
      control.leave(admission.token());
      return ExitCodes.OK;
    } catch (ControlException e) {
      if (e.status() == 404) {
        return ExitCodes.OK;
      }
      terminal.error("leaving failed: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  /** UDP and TCP race at the server: give the last datagram a moment before LEAVE. */
  private void lingerAfterLastMessage() {
    long last = session.lastSendNanos();
    long wait = last == 0 ? 0 : LINGER_NANOS - (System.nanoTime() - last);
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String greeting() {
    String what =
        options.action() == ClientOptions.Action.CREATE ? "created room " : "joined room ";
    return what + options.room() + " as " + options.name() + "; /help lists the commands";
  }

  private Thread installShutdownHook() {
    Thread hook =
        new Thread(
            () -> {
              if (!outcome.isDone()) {
                Session s = session;
                if (s != null) {
                  s.close();
                }
                leave();
              }
            },
            "chatwire-leave-on-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void removeShutdownHook(Thread hook) {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook finds the conversation over and does nothing
      }
    }
  }
}
