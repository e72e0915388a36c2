package io.chatwire.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the lossless knee: the highest offered rate with at least {@code threshold} % delivery.
 * Rates grow by {@code factor} from {@code from} until a step fails, then {@code refinements}
 * bisection steps narrow the gap between the last pass and the first fail. A step also fails when
 * the generator could not offer 97 % of the target (the knee is then the generator's, and the
 * output says so).
 *
 * <pre>
 * from ─×factor─▶ ... ─▶ pass ─×factor─▶ fail ─▶ bisect(pass, fail) × refinements
 * </pre>
 *
 * @param from first rate, messages per second in
 * @param factor growth per step, above 1
 * @param max highest rate tried
 * @param warmup unmeasured lead-in of every step
 * @param step measured length of every step
 * @param refinements bisection steps after the first fail
 * @param threshold delivery percentage a step must reach, e.g. 99.9
 */
public record Sweep(
    double from,
    double factor,
    double max,
    Duration warmup,
    Duration step,
    int refinements,
    double threshold) {

  private static final double OFFERED_FRACTION = 0.97;

  /** Checks ranges. */
  public Sweep {
    if (!(from > 0) || !(factor > 1) || !(max >= from) || refinements < 0) {
      throw new IllegalArgumentException("sweep needs from > 0, factor > 1, max >= from");
    }
  }

  /**
   * Every step and the knee.
   *
   * @param steps every step in order
   * @param knee the fastest passing step, or null if the first failed
   * @param limitedByGenerator whether the first failing step failed because the generator could not
   *     offer its rate
   */
  public record Result(List<RunResult> steps, RunResult knee, boolean limitedByGenerator) {}

  Result run(LoadGenerator generator, Consumer<RunResult> progress) throws InterruptedException {
    List<RunResult> steps = new ArrayList<>();
    RunResult pass = null;
    RunResult fail = null;
    for (double rate = from; rate <= max * 1.0001 && fail == null; rate *= factor) {
      RunResult r = step(generator, rate, steps, progress);
      if (passed(r)) {
        pass = r;
      } else {
        fail = r;
      }
    }
    boolean generatorLimited =
        fail != null && fail.offeredRate() < OFFERED_FRACTION * fail.targetRate();
    for (int i = 0; i < refinements && pass != null && fail != null; i++) {
      RunResult r = step(generator, (pass.targetRate() + fail.targetRate()) / 2, steps, progress);
      if (passed(r)) {
        pass = r;
      } else {
        fail = r;
      }
    }
    return new Result(steps, pass, generatorLimited);
  }

  private RunResult step(
      LoadGenerator generator, double rate, List<RunResult> steps, Consumer<RunResult> progress)
      throws InterruptedException {
    RunResult r = generator.run(Math.rint(rate), warmup, step);
    steps.add(r);
    progress.accept(r);
    // Let the relay's and the kernel's queues empty before the next step.
    Thread.sleep(500);
    return r;
  }

  private boolean passed(RunResult r) {
    return r.deliveredAtLeast(threshold) && r.offeredRate() >= OFFERED_FRACTION * r.targetRate();
  }
}
