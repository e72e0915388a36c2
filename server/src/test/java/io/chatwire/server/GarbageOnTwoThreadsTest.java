package io.chatwire.server;

/** Every {@link GarbageTest} again with two relay threads on two SO_REUSEPORT sockets. */
class GarbageOnTwoThreadsTest extends GarbageTest {
  @Override
  int relayThreads() {
    return 2;
  }
}
