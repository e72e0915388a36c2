package io.chatwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/launcher/chatwire-server}, next to the jar after {@code mvn
 * package}): which Java it picks and that it execs it with the jar, the flags and the exit code.
 * Fake JDKs (a {@code release} file and a {@code bin/java} script that prints its arguments) stand
 * in for real ones, so nothing here depends on the JDKs of the machine.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("src/main/launcher/chatwire-server");

  @TempDir Path dir;
  private Path launcher;
  private Path home;

  @BeforeEach
  void copyLauncher() throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    launcher = dir.resolve("bin/chatwire-server");
    Files.createDirectories(launcher.getParent());
    Files.copy(LAUNCHER, launcher, StandardCopyOption.COPY_ATTRIBUTES);
    // An empty HOME: no sdkman JDKs unless a test makes some.
    home = Files.createDirectories(dir.resolve("home"));
  }

  @Test
  void runsTheJarOnJavaHomeWhenItIsJava22OrLater() throws Exception {
    Path jdk = fakeJdk(dir.resolve("jdk-23"), "23.0.1");
    Result r = launch(Map.of("JAVA_HOME", jdk.toString()), "--help", "two words");
    assertThat(r.out)
        .isEqualTo(
            "fake "
                + jdk.resolve("bin/java")
                + " | -jar | "
                + dir.resolve("bin/chatwire-server.jar")
                + " | --help | two words\n");
    assertThat(r.exit).isEqualTo(7);
  }

  @Test
  void passesJavaOptsBeforeTheJar() throws Exception {
    Path jdk = fakeJdk(dir.resolve("jdk-22"), "22");
    Result r = launch(Map.of("JAVA_HOME", jdk.toString(), "JAVA_OPTS", "-Xmx64m -Da=b"), "-V");
    assertThat(r.out)
        .startsWith("fake " + jdk.resolve("bin/java") + " | -Xmx64m | -Da=b | -jar | ");
    assertThat(r.out).endsWith("chatwire-server.jar | -V\n");
  }

  @Test
  void looksForTheNewestJava22WhenJavaHomeIsOlder() throws Exception {
    Path old = fakeJdk(dir.resolve("jdk-17"), "17.0.15");
    Path sdkman = home.resolve(".sdkman/candidates/java");
    fakeJdk(sdkman.resolve("98.0.1-tem"), "98.0.1");
    Path newest = fakeJdk(sdkman.resolve("99-ea"), "99-ea");
    // Newer still, but no bin/java: not a candidate.
    Files.createDirectories(sdkman.resolve("100-broken"));
    Files.writeString(sdkman.resolve("100-broken/release"), "JAVA_VERSION=\"100\"\n");
    Result r = launch(Map.of("JAVA_HOME", old.toString(), "CHATWIRE_WHICH_JAVA", "1"));
    assertThat(r.out).isEqualTo("99 " + newest.resolve("bin/java") + "\n");
    assertThat(r.exit).isZero();
  }

  @Test
  void printsNothingOfItsOwn() throws Exception {
    Path jdk = fakeJdk(dir.resolve("jdk-25"), "25.0.3");
    Result r = launch(Map.of("JAVA_HOME", jdk.toString()));
    assertThat(r.out).startsWith("fake ");
    assertThat(r.err).isEmpty();
  }

  /** A JDK directory whose {@code bin/java} prints "fake", its path and arguments, exits 7. */
  private static Path fakeJdk(Path jdk, String version) throws IOException {
    Path java = jdk.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(
        jdk.resolve("release"), "IMPLEMENTOR=\"fake\"\nJAVA_VERSION=\"" + version + "\"\n");
    Files.writeString(
        java,
        "#!/bin/sh\nprintf 'fake %s' \"$0\"\nfor a in \"$@\"; do printf ' | %s' \"$a\"; done\necho\nexit 7\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    return jdk;
  }

  private record Result(int exit, String out, String err) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("CHATWIRE_WHICH_JAVA");
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    pb.redirectError(dir.resolve("stderr").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ended = p.waitFor(20, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the launcher ended").isTrue();
    return new Result(p.exitValue(), out, Files.readString(dir.resolve("stderr")));
  }
}
