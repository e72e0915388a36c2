package io.chatwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/** The four ways of reading the snapshot agree, and every list benchmark runs. */
class ListBenchmarkTest {
  @Test
  void everyVariantReadsTheSameElements() {
    ListBenchmark b = new ListBenchmark();
    b.setUp();
    float expected = 0;
    for (int i = 0; i < ListBenchmark.POSITIONS; i++) {
      expected += i + i * 0.5f + i * 0.25f + -i;
    }

    assertThat(b.handWritten()).isEqualTo(expected);
    assertThat(b.cursor()).isEqualTo(expected);
    assertThat(b.randomAccess()).isEqualTo(expected);
    assertThat(b.records()).isEqualTo(expected);
  }

  @Test
  void everyListBenchmarkRuns() throws RunnerException {
    Collection<RunResult> results = QuickJmh.run(ListBenchmark.class);

    assertThat(results).hasSize(4);
  }
}
