package io.chatwire.wire.processor.model;

import java.util.OptionalLong;
import javax.lang.model.element.Element;

/**
 * One constant of a {@code WireCode} enum, for documentation and dissectors.
 *
 * @param name the constant's name
 * @param code its wire code when it could be read from the source (the constant's first constructor
 *     argument, when that is an integer literal), else empty
 * @param element the enum constant, for diagnostics
 */
public record EnumConstant(String name, OptionalLong code, Element element) {}
