package io.chatwire.server;

/** Every {@link RelayTest} again with two relay threads on two SO_REUSEPORT sockets. */
class RelayOnTwoThreadsTest extends RelayTest {
  @Override
  int relayThreads() {
    return 2;
  }
}
