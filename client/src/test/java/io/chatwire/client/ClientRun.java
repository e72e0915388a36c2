package io.chatwire.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One in-process client run in scripted mode, with its input fed and its output captured. */
final class ClientRun implements AutoCloseable {
  final LineFeed in = new LineFeed();
  final Output out = new Output();
  final Output err = new Output();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private ClientRun() {}

  /** Starts {@code ChatClient.run(args, ...)} on its own thread. */
  static ClientRun start(String... args) {
    ClientRun run = new ClientRun();
    Thread t =
        new Thread(
            () -> {
              try {
                run.exit.complete(ChatClient.run(args, run.in, run.out.stream(), run.err.stream()));
              } catch (Throwable e) {
                run.exit.completeExceptionally(e);
              }
            },
            "client " + String.join(" ", args));
    t.setDaemon(true);
    t.start();
    return run;
  }

  /** Waits (bounded) for the exit code. */
  int awaitExit() throws InterruptedException, ExecutionException, TimeoutException {
    return exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  boolean exited() {
    return exit.isDone();
  }

  @Override
  public void close() {
    in.end();
    try {
      exit.get(Output.WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the test already failed or will say why
    }
  }
}
