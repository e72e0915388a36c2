package io.chatwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/wire-format.md is the page the processor generates from the protocol records; this test
 * fails when the committed copy is stale. Refresh it with {@code mvn -B verify
 * -Dchatwire.updateDocs=true}.
 */
class WireFormatDocTest {
  private static final Path COMMITTED = Path.of("..", "docs", "wire-format.md");

  @Test
  void committedWireFormatPageMatchesTheRecords() throws IOException {
    String generated;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/chatwire/io.chatwire.protocol.md")) {
      assertThat(in).as("generated page").isNotNull();
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (Boolean.getBoolean("chatwire.updateDocs")) {
      Files.writeString(COMMITTED, generated);
    }

    assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
        .as("docs/wire-format.md is stale: run mvn -B verify -Dchatwire.updateDocs=true")
        .isEqualTo(generated);
    assertThat(generated).contains("## TcrpFrame").contains("one of 1 CREATE, 2 JOIN");
  }
}
