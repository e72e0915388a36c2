package io.chatwire.wire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid declarations compile cleanly, and the generated sources are frozen by golden files. */
class ProcessorGoodTest {
  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new ChatwireProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  @Test
  void everyFeatureCompilesWithoutWarnings() throws IOException {
    // The record the processor-tests module exercises at run time; compiled here on its own.
    Path source =
        Path.of("..", "processor-tests", "src", "main", "java", "io", "chatwire", "wire", "tests")
            .resolve("AllFeatures.java");
    Compilation compilation =
        compile(
            JavaFileObjects.forSourceString(
                "io.chatwire.wire.tests.AllFeatures", Files.readString(source)));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("io.chatwire.wire.tests.AllFeaturesEncoder");
    assertThat(compilation).generatedSourceFile("io.chatwire.wire.tests.AllFeaturesDecoder");
    assertThat(compilation).generatedSourceFile("io.chatwire.wire.tests.HeaderEncoder");
  }

  @Test
  void commonComponentNamesDoNotClashWithTheGeneratedApi() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/CommonNames.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("good.CommonNamesDecoder");
  }

  @Test
  void generatesTheGoldenDecoderAndEncoder() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/Ping.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("good.PingDecoder")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/PingDecoder.java"));
    assertThat(compilation)
        .generatedSourceFile("good.PingEncoder")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/PingEncoder.java"));
  }

  @Test
  void generatedSourceIsDeterministic() throws IOException {
    String first = decoderSource();
    String second = decoderSource();

    assertThat(first).isEqualTo(second).contains("@Generated(").doesNotContain("date =");
  }

  @Test
  void aBadRecordDoesNotStopTheOthersInTheRound(@TempDir Path dir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              diagnostics,
              files,
              null,
              List.of("-d", classes.toString(), "-s", generated.toString()),
              null,
              List.of(
                  JavaFileObjects.forResource("good/Ping.java"),
                  JavaFileObjects.forResource("bad/SizeFromForward.java")));
      task.setProcessors(List.of(new ChatwireProcessor()));
      assertThat(task.call()).isFalse();
    }

    assertThat(diagnostics.toString())
        .contains("[chatwire.sizeFrom.forward]")
        .doesNotContain("Ping");
    assertThat(generated.resolve("good/PingDecoder.java")).exists();
    assertThat(generated.resolve("good/PingEncoder.java")).exists();
    assertThat(generated.resolve("bad/SizeFromForwardDecoder.java")).doesNotExist();
  }

  @Test
  void layoutTableIsInTheJavadoc() throws IOException {
    assertThat(decoderSource())
        .contains("Ping: big-endian, 3 to 64 bytes")
        .contains("0        2        sequence")
        .contains("3        var      name                     UTF-8 text, length from nameSize");
  }

  private static String decoderSource() throws IOException {
    Compilation compilation = compile(JavaFileObjects.forResource("good/Ping.java"));
    return compilation
        .generatedSourceFile("good.PingDecoder")
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }
}
