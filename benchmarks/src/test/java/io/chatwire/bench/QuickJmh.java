package io.chatwire.bench;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs benchmarks once, briefly, in this JVM: to check that they work, not how fast they are. */
final class QuickJmh {
  private QuickJmh() {}

  static Collection<RunResult> run(Class<?> benchmarks) throws RunnerException {
    return new Runner(
            new OptionsBuilder()
                .include(benchmarks.getSimpleName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build())
        .run();
  }
}
