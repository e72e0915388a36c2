package io.chatwire.wire.processor.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import io.chatwire.wire.processor.model.FieldDescriptor;
import io.chatwire.wire.processor.model.LengthMode;
import io.chatwire.wire.processor.model.MessageDescriptor;
import io.chatwire.wire.processor.model.WireKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets, lengths and size links computed from descriptors alone. */
class LayoutPlannerTest {
  private static FieldDescriptor fixed(String name, int bytes) {
    return new FieldDescriptor(
        name,
        null,
        bytes > 8 ? WireKind.WIDE_INTEGER : WireKind.INTEGER,
        TypeName.LONG,
        "long",
        LengthMode.FIXED,
        bytes,
        "",
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static FieldDescriptor sized(String name, String sizeFrom) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.STRING,
        ClassName.get(String.class),
        "",
        LengthMode.SIZE_FROM,
        0,
        sizeFrom,
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static FieldDescriptor bits(String name, int bits) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.INTEGER,
        TypeName.INT,
        "int",
        LengthMode.BITS,
        0,
        "",
        false,
        -1,
        bits,
        null,
        List.of());
  }

  private static FieldDescriptor varint(String name) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.INTEGER,
        TypeName.INT,
        "int",
        LengthMode.VARINT,
        0,
        "",
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static FieldDescriptor nulTerminated(String name) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.STRING,
        ClassName.get(String.class),
        "",
        LengthMode.NUL_TERMINATED,
        0,
        "",
        false,
        -1,
        0,
        null,
        List.of());
  }

  private static FieldDescriptor counted(String name, String countFrom, MessageDescriptor element) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.LIST,
        ClassName.get(List.class),
        "",
        LengthMode.COUNT_FROM,
        0,
        countFrom,
        false,
        -1,
        0,
        element,
        List.of());
  }

  private static FieldDescriptor nested(String name, MessageDescriptor message) {
    return new FieldDescriptor(
        name,
        null,
        WireKind.MESSAGE,
        message.type(),
        "",
        LengthMode.NESTED,
        0,
        "",
        false,
        -1,
        0,
        message,
        List.of());
  }

  private static MessageDescriptor message(String name, int maxLength, FieldDescriptor... f) {
    return new MessageDescriptor(null, ClassName.get("p", name), true, maxLength, List.of(f));
  }

  private static MessageDescriptor little(String name, FieldDescriptor... f) {
    return new MessageDescriptor(null, ClassName.get("p", name), false, 0, List.of(f));
  }

  /** RTP's first two bytes (RFC 3550): V:2 P:1 X:1 CC:4 | M:1 PT:7, then the sequence number. */
  private static FieldDescriptor[] rtpStart() {
    return new FieldDescriptor[] {
      bits("version", 2),
      bits("padding", 1),
      bits("extension", 1),
      bits("csrcCount", 4),
      bits("marker", 1),
      bits("payloadType", 7),
      fixed("sequenceNumber", 2)
    };
  }

  @Test
  void bigEndianBitGroupGivesTheFirstFieldTheMostSignificantBits() {
    MessageLayout layout = LayoutPlanner.plan(message("Rtp", 0, rtpStart()));

    List<Leaf> group = layout.leaves().subList(0, 6);
    assertThat(group).extracting(Leaf::bitShift).containsExactly(14, 13, 12, 8, 7, 0);
    assertThat(group).extracting(Leaf::groupBytes).containsOnly(2);
    assertThat(group).extracting(Leaf::width).containsOnly(2);
    assertThat(group)
        .extracting(Leaf::groupStart)
        .containsExactly(true, false, false, false, false, false);
    assertThat(group)
        .extracting(Leaf::groupEnd)
        .containsExactly(false, false, false, false, false, true);
    assertThat(group).extracting(Leaf::advance).containsExactly(0, 0, 0, 0, 0, 2);
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 0, 0, 0, 0, 0, 2);
    assertThat(layout.leaves().get(6).groupBytes()).isZero();
    assertThat(layout.fixedLength()).isEqualTo(4);
    assertThat(layout.minLength()).isEqualTo(4);
  }

  @Test
  void littleEndianBitGroupGivesTheFirstFieldTheLeastSignificantBits() {
    MessageLayout layout = LayoutPlanner.plan(little("Rtp", rtpStart()));

    List<Leaf> group = layout.leaves().subList(0, 6);
    assertThat(group).extracting(Leaf::bitShift).containsExactly(0, 2, 3, 4, 8, 9);
    assertThat(group).extracting(Leaf::groupBytes).containsOnly(2);
    assertThat(group)
        .extracting(Leaf::groupStart)
        .containsExactly(true, false, false, false, false, false);
    assertThat(group)
        .extracting(Leaf::groupEnd)
        .containsExactly(false, false, false, false, false, true);
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 0, 0, 0, 0, 0, 2);
    assertThat(layout.fixedLength()).isEqualTo(4);
  }

  @Test
  void aByteFieldBetweenBitFieldsEndsOneGroupAndStartsAnother() {
    MessageLayout layout =
        LayoutPlanner.plan(
            message(
                "TwoGroups",
                0,
                bits("a", 2),
                bits("b", 6),
                fixed("middle", 1),
                bits("c", 1),
                bits("d", 15)));

    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 0, 1, 2, 2);
    assertThat(layout.leaves()).extracting(Leaf::groupBytes).containsExactly(1, 1, 0, 2, 2);
    assertThat(layout.leaves()).extracting(Leaf::bitShift).containsExactly(6, 0, 0, 15, 0);
    assertThat(layout.leaves())
        .extracting(Leaf::groupStart)
        .containsExactly(true, false, false, true, false);
    assertThat(layout.leaves())
        .extracting(Leaf::groupEnd)
        .containsExactly(false, true, false, false, true);
    assertThat(layout.fixedLength()).isEqualTo(4);
  }

  @Test
  void aNestedRecordStartsItsOwnBitGroup() {
    MessageDescriptor inner = message("Inner", 0, bits("x", 4), bits("y", 4));
    MessageLayout layout =
        LayoutPlanner.plan(message("Outer", 0, bits("a", 8), nested("inner", inner)));

    assertThat(layout.leaves()).extracting(Leaf::path).containsExactly("a", "inner.x", "inner.y");
    assertThat(layout.leaves()).extracting(Leaf::groupStart).containsExactly(true, true, false);
    assertThat(layout.leaves()).extracting(Leaf::groupBytes).containsExactly(1, 1, 1);
    assertThat(layout.leaves()).extracting(Leaf::bitShift).containsExactly(0, 4, 0);
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 1, 1);
    assertThat(layout.fixedLength()).isEqualTo(2);
  }

  @Test
  void varintAndNulTerminatedFieldsTakeAtLeastOneByte() {
    MessageLayout layout =
        LayoutPlanner.plan(
            message("Mqtt", 0, fixed("type", 1), varint("remaining"), nulTerminated("topic")));

    assertThat(layout.minLength()).isEqualTo(3);
    assertThat(layout.fixedLength()).isEqualTo(1);
  }

  @Test
  void staticOffsetsStopAfterTheFirstVariableField() {
    MessageLayout layout =
        LayoutPlanner.plan(
            message(
                "Mixed",
                0,
                fixed("a", 2),
                varint("v"),
                fixed("b", 4),
                nulTerminated("name"),
                fixed("c", 1)));

    // The first variable field starts at a known offset; nothing after it does.
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 2, -1, -1, -1);
    assertThat(layout.leaves())
        .extracting(Leaf::hasStaticOffset)
        .containsExactly(true, true, false, false, false);
    assertThat(layout.firstDynamic()).isEqualTo(2);
    assertThat(layout.fixedLength()).isEqualTo(2);
    assertThat(layout.minLength()).isEqualTo(2 + 1 + 4 + 1 + 1);
  }

  @Test
  void aCountSourceLinksToItsList() {
    MessageDescriptor csrc = message("Csrc", 0, fixed("id", 4));
    FieldDescriptor[] start = rtpStart();
    FieldDescriptor[] fields = java.util.Arrays.copyOf(start, start.length + 1);
    fields[start.length] = counted("csrcs", "csrcCount", csrc);
    MessageLayout layout = LayoutPlanner.plan(message("Rtp", 1500, fields));

    Leaf count = layout.leaves().get(3);
    Leaf list = layout.leaves().get(7);
    assertThat(count.path()).isEqualTo("csrcCount");
    assertThat(count.isSizeSource()).isTrue();
    assertThat(count.sizeUser()).isEqualTo(7);
    assertThat(list.sizeSource()).isEqualTo(3);
    assertThat(list.staticOffset()).isEqualTo(4);
    assertThat(layout.leaves()).filteredOn(Leaf::isSizeSource).containsExactly(count);
    assertThat(layout.minLength()).isEqualTo(4);
    assertThat(layout.maxLength()).isEqualTo(1500);
  }

  @Test
  void sizeSourcesInsideANestedRecordResolveInItsScope() {
    MessageDescriptor header = message("Header", 0, fixed("size", 1), sized("label", "size"));
    MessageLayout layout =
        LayoutPlanner.plan(
            message("Outer", 0, fixed("size", 2), sized("body", "size"), nested("header", header)));

    assertThat(layout.leaves()).extracting(Leaf::sizeSource).containsExactly(-1, 0, -1, 2);
    assertThat(layout.leaves()).extracting(Leaf::sizeUser).containsExactly(1, -1, 3, -1);
  }

  @Test
  void tcrpHeaderIsTheFixedPart() {
    MessageLayout layout =
        LayoutPlanner.plan(
            message(
                "Tcrp",
                0,
                fixed("roomNameSize", 1),
                fixed("operation", 1),
                fixed("state", 1),
                fixed("payloadSize", 29),
                sized("roomName", "roomNameSize"),
                sized("payload", "payloadSize")));

    assertThat(layout.fixedLength()).isEqualTo(32);
    assertThat(layout.minLength()).isEqualTo(32);
    assertThat(layout.maxLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(layout.leaves()).extracting(Leaf::staticOffset).containsExactly(0, 1, 2, 3, 32, -1);
    assertThat(layout.leaves().get(4).sizeSource()).isZero();
    assertThat(layout.leaves().get(3).sizeUser()).isEqualTo(5);
  }

  @Test
  void nestedFieldsAreFlattenedWithPathsAndAccessors() {
    MessageDescriptor header = message("Header", 0, fixed("size", 1), sized("label", "size"));
    FieldDescriptor nested =
        new FieldDescriptor(
            "header",
            null,
            WireKind.MESSAGE,
            ClassName.get("p", "Header"),
            "",
            LengthMode.NESTED,
            0,
            "",
            false,
            -1,
            0,
            header,
            List.of());
    MessageLayout layout = LayoutPlanner.plan(message("Outer", 64, fixed("a", 2), nested));

    assertThat(layout.leaves())
        .extracting(Leaf::path)
        .containsExactly("a", "header.size", "header.label");
    assertThat(layout.leaves())
        .extracting(Leaf::accessor)
        .containsExactly("a", "headerSize", "headerLabel");
    assertThat(layout.leaves().get(2).sizeSource()).isEqualTo(1);
    assertThat(layout.leaves().get(2).valuePath()).containsExactly("header", "label");
    assertThat(layout.fixedLength()).isEqualTo(3);
    assertThat(layout.maxLength()).isEqualTo(64);
  }

  @Test
  void constantNamesAreUpperSnakeCase() {
    assertThat(LayoutPlanner.constantName("roomNameSize")).isEqualTo("ROOM_NAME_SIZE");
    assertThat(LayoutPlanner.constantName("a")).isEqualTo("A");
  }
}
