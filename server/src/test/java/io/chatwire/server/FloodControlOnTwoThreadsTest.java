package io.chatwire.server;

/** Every {@link FloodControlTest} again with two relay threads on two SO_REUSEPORT sockets. */
class FloodControlOnTwoThreadsTest extends FloodControlTest {
  @Override
  int relayThreads() {
    return 2;
  }
}
