package io.chatwire.client;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The chatwire chat client's command line: parses flags, asks for what is missing, runs. */
@Command(
    name = "chatwire-client",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ChatClient.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Chat in a chatwire room from a terminal: line editing, history, /help.",
      "When standard input is not a terminal, every input line is a message; received messages"
          + " print as '<sender>: <text>' and notices as '* <text>', one per line; end of input"
          + " or /leave leaves the room."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatwire-client --server 127.0.0.1 --name alice --create lobby",
      "  chatwire-client --server 127.0.0.1 --name bob --join lobby",
      "  printf 'hello\\n' | chatwire-client --server 127.0.0.1 --name bot --join lobby",
      "  chatwire-client --server 127.0.0.1 --list"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:left the room, the room closed, or the list was printed",
      "1:the server refused (its message is on standard error) or could not be reached",
      "2:a value is missing or wrong on the command line"
    })
public final class ChatClient implements Callable<Integer> {
  /** What {@code --password} without a value stands for: ask for it. */
  private static final String ASK = "\u0000ask";

  @Option(names = "--server", paramLabel = "HOST", description = "the server's host name or IP")
  String server;

  @Option(
      names = "--tcp-port",
      paramLabel = "PORT",
      defaultValue = "9001",
      description = "TCRP control port (default: ${DEFAULT-VALUE})")
  int tcpPort;

  @Option(
      names = "--udp-port",
      paramLabel = "PORT",
      defaultValue = "9002",
      description =
          "UDP port, used when the server's answer names none (default: ${DEFAULT-VALUE})")
  int udpPort;

  @Option(names = "--name", paramLabel = "NAME", description = "your username in the room")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ActionGroup actionGroup;

  /** The mutually exclusive actions. */
  static final class ActionGroup {
    @Option(names = "--create", paramLabel = "ROOM", description = "create ROOM and host it")
    String create;

    @Option(names = "--join", paramLabel = "ROOM", description = "join ROOM")
    String join;

    @Option(names = "--list", description = "list the rooms and exit")
    boolean list;
  }

