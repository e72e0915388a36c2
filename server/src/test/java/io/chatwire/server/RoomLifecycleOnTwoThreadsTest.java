package io.chatwire.server;

/** Every {@link RoomLifecycleTest} again with two relay threads on two SO_REUSEPORT sockets. */
class RoomLifecycleOnTwoThreadsTest extends RoomLifecycleTest {
  @Override
  int relayThreads() {
    return 2;
  }
}
