package io.chatwire.wire;

import java.util.Arrays;

/**
 * Maps wire codes back to the constants of a {@link WireCode} enum without allocating. Generated
 * decoders hold one per enum field in a static constant.
 *
 * @param <E> the enum type
 */
public final class CodeTable<E extends Enum<E> & WireCode> {
  private static final int DENSE_LIMIT = 1024;

  private final Class<E> type;
  private final E[] dense;
  private final int[] codes;
  private final E[] byCode;

  private CodeTable(Class<E> type, E[] dense, int[] codes, E[] byCode) {
    this.type = type;
    this.dense = dense;
    this.codes = codes;
    this.byCode = byCode;
  }

  /**
   * Builds the table for {@code type}, checking that codes are unique and fit in {@code width}
   * unsigned bytes.
   *
   * @param type the enum class
   * @param width the field width in bytes, 1 to 4
   * @param <E> the enum type
   * @return the table
   * @throws IllegalStateException if two constants share a code or a code does not fit
   */
  public static <E extends Enum<E> & WireCode> CodeTable<E> of(Class<E> type, int width) {
    return ofBits(type, 8 * width);
  }

  /**
   * Builds the table for an enum held in a bit field of {@code bits} bits, checking that codes are
   * unique and fit.
   *
   * @param type the enum class
   * @param bits the field width in bits, 1 to 32
   * @param <E> the enum type
   * @return the table
   * @throws IllegalStateException if two constants share a code or a code does not fit
   */
  public static <E extends Enum<E> & WireCode> CodeTable<E> ofBits(Class<E> type, int bits) {
    E[] constants = type.getEnumConstants();
    long limit = bits >= 32 ? 0xFFFF_FFFFL : (1L << bits) - 1;
    int max = 0;
    for (E e : constants) {
      int code = e.code();
      if (code < 0 || code > limit) {
        throw new IllegalStateException(
            type.getName()
                + "."
                + e.name()
                + ".code() = "
                + code
                + " does not fit "
                + (bits % 8 == 0 ? bits / 8 + " unsigned byte(s)" : bits + " unsigned bit(s)"));
      }
      max = Math.max(max, code);
    }
    E[] sorted = constants.clone();
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.code(), b.code()));
    int[] codes = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      codes[i] = sorted[i].code();
      if (i > 0 && codes[i] == codes[i - 1]) {
        throw new IllegalStateException(
            type.getName()
                + "."
                + sorted[i - 1].name()
                + " and "
                + sorted[i].name()
                + " share code "
                + codes[i]);
      }
    }
    E[] dense = null;
    if (max < DENSE_LIMIT) {
      dense = Arrays.copyOf(constants, max + 1);
      Arrays.fill(dense, null);
      for (E e : constants) {
        dense[e.code()] = e;
      }
    }
    return new CodeTable<>(type, dense, codes, sorted);
  }

  /**
   * The constant whose code is {@code code}.
   *
   * @param code a code read from the wire
   * @return the constant, or {@code null} if no constant has that code
   */
  public E get(long code) {
    if (dense != null) {
      return code >= 0 && code < dense.length ? dense[(int) code] : null;
    }
    if (code < 0 || code > Integer.MAX_VALUE) {
      return null;
    }
    int i = Arrays.binarySearch(codes, (int) code);
    return i >= 0 ? byCode[i] : null;
  }

  /**
   * The enum class this table maps to.
   *
   * @return the class
   */
  public Class<E> type() {
    return type;
  }
}
