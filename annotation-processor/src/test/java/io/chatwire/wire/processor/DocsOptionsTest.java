package io.chatwire.wire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Layout docs and dissectors are on by default, configurable and opt-out per module or record. */
class DocsOptionsTest {
  private static Compilation compile(String... options) {
    return Compiler.javac()
        .withProcessors(new ChatwireProcessor())
        .withOptions((Object[]) options)
        .compile(JavaFileObjects.forResource("good/Ping.java"));
  }

  private static Optional<JavaFileObject> resource(Compilation c, String name) {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/chatwire/" + name);
  }

  private static String content(Compilation c, String name) throws IOException {
    return resource(c, name).orElseThrow().getCharContent(false).toString();
  }

  @Test
  void writesAPageAndADissectorPerPackageByDefault() throws IOException {
    Compilation c = compile();

    assertThat(c).succeededWithoutWarnings();
    assertThat(content(c, "good.md")).contains("## Ping").contains("| 3 | `nameSize` | `name` |");
    assertThat(content(c, "good.lua"))
        .contains("Proto(\"chatwire_ping\"")
        .contains("ProtoField.uint16(\"chatwire_ping.sequence\"")
        .contains("Pref.uint(\"UDP port\", 0,");
  }

  @Test
  void eachOutputCanBeTurnedOffForTheModule() {
    Compilation noDocs = compile("-Achatwire.docs=false");
    Compilation noDissector = compile("-Achatwire.dissector=false");

    assertThat(resource(noDocs, "good.md")).isEmpty();
    assertThat(resource(noDocs, "good.lua")).isPresent();
    assertThat(resource(noDissector, "good.lua")).isEmpty();
    assertThat(resource(noDissector, "good.md")).isPresent();
  }

  @Test
  void aRecordCanBeLeftOut() {
    Compilation c = compile("-Achatwire.docs.exclude=Other, good.Ping");

    assertThat(c).succeeded();
    assertThat(resource(c, "good.md")).isEmpty();
    assertThat(c).generatedSourceFile("good.PingDecoder");
  }

  @Test
  void portsOptionSetsTheDissectorDefaults() throws IOException {
    Compilation c = compile("-Achatwire.dissector.ports=Ping=udp-from:7000");

    assertThat(content(c, "good.lua"))
        .contains("Pref.uint(\"UDP port\", 7000,")
        .contains("Pref.enum(\"UDP direction\", 2,");
  }

  @Test
  void aMalformedPortsOptionIsOneClearError() {
    Compilation c = compile("-Achatwire.dissector.ports=Ping=sctp:7000");

    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "[chatwire.option.invalid] chatwire.dissector.ports: invalid processor option:"
                + " 'Ping=sctp:7000': transport must be tcp, udp, udp-to or udp-from");
  }
}
