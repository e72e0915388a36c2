package io.chatwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsing of what the user types. */
class CommandsTest {

  @Test
  void plainLinesAreMessages() {
    assertThat(Commands.parse("hello there")).isEqualTo(new Commands.Send("hello there"));
    assertThat(Commands.parse("  indented")).isEqualTo(new Commands.Send("  indented"));
  }

  @Test
  void leaveQuitAndEndOfInputLeave() {
    assertThat(Commands.parse("/leave")).isInstanceOf(Commands.Leave.class);
    assertThat(Commands.parse("/quit")).isInstanceOf(Commands.Leave.class);
    assertThat(Commands.parse(" /LEAVE now")).isInstanceOf(Commands.Send.class);
    assertThat(Commands.parse("/LEAVE now")).isInstanceOf(Commands.Leave.class);
    assertThat(Commands.parse(null)).isInstanceOf(Commands.Leave.class);
  }

  @Test
  void helpUnknownBlankAndEscapedSlash() {
    assertThat(Commands.parse("/help")).isInstanceOf(Commands.Help.class);
    assertThat(Commands.parse("/nick bob")).isEqualTo(new Commands.Unknown("/nick"));
    assertThat(Commands.parse("   ")).isInstanceOf(Commands.Nothing.class);
    assertThat(Commands.parse("//leave")).isEqualTo(new Commands.Send("/leave"));
  }
}
