package io.chatwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Keeps the JMH benchmarks compiling and running: every codec benchmark runs once, briefly, in this
 * JVM. It checks that they work, not how fast they are.
 */
class CodecBenchmarkSmokeTest {
  @Test
  void everyCodecBenchmarkRuns() throws RunnerException {
    Collection<RunResult> results = QuickJmh.run(CodecBenchmark.class);

    assertThat(results).hasSize(13);
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
    }
  }
}
