package io.chatwire.wire.tests.v2;

import io.chatwire.wire.Field;
import io.chatwire.wire.Message;

/**
 * An NTP timestamp (RFC 5905, section 6): 32-bit seconds since 1900 and a 32-bit fraction, here
 * read as one unsigned 64-bit value whose top bit is set for every date since 1968.
 *
 * @param value seconds in the high 32 bits, fraction in the low 32
 */
@Message
public record NtpTimestamp(@Field(bytes = 8) long value) {}
