package io.chatwire.wire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every declaration mistake is exactly one compile error, with a stable id, naming the record and
 * component, on the line of the offending component, and nothing is generated for that record.
 */
class ProcessorErrorsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          MissingField           | field.missing          | MissingField.b          | int b)
          UnsupportedChar        | type.unsupported       | UnsupportedChar.value   | char value
          UnsupportedBoxed       | type.unsupported       | UnsupportedBoxed.value  | Integer value
          EnumNotWireCode        | enum.notWireCode       | EnumNotWireCode.color   | Color color
          NestedNotMessage       | nested.notMessage      | NestedNotMessage.inner  | Inner inner
          NestedAttributes       | nested.attributes      | NestedAttributes.inner  | Inner inner
          NestedCycle            | nested.cycle           | NestedCycle.self        | NestedCycle self
          LengthMissing          | length.missing         | LengthMissing.name      | String name
          LengthConflict         | length.conflict        | LengthConflict.body     | ByteBuffer body
          LengthNotVariable      | length.notVariable     | LengthNotVariable.value | int value
          BytesZero              | bytes.range            | BytesZero.value         | int value
          BytesTooMany           | bytes.range            | BytesTooMany.value      | int value
          BytesTooWide           | bytes.tooWide          | BytesTooWide.value      | int value
          UnsignedByte           | bytes.tooWide          | UnsignedByte.value      | byte value
          BooleanWidth           | bytes.range            | BooleanWidth.flag       | boolean flag
          SizeFromUnknown        | sizeFrom.unknown       | SizeFromUnknown.name    | String name
          SizeFromForward        | sizeFrom.forward       | SizeFromForward.name    | String name
          SizeFromNotInteger     | sizeFrom.notInteger    | SizeFromNotInteger.name | String name
          SizeFromSigned         | sizeFrom.signed        | SizeFromSigned.name     | String name
          SizeFromShared         | sizeFrom.shared        | SizeFromShared.second   | String second
          RemainderNotLast       | remainder.notLast      | RemainderNotLast.body   | ByteBuffer body
          NestedRemainderNotLast | remainder.notLast      | NestedRemainderNotLast.tail | Tail tail
          SignedString           | signed.notInteger      | SignedString.name       | String name
          SignedWide             | signed.notInteger      | SignedWide.value        | long value
          MaxNegative            | max.negative           | MaxNegative.value       | int value
          MaxOnBoolean           | max.unsupported        | MaxOnBoolean.flag       | boolean flag
          NotRecord              | message.notRecord      | NotRecord               | @Message
          PrivateRecord          | message.private        | Hidden                  | @Message
          GenericRecord          | message.generic        | GenericRecord           | @Message
          MaxLengthTooSmall      | message.maxLengthTooSmall | MaxLengthTooSmall    | record MaxLengthTooSmall
          NegativeMaxLength      | message.maxLength      | NegativeMaxLength       | @Message
          EmptyRecord            | message.empty          | EmptyRecord             | @Message
          NameCollision          | nested.collision       | NameCollision.header    | Header header
          ReservedName           | nested.collision       | ReservedName.toRecord   | int toRecord
          LengthNameCollision    | nested.collision       | LengthNameCollision.name | String name
          ListCountNameCollision | nested.collision       | ListCountNameCollision.items | List<Item> items
          BitsType               | bits.type              | BitsType.name           | String name
          BitsRange              | bits.range             | BitsRange.value         | long value
          BitsRangeBoolean       | bits.range             | BitsRangeBoolean.flag   | boolean flag
          BitsTooWide            | bits.tooWide           | BitsTooWide.value       | byte value
          BitsNotAligned         | bits.notAligned        | BitsNotAligned.b        | int b,
          BitsNotAlignedAtEnd    | bits.notAligned        | BitsNotAlignedAtEnd.c   | boolean c
          BitsGroupTooWide       | bits.groupTooWide      | BitsGroupTooWide.b      | int b,
          VarintType             | varint.type            | VarintType.value        | short value
          VarintString           | varint.type            | VarintString.name       | String name
          NulTerminatedType      | nulTerminated.type     | NulTerminatedType.value | int value
          CountFromNotList       | countFrom.notList      | CountFromNotList.name   | String name
          CountFromUnknown       | countFrom.unknown      | CountFromUnknown.items  | List<Item> items
          CountFromForward       | countFrom.forward      | CountFromForward.items  | List<Item> items
          CountFromNotInteger    | countFrom.notInteger   | CountFromNotInteger.items | List<Item> items
          CountFromSigned        | countFrom.signed       | CountFromSigned.items   | List<Item> items
          ListOfStrings          | list.element           | ListOfStrings.names     | List<String> names
          ListRaw                | list.element           | ListRaw.items           | List items
          ListOfPlainRecords     | list.element           | ListOfPlainRecords.plains | List<Plain> plains
          ListFixedBytes         | list.length            | ListFixedBytes.items    | List<Item> items
          ListNulTerminated      | list.length            | ListNulTerminated.items | List<Item> items
          ListAttributes         | list.attributes        | ListAttributes.items    | List<Item> items
          ListElementRemainder   | list.elementRemainder  | ListElementRemainder.tlvs | List<Tlv> tlvs
          LengthConflictBits     | length.conflict        | LengthConflictBits.value | int value
          LengthConflictNul      | length.conflict        | LengthConflictNul.name  | String name
          EnumCodeRange          | enum.codeRange         | Level.HIGH              | HIGH(300)
          EnumCodeRangeBits      | enum.codeRange         | Level.HIGH              | HIGH(4)
          EnumCodeDuplicate      | enum.codeDuplicate     | Level.HIGH              | HIGH(1)
          CountAndSizeShared     | sizeFrom.shared        | CountAndSizeShared.label | String label
          """)
  void reportsOneErrorOnTheComponent(String file, String id, String where, String line) {
    JavaFileObject source = JavaFileObjects.forResource("bad/" + file + ".java");
    Compilation compilation =
        Compiler.javac().withProcessors(new ChatwireProcessor()).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation)
        .hadErrorContaining("[chatwire." + id + "] " + where + ": ")
        .inFile(source)
        .onLineContaining(line);
    Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
    assertThat(error.getMessage(null)).doesNotContain("Exception").hasSizeGreaterThan(40);
  }

  @Test
  void aNestedRecordWithErrorsIsNamedOnTheComponentThatUsesIt() {
    JavaFileObject source = JavaFileObjects.forResource("bad/NestedInvalid.java");
    Compilation compilation =
        Compiler.javac().withProcessors(new ChatwireProcessor()).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(2);
    assertThat(compilation)
        .hadErrorContaining("[chatwire.bytes.range] Inner.broken: ")
        .inFile(source)
        .onLineContaining("short broken");
    assertThat(compilation)
        .hadErrorContaining("[chatwire.nested.invalid] NestedInvalid.inner: nested message Inner")
        .inFile(source)
        .onLineContaining("Inner inner");
  }

  @Test
  void aProcessorFailureIsOneErrorOnTheRecordNotACrash() {
    JavaFileObject source = JavaFileObjects.forResource("good/Ping.java");
    ChatwireProcessor failing =
        new ChatwireProcessor(
            layout -> {
              throw new StackOverflowError("simulated");
            });

    Compilation compilation = Compiler.javac().withProcessors(failing).compile(source);

    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[chatwire.internal] Ping: the chatwire processor failed on this record")
        .inFile(source);
    assertThat(compilation.errors().get(0).getMessage(null))
        .contains("java.lang.StackOverflowError: simulated")
        .contains("at io.chatwire.wire.processor.");
  }
}
