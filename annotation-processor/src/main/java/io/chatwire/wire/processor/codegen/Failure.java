package io.chatwire.wire.processor.codegen;

import com.squareup.javapoet.CodeBlock;
import io.chatwire.wire.processor.layout.Leaf;

/**
 * How generated checking code reports a problem, as complete statements: recorded in the decoder
 * and answered with {@code false} or {@code -1} (the allocation-free {@code try} methods), or
 * thrown ({@code frameLength}).
 */
interface Failure {
  /** A problem with {@code leaf} (null: the frame as a whole) at frame offset {@code offset}. */
  CodeBlock emit(Leaf leaf, CodeBlock offset, String problem, CodeBlock value, CodeBlock limit);

  /** Statements that give up after the failure has been recorded elsewhere. */
  CodeBlock reject();

  /** Records a problem and answers {@code reject}: {@code false} or {@code -1}. */
  static Failure returning(String reject) {
    return new Failure() {
      @Override
      public CodeBlock emit(
          Leaf leaf, CodeBlock offset, String problem, CodeBlock value, CodeBlock limit) {
        CodeBlock call =
            CodeBlock.of(
                "fail($L, $L, $T.$L, $L, $L)",
                leaf == null ? -1 : leaf.index(),
                offset,
                Names.FRAME_PROBLEM,
                problem,
                value,
                limit);
        return reject.equals("false")
            ? CodeBlock.of("return $L;\n", call)
            : CodeBlock.of("$L;\nreturn $L;\n", call, reject);
      }

      @Override
      public CodeBlock reject() {
        return CodeBlock.of("return $L;\n", reject);
      }
    };
  }

  /** Throws the exception at once (for the static {@code frameLength}). */
  static Failure throwing(String recordName) {
    return new Failure() {
      @Override
      public CodeBlock emit(
          Leaf leaf, CodeBlock offset, String problem, CodeBlock value, CodeBlock limit) {
        return CodeBlock.of(
            "throw $T.exception($S, $L, $T.$L, $L, $L);\n",
            Names.FRAME_PROBLEM,
            leaf == null ? recordName : leaf.path(),
            offset,
            Names.FRAME_PROBLEM,
            problem,
            value,
            limit);
      }

      @Override
      public CodeBlock reject() {
        throw new UnsupportedOperationException("a thrown failure has nothing to reject");
      }
    };
  }
}
