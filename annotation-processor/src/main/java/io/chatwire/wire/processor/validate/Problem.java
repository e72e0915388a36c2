package io.chatwire.wire.processor.validate;

/**
 * The catalog of every diagnostic the processor reports. Each has a stable id that appears in
 * brackets at the start of the message, so that users can search for it and tests can assert on it.
 * Messages say what is wrong and how to fix it.
 */
public enum Problem {
  NOT_RECORD(
      "message.notRecord", "@Message can only be placed on a record; declare %s as a record"),
  PRIVATE("message.private", "%s must not be private: the generated codecs in its package use it"),
  GENERIC("message.generic", "%s must not have type parameters: a wire layout has fixed types"),
  MAX_LENGTH("message.maxLength", "maxLength = %d must be 0 (no limit) or positive"),
  MAX_LENGTH_TOO_SMALL(
      "message.maxLengthTooSmall",
      "maxLength = %d is smaller than the shortest frame (%d bytes); raise it or remove it"),
  EMPTY("message.empty", "%s has no components; declare at least one @Field"),
  FIELD_MISSING("field.missing", "every component needs @Field; add e.g. @Field(bytes = 1) to %s"),
  TYPE_UNSUPPORTED(
      "type.unsupported",
      "type %s is not supported; use boolean, byte, short, int, long, float, double, a WireCode"
          + " enum, String, ByteBuffer, another @Message record or a List of @Message records"),
  ENUM_NOT_WIRE_CODE(
      "enum.notWireCode",
      "enum %s must implement io.chatwire.wire.WireCode so each constant has a stable code"),
  NESTED_NOT_MESSAGE(
      "nested.notMessage", "record %s is used as a field but is not annotated @Message; add it"),
  NESTED_ATTRIBUTES(
      "nested.attributes",
      "a nested @Message field is inlined and takes no length rule, signed or max; write just"
          + " @Field"),
  NESTED_CYCLE(
      "nested.cycle",
      "%s contains itself through %s; a nested record or list element cannot be of an enclosing"
          + " record's type (declare that part as bytes and decode it with its own decoder)"),
  NESTED_INVALID("nested.invalid", "nested message %s has errors of its own; fix those first"),
  NAME_COLLISION(
      "nested.collision",
      "the generated decoder would have two methods %s(), one for %s and one for %s: nested"
          + " fields become <field><Nested>(), string, byte and list fields also get"
          + " <name>Offset() and <name>Length() (lists <name>Count() too), and every decoder has"
          + " wrappedBuffer(), wrappedOffset(), wrappedLength(), toRecord() and failure(); rename"
          + " one of the components"),
  LENGTH_MISSING(
      "length.missing",
      "say how long the field is: @Field(bytes = N), bits = N, varint = true, sizeFrom ="
          + " \"sizeField\", countFrom = \"countField\", remainder = true or nulTerminated ="
          + " true"),
  LENGTH_CONFLICT(
      "length.conflict",
      "set only one of bytes, bits, varint, sizeFrom, countFrom, remainder and nulTerminated"
          + " (found %s)"),
  LENGTH_NOT_VARIABLE(
      "length.notVariable",
      "%s has a fixed width; only String, ByteBuffer and List take sizeFrom or remainder; use"
          + " @Field(bytes = N)"),
  BITS_TYPE(
      "bits.type",
      "bits applies to boolean, byte, short, int, long and WireCode enums, not %s; use bytes,"
          + " sizeFrom or remainder"),
  BITS_RANGE("bits.range", "bits = %d is out of range for %s; use %s"),
  BITS_TOO_WIDE("bits.tooWide", "%s cannot hold every %s %d-bit value; use %s"),
  BITS_NOT_ALIGNED(
      "bits.notAligned",
      "this bit group ends after %d bits, not on a byte boundary; add %d bits (e.g. a reserved"
          + " field) so it fills %d bits, or change the widths"),
  BITS_GROUP_TOO_WIDE(
      "bits.groupTooWide",
      "consecutive bit fields add up to %d bits here, over 64 (8 bytes); consecutive bit fields"
          + " form one group, so put a whole-byte field (bytes = N) between two groups"),
  VARINT_TYPE("varint.type", "varint applies to int and long only, not %s"),
  NUL_TYPE(
      "nulTerminated.type",
      "nulTerminated applies to String and ByteBuffer only, not %s; use bytes, bits or varint"),
  COUNT_FROM_NOT_LIST(
      "countFrom.notList",
      "countFrom gives an element count, so it applies to List components only, not %s; use"
          + " sizeFrom for a byte length"),
  LIST_ELEMENT(
      "list.element",
      "a List component's elements must be @Message records, not %s; declare the element as a"
          + " record annotated @Message"),
  LIST_LENGTH(
      "list.length",
      "a List takes countFrom (element count), sizeFrom (byte length) or remainder, not %s"),
  LIST_ATTRIBUTES("list.attributes", "a List takes no signed or max; remove them"),
  LIST_ELEMENT_REMAINDER(
      "list.elementRemainder",
      "element %s ends with a remainder field, so one element's end cannot be found; give that"
          + " field a sizeFrom or nulTerminated length"),
  ENUM_CODE_RANGE(
      "enum.codeRange",
      "code %d does not fit the field's %s (0 to %d); change the code or widen" + " the field"),
  ENUM_CODE_DUPLICATE(
      "enum.codeDuplicate", "code %d is used by both %s and %s; give each constant its own code"),
  BYTES_RANGE("bytes.range", "bytes = %d is out of range for %s; use %s"),
  BYTES_TOO_WIDE("bytes.tooWide", "%s cannot hold every %s %d-byte value; use %s"),
  SIGNED_NOT_INTEGER(
      "signed.notInteger",
      "signed applies to integers of 1 to 8 bytes and to bit fields only; remove it from this %s"
          + " field"),
  MAX_NEGATIVE("max.negative", "max = %d must be -1 (no limit) or at least 0"),
  MAX_UNSUPPORTED("max.unsupported", "max does not apply to %s fields; remove it"),
  SIZE_FROM_UNKNOWN(
      "sizeFrom.unknown", "sizeFrom = \"%s\" names no component of %s; known components: %s"),
  SIZE_FROM_FORWARD(
      "sizeFrom.forward",
      "sizeFrom = \"%s\" names a component declared at or after this one; move %s before %s so"
          + " the length is known first"),
  SIZE_FROM_NOT_INTEGER(
      "sizeFrom.notInteger", "sizeFrom = \"%s\" must name an unsigned integer field, but it is %s"),
  SIZE_FROM_SIGNED(
      "sizeFrom.signed",
      "sizeFrom = \"%s\" names a signed field; a length cannot be negative, remove signed there"),
  SIZE_FROM_SHARED(
      "sizeFrom.shared",
      "\"%s\" is already the size or count of %s; give each variable field its own field"),
  COUNT_FROM_UNKNOWN(
      "countFrom.unknown", "countFrom = \"%s\" names no component of %s; known components: %s"),
  COUNT_FROM_FORWARD(
      "countFrom.forward",
      "countFrom = \"%s\" names a component declared at or after this one; move %s before %s"
          + " so the count is known first"),
  COUNT_FROM_NOT_INTEGER(
      "countFrom.notInteger",
      "countFrom = \"%s\" must name an unsigned integer field, but it is %s"),
  COUNT_FROM_SIGNED(
      "countFrom.signed",
      "countFrom = \"%s\" names a signed field; a count cannot be negative, remove signed there"),
  REMAINDER_NOT_LAST(
      "remainder.notLast",
      "remainder = true takes the rest of the frame, so it must be on the last component; move"
          + " %s to the end or use sizeFrom"),
  OPTION("option.invalid", "invalid processor option: %s"),
  INTERNAL(
      "internal",
      "the chatwire processor failed on this record (%s); please report it with the record"
          + " declaration");

  private final String id;
  private final String template;

  Problem(String id, String template) {
    this.id = "chatwire." + id;
    this.template = template;
  }

  /** The stable id, e.g. {@code chatwire.sizeFrom.forward}. */
  public String id() {
    return id;
  }

  /**
   * The full message for a problem at {@code where} (e.g. {@code TcrpFrame.roomName}).
   *
   * @param where the record and component the problem is on
   * @param args the template's arguments
   * @return {@code [id] where: text}
   */
  public String format(String where, Object... args) {
    return "[" + id + "] " + where + ": " + String.format(template, args);
  }
}
