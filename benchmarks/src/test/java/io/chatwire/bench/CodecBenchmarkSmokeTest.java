package io.chatwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Keeps the JMH benchmarks compiling and running: every codec benchmark runs once, briefly, in this
 * JVM. It checks that they work, not how fast they are.
 */
class CodecBenchmarkSmokeTest {
  @Test
  void everyCodecBenchmarkRuns() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(CodecBenchmark.class.getSimpleName())
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true)
            .build();

    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(13);
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).as(r.getParams().getBenchmark()).isPositive();
    }
  }
}
