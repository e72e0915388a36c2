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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid declarations compile cleanly, and the generated sources are frozen by golden files. */
class ProcessorGoodTest {
  /** System property that turns the golden file comparison into regeneration. */
  private static final String GOLDEN_UPDATE = "chatwire.golden.update";

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
  void everyV2RecordCompilesTogetherWithoutWarnings() throws IOException {
    // The records of real protocols the processor-tests module exercises at run time (bit fields,
    // varints, NUL-terminated text, floats, lists), compiled here in one round.
    Path folder =
        Path.of("..", "processor-tests", "src", "main", "java", "io", "chatwire", "wire", "tests")
            .resolve("v2");
    List<String> records = new ArrayList<>();
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString().replace(".java", "");
        records.add(name);
        sources.add(
            JavaFileObjects.forSourceString(
                "io.chatwire.wire.tests.v2." + name, Files.readString(file)));
      }
    }
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));

    assertThat(records).contains("RtpHeader", "MqttPacket", "GameSnapshot", "DnsMessage");
    assertThat(compilation).succeededWithoutWarnings();
    for (String record : records) {
      assertThat(compilation)
          .generatedSourceFile("io.chatwire.wire.tests.v2." + record + "Decoder");
      assertThat(compilation)
          .generatedSourceFile("io.chatwire.wire.tests.v2." + record + "Encoder");
    }
  }

  @Test
  void specificationNamesForLengthsAndCountsCompileWithoutWarnings() throws IOException {
    Compilation compilation = compile(JavaFileObjects.forResource("good/SpecNames.java"));

    assertThat(compilation).succeededWithoutWarnings();
    String decoder =
        compilation
            .generatedSourceFile("good.SpecNamesDecoder")
            .orElseThrow()
            .getCharContent(false)
            .toString();
    assertThat(decoder)
        .contains("fileNameLength()")
        .contains("itemsCount()")
        .contains("bodyLength()")
        .contains("fileNameOffset()")
        .contains("itemsOffset()");
  }

  @Test
  void commonComponentNamesDoNotClashWithTheGeneratedApi() {
    Compilation compilation = compile(JavaFileObjects.forResource("good/CommonNames.java"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("good.CommonNamesDecoder");
  }

  /**
   * The generated sources of each {@code good/<Record>.java} are frozen in {@code
   * expected/<Record>Decoder.java} and {@code expected/<Record>Encoder.java}, compared both as
   * syntax trees (for a readable diff) and as text (so that the Javadoc layout table is frozen
   * too).
   *
   * <p>After a deliberate change to the generated code, regenerate the golden files with a switch
   * instead of editing them by hand (google/auto's {@code GOLDEN_FILE_ROOT}):
   *
   * <pre>
   * mvn -B -o verify -pl annotation-processor -am -Dtest=ProcessorGoodTest \
   *     -Dsurefire.failIfNoSpecifiedTests=false -Dchatwire.golden.update
   * git diff annotation-processor/src/test/resources/expected/
   * </pre>
   *
   * The module's pom passes {@code chatwire.golden.update} to Surefire as a system property; when
   * it is set (and not {@code false}), this test writes the generated sources into {@code
   * src/test/resources/expected/} instead of comparing. Review the diff before committing it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Ping", "MediaHeader", "Directory"})
  void generatesTheGoldenDecoderAndEncoder(String record) throws IOException {
    Compilation compilation = compile(JavaFileObjects.forResource("good/" + record + ".java"));

    assertThat(compilation).succeededWithoutWarnings();
    for (String codec : List.of(record + "Decoder", record + "Encoder")) {
      String generated =
          compilation
              .generatedSourceFile("good." + codec)
              .orElseThrow()
              .getCharContent(false)
              .toString();
      if (updatingGoldenFiles()) {
        Files.writeString(goldenRoot().resolve(codec + ".java"), generated);
        continue;
      }
      JavaFileObject expected = JavaFileObjects.forResource("expected/" + codec + ".java");
      assertThat(compilation).generatedSourceFile("good." + codec).hasSourceEquivalentTo(expected);
      assertThat(generated).isEqualTo(expected.getCharContent(false).toString());
    }
  }

  private static boolean updatingGoldenFiles() {
    String value = System.getProperty(GOLDEN_UPDATE, "false");
    return !value.isBlank() && !value.equals("false");
  }

  /** The source folder of the golden files; Surefire runs with the module as working folder. */
  private static Path goldenRoot() {
    return Path.of(System.getProperty("basedir", ""), "src", "test", "resources", "expected");
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
