package io.chatwire.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Codes map back to constants, sparse or dense; bad code sets are refused up front. */
class CodeTableTest {
  enum Dense implements WireCode {
    A(0),
    B(1),
    C(5);

    private final int code;

    Dense(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  enum Sparse implements WireCode {
    X(3),
    Y(70_000);

    private final int code;

    Sparse(int code) {
      this.code = code;
    }

    @Override
    public int code() {
      return code;
    }
  }

  enum Shared implements WireCode {
    P,
    Q;

    @Override
    public int code() {
      return 1;
    }
  }

  @Test
  void looksUpDenseAndSparseCodes() {
    CodeTable<Dense> dense = CodeTable.of(Dense.class, 1);
    CodeTable<Sparse> sparse = CodeTable.of(Sparse.class, 4);

    assertThat(dense.get(5)).isEqualTo(Dense.C);
    assertThat(dense.get(2)).isNull();
    assertThat(dense.get(-1)).isNull();
    assertThat(dense.get(1L << 40)).isNull();
    assertThat(sparse.get(70_000)).isEqualTo(Sparse.Y);
    assertThat(sparse.get(4)).isNull();
  }

  @Test
  void refusesCodesThatDoNotFitOrRepeat() {
    assertThatThrownBy(() -> CodeTable.of(Sparse.class, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Y.code() = 70000 does not fit 2");
    assertThatThrownBy(() -> CodeTable.of(Shared.class, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("P and Q share code 1");
  }

  @Test
  void bitFieldCodesMustFitTheirBits() {
    assertThat(CodeTable.ofBits(Dense.class, 3).get(5)).isEqualTo(Dense.C);
    assertThatThrownBy(() -> CodeTable.ofBits(Dense.class, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Dense.C.code() = 5 does not fit 2 unsigned bit(s)");
  }
}
