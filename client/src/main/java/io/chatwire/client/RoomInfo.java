package io.chatwire.client;

/**
 * One room of a LIST answer.
 *
 * @param name the room name
 * @param members how many members (the host included) are in it
 * @param locked whether joining needs a password
 */
record RoomInfo(String name, long members, boolean locked) {

  /** The line {@code --list} prints, e.g. {@code lobby 3 members locked}. */
  String line() {
    return DisplayText.clean(name)
        + "  "
        + members
        + (members == 1 ? " member" : " members")
        + "  "
        + (locked ? "locked" : "open");
  }
}
