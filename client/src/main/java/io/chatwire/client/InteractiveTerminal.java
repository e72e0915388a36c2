package io.chatwire.client;

import java.io.IOError;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The terminal of a person chatting: JLine line editing with history, incoming lines printed above
 * the prompt (what the user is typing is redrawn below them), and a style per kind of line.
 */
final class InteractiveTerminal implements ChatTerminal {
  private static final AttributedStyle OWN =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle SENDER =
      AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
  private static final AttributedStyle NOTICE =
      AttributedStyle.DEFAULT.italic().foreground(AttributedStyle.YELLOW);
  private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
  private static final AttributedStyle INFO = AttributedStyle.DEFAULT.faint();

  private final Terminal terminal;
  private final LineReader reader;
  private final String prompt;
  private final AtomicBoolean closed = new AtomicBoolean();

  InteractiveTerminal(Terminal terminal, String room, String name) {
    this.terminal = terminal;
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("chatwire")
            .variable(LineReader.HISTORY_SIZE, 500)
            .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
            .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
            .build();
    this.prompt =
        new AttributedStringBuilder()
            .styled(AttributedStyle.BOLD, "[" + DisplayText.clean(room) + "] " + name + "> ")
            .toAnsi(terminal);
  }

  /** The JLine reader, for tests that look at its state. */
  LineReader reader() {
    return reader;
  }

  @Override
  public String readLine() {
    if (closed.get()) {
      return null;
    }
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException | EndOfFileException e) {
      return null; // Ctrl+C, Ctrl+D: leave cleanly
    } catch (IOError | IllegalStateException e) {
      return null; // the terminal was closed under the reader
    }
  }

  @Override
  public void message(String sender, String text) {
    print(new AttributedStringBuilder().styled(SENDER, sender).append(": ").append(text));
  }

  @Override
  public void ownMessage(String sender, String text) {
    print(new AttributedStringBuilder().styled(OWN, sender + ": " + text));
  }

  @Override
  public void notice(String text) {
    print(new AttributedStringBuilder().styled(NOTICE, "* " + text));
  }

  @Override
  public void info(String text) {
    print(new AttributedStringBuilder().styled(INFO, text));
  }

  @Override
  public void error(String text) {
    print(new AttributedStringBuilder().styled(ERROR, "error: " + text));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        terminal.close();
      } catch (java.io.IOException | RuntimeException e) {
        // the terminal is going away anyway
      }
    }
  }

  private void print(AttributedStringBuilder line) {
    if (closed.get()) {
      return;
    }
    AttributedString s = line.toAttributedString();
    try {
      reader.printAbove(s);
    } catch (IOError | RuntimeException e) {
      // closed while printing: the conversation is ending
    }
  }
}