  @Option(
      names = "--password",
      paramLabel = "PW",
      arity = "0..1",
      fallbackValue = ASK,
      description = "room password; without a value it is asked for (no echo)")
  String password;

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "UDP heartbeat period (default: ${DEFAULT-VALUE})")
  Duration heartbeat;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "how long to wait for the server's TCP answer (default: ${DEFAULT-VALUE})")
  Duration timeout;

  private final Io io;

  /** Options as finally used (the password may have been asked for) and what the server gave. */
  private record Admitted(ClientOptions options, Admission admission) {}

  ChatClient(Io io) {
    this.io = io;
  }

  /** Runs the client and exits with its exit code. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Io.TerminalFactory terminals = onTerminal() ? ChatClient::systemTerminal : null;
    System.exit(run(args, new Io(System.in, out, err, terminals, true)));
  }

  /** Runs the client in scripted mode on the given streams and returns the exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, Io.scripted(in, out, err));
  }

  /** Runs the client on {@code io} and returns the exit code. */
  static int run(String[] args, Io io) {
    CommandLine cl = new CommandLine(new ChatClient(io));
    cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
    cl.setParameterExceptionHandler(
        (e, a) -> {
          io.err().println("error: " + e.getMessage() + " (see --help)");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, c, p) -> {
          io.err().println("error: unexpected failure: " + e);
          return ExitCodes.FAILURE;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    Terminal terminal = io.interactive() ? io.terminals().open() : null;
    try {
      Prompter prompter = terminal == null ? Prompter.none() : Prompter.on(terminal);
      ClientOptions options = resolve(prompter);
      if (options.action() == ClientOptions.Action.LIST) {
        return list(new ControlChannel(options), terminal != null);
      }
      Admitted admitted = admitWithRetry(options, prompter);
      ChatTerminal chat =
          terminal == null
              ? new ScriptedTerminal(io.in(), io.out(), io.err())
              : new InteractiveTerminal(terminal, options.room(), options.name());
      ClientOptions used = admitted.options();
      return new Conversation(
              used, new ControlChannel(used), admitted.admission(), chat, io.leaveOnShutdown())
          .run();
    } catch (UsageException e) {
      io.err().println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ControlException e) {
      io.err().println("error: " + e.getMessage());
      return ExitCodes.FAILURE;
    } finally {
      if (terminal != null) {
        terminal.close();
      }
    }
  }

  /** Creates or joins; on a terminal a {@code 401} asks for the password (three tries). */
  private Admitted admitWithRetry(ClientOptions options, Prompter prompter)
      throws ControlException {
    for (int attempt = 1; ; attempt++) {
      ControlChannel control = new ControlChannel(options);
      try {
        return new Admitted(
            options,
            options.action() == ClientOptions.Action.CREATE ? control.create() : control.join());
      } catch (ControlException e) {
        if (e.status() != 401 || !prompter.canAsk() || attempt > 3) {
          throw e;
        }
        if (options.password() != null) {
          io.err().println("error: " + e.getMessage());
        }
        options = options.withPassword(prompter.askSecret("--password PW", "password: "));
      }
    }
  }

  private int list(ControlChannel control, boolean onTerminal) throws ControlException {
    List<RoomInfo> rooms = control.list();
    for (RoomInfo room : rooms) {
      io.out().println(room.line());
    }
    if (rooms.isEmpty() && onTerminal) {
      io.out().println("no rooms");
    }
    io.out().flush();
    return ExitCodes.OK;
  }

  /** Builds the options, asking for missing values on a terminal. */
  private ClientOptions resolve(Prompter prompter) {
    String host =
        server != null
            ? server
            : prompter.ask("--server HOST", "server [localhost]: ", "localhost");
    ClientOptions.Action action;
    String room;
    if (actionGroup == null) {
      if (!prompter.canAsk()) {
        throw new UsageException("missing one of --create ROOM, --join ROOM or --list");
      }
      action = askAction(prompter);
      room = action == ClientOptions.Action.LIST ? "" : prompter.ask("--join ROOM", "room: ", null);
    } else if (actionGroup.list) {
      action = ClientOptions.Action.LIST;
      room = "";
    } else {
      action = actionGroup.create != null ? ClientOptions.Action.CREATE : ClientOptions.Action.JOIN;
      room = actionGroup.create != null ? actionGroup.create : actionGroup.join;
    }
    String user = name;
    if (user == null && action != ClientOptions.Action.LIST) {
      user = prompter.ask("--name NAME", "your name: ", null);
    }
    String pw = ASK.equals(password) ? prompter.askSecret("--password PW", "password: ") : password;
    return new ClientOptions(
        host, tcpPort, udpPort, user == null ? "" : user, action, room, pw, heartbeat, timeout);
  }

  private static ClientOptions.Action askAction(Prompter prompter) {
    while (true) {
      String a = prompter.ask("--join ROOM", "create, join or list? [join]: ", "join");
      switch (a.toLowerCase(Locale.ROOT)) {
        case "c", "create":
          return ClientOptions.Action.CREATE;
        case "j", "join":
          return ClientOptions.Action.JOIN;
        case "l", "list":
          return ClientOptions.Action.LIST;
        default:
          break;
      }
    }
  }

  /** The process's terminal, with a usable size even where the pty reports none. */
  private static Terminal systemTerminal() throws IOException {
    Terminal terminal = TerminalBuilder.builder().system(true).name("chatwire").build();
    if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
      terminal.setSize(new Size(80, 24));
    }
    return terminal;
  }

  /** Standard input and output are a terminal (Java 22+ also has Console.isTerminal()). */
  private static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = java.io.Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true; // before Java 22 a console exists only on a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Reads the version Maven filtered into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = ChatClient.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"chatwire-client " + p.getProperty("version", "unknown")};
    }
  }
}
