package io.chatwire.wire.tests.v2;

import static io.chatwire.wire.tests.v2.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A ZIP local file header (APPNOTE.TXT 4.3.7): a component named {@code fileNameLength} next to a
 * {@code fileName} whose length it gives.
 */
class ZipLocalHeaderTest {
  /**
   * The first entry of a ZIP file written by CPython's {@code zipfile} (ZIP_STORED): hello.txt, 13
   * bytes "hello, world\n", dated 2024-01-02 03:04:06, CRC-32 f4247453.
   */
  static final byte[] HELLO =
      hex(
          "504b0304 1400 0000 0000 8318 2258 537424f4 0d000000 0d000000 0900 0000"
              + " 68656c6c6f2e747874 68656c6c6f2c20776f726c640a");

  private static ZipLocalHeader hello() {
    return new ZipLocalHeader(
        0x04034b50L,
        20,
        0,
        0,
        0x1883,
        0x5822,
        0xf4247453L,
        13,
        13,
        9,
        0,
        "hello.txt",
        ByteBuffer.allocate(0),
        ByteBuffer.wrap("hello, world\n".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void decodesTheEntryWrittenByZipfile() {
    ZipLocalHeaderDecoder d =
        new ZipLocalHeaderDecoder().wrap(ByteBuffer.wrap(HELLO), 0, HELLO.length);

    assertThat(d.signature()).isEqualTo(0x04034b50L);
    assertThat(d.crc32()).isEqualTo(0xf4247453L);
    assertThat(d.fileNameLength()).isEqualTo(9);
    assertThat(d.fileName()).isEqualTo("hello.txt");
    assertThat(d.fileNameOffset()).isEqualTo(30);
    assertThat(d.extraFieldLength()).isZero();
    assertThat(d.compressedSize()).isEqualTo(13);
    assertThat(d.toRecord()).isEqualTo(hello());
  }

  @Test
  void encodesTheSameBytesAsZipfile() {
    ByteBuffer dst = ByteBuffer.allocate(100);

    int n = ZipLocalHeaderEncoder.encode(hello(), dst, 11);

    assertThat(hex(dst, 11, n)).isEqualTo(hex(HELLO));
  }

  @Test
  void aFileNameLengthThatDisagreesWithTheNameCannotBeEncoded() {
    ZipLocalHeader h = hello();
    ZipLocalHeader wrong =
        new ZipLocalHeader(
            h.signature(),
            h.versionNeeded(),
            h.flags(),
            h.compression(),
            h.modTime(),
            h.modDate(),
            h.crc32(),
            h.compressedSize(),
            h.uncompressedSize(),
            8,
            h.extraFieldLength(),
            h.fileName(),
            h.extraField(),
            h.data());

    assertThatThrownBy(() -> ZipLocalHeaderEncoder.encodedLength(wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fileNameLength");
  }

  @Test
  void everyTruncationIsMalformed() {
    Frames.assertEveryTruncationIsMalformed(
        Codecs.zipLocalHeader(),
        HELLO,
        n -> false,
        n -> {
          String[] fixed = {
            "signature",
            "versionNeeded",
            "flags",
            "compression",
            "modTime",
            "modDate",
            "crc32",
            "compressedSize",
            "uncompressedSize",
            "fileNameLength",
            "extraFieldLength"
          };
          int[] ends = {4, 6, 8, 10, 12, 14, 18, 22, 26, 28, 30};
          for (int i = 0; i < ends.length; i++) {
            if (n < ends[i]) {
              return fixed[i];
            }
          }
          return n < 39 ? "fileName" : "data";
        });
  }
}
