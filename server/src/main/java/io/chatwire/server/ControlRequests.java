package io.chatwire.server;

import io.chatwire.protocol.TcrpFrameDecoder;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What CREATE, JOIN, LIST and LEAVE do, on the event loop; password hashing runs on a worker pool
 * and its result comes back to the loop before anything changes.
 *
 * <pre>
 *   password work: queued + running &lt; --max-password-jobs, else 429 at once
 *                  a JOIN from a source out of --max-password-failures: 429, nothing hashed
 *                  a job whose client has gone by the time a worker takes it: skipped
 * </pre>
 */
final class ControlRequests {
  private static final Logger log = LoggerFactory.getLogger(ControlRequests.class);

  private final Membership membership;
  private final Rooms rooms;
  private final Executor loop;
  private final Executor workers;
  private final ServerOptions options;
  private final int udpPort;
  private final SourceLimits limits;
  // Event loop only.
  private int passwordJobs;
  // Written by the event loop only; volatile so that tests and metrics read it.
  private volatile long passwordJobsSkipped;

  ControlRequests(
      Membership membership,
      Executor loop,
      Executor workers,
      ServerOptions options,
      int udpPort,
      SourceLimits limits) {
    this.membership = membership;
    this.rooms = membership.rooms();
    this.loop = loop;
    this.workers = workers;
    this.options = options;
    this.udpPort = udpPort;
    this.limits = limits;
  }

  /** Password jobs skipped because their client had gone, from any thread. */
  long passwordJobsSkipped() {
    return passwordJobsSkipped;
  }

  void handle(Request request, ReplySink sink) {
    try {
      switch (request.operation()) {
        case CREATE -> create(request, sink);
        case JOIN -> join(request, sink);
        case LIST -> list(request, sink);
        case LEAVE -> leave(request, sink);
      }
    } catch (BadRequestException e) {
      reject(request, sink, Reply.BAD_REQUEST, e.getMessage());
    }
  }

  /** Answers with an error status and logs why. */
  static void reject(Request request, ReplySink sink, int status, String message) {
    log.info(
        "rejected {} '{}' from {}: {} {}",
        request.operation(),
        Name.forLog(request.roomName()),
        request.peer().getHostAddress(),
        status,
        message);
    sink.reply(Reply.status(status, message));
  }

  /** One page of at most {@link Reply#MAX_LIST_FRAME} bytes, frame included. */
  private void list(Request request, ReplySink sink) {
    int budget = Reply.MAX_LIST_FRAME - TcrpFrameDecoder.FIXED_LENGTH - request.roomBytes().length;
    sink.reply(Reply.list(rooms.all(), request.payload().offset(), budget));
  }

  private void create(Request request, ReplySink sink) throws BadRequestException {
    Name room = Name.of("room name", request.roomName(), Name.MAX_ROOM_BYTES);
    Name user = Name.of("username", request.payload().username(), Name.MAX_USERNAME_BYTES);
    if (!checkCreatable(request, sink)) {
      return;
    }
    String password = request.payload().password();
    if (password == null || password.isEmpty()) {
      finishCreate(request, sink, room, user, null);
    } else {
      offload(
          request,
          sink,
          () -> PasswordHash.of(password),
          h -> finishCreate(request, sink, room, user, h));
    }
  }

  private boolean checkCreatable(Request request, ReplySink sink) {
    if (rooms.find(request.roomBytes()) != null) {
      reject(request, sink, Reply.CONFLICT, "room exists");
      return false;
    }
    if (rooms.size() >= options.maxRooms()) {
      reject(request, sink, Reply.TOO_MANY, "room limit of " + options.maxRooms() + " reached");
      return false;
    }
    InetAddress source = limits.sourceOf(request.peer());
    if (source != null && rooms.createdBy(source) >= options.roomsPerIp()) {
      String message =
          "room limit of " + options.roomsPerIp() + " per address reached; close one first";
      limits.bit(Limit.ROOMS_PER_IP, request.peer(), message);
      reject(request, sink, Reply.TOO_MANY, message);
      return false;
    }
    return true;
  }

  private void finishCreate(
      Request request, ReplySink sink, Name room, Name user, PasswordHash password) {
    // Re-checked: another CREATE may have won while the password was being hashed.
    if (!sink.isOpen() || !checkCreatable(request, sink)) {
      return;
    }
    Member host =
        membership.create(
            room.text(),
            room.bytes(),
            password,
            user,
            request.peer(),
            limits.sourceOf(request.peer()));
    sink.reply(Reply.accepted("room created", host.token(), udpPort, rooms.instance()));
  }

  private void join(Request request, ReplySink sink) throws BadRequestException {
    Name.of("room name", request.roomName(), Name.MAX_ROOM_BYTES);
    Name user = Name.of("username", request.payload().username(), Name.MAX_USERNAME_BYTES);
    Room room = rooms.find(request.roomBytes());
    if (room == null) {
      reject(request, sink, Reply.NOT_FOUND, "no such room");
      return;
    }
    if (!room.locked()) {
      finishJoin(request, sink, room, user, true);
      return;
    }
    String password = request.payload().password();
    if (password == null || password.isEmpty()) {
      reject(request, sink, Reply.UNAUTHORIZED, "room is locked: password required");
      return;
    }
    if (!limits.passwordAllowed(limits.sourceOf(request.peer()))) {
      String message =
          "too many wrong passwords from this address ("
              + options.maxPasswordFailures()
              + " a minute); try again later";
      limits.bit(Limit.PASSWORD_FAILURES, request.peer(), message);
      reject(request, sink, Reply.TOO_MANY, message);
      return;
    }
    PasswordHash hash = room.password();
    offload(
        request,
        sink,
        () -> hash.matches(password),
        ok -> finishJoin(request, sink, room, user, ok));
  }

  private void finishJoin(Request request, ReplySink sink, Room room, Name user, boolean ok) {
    if (!ok) {
      limits.passwordFailed(limits.sourceOf(request.peer()));
    }
    if (!sink.isOpen()) {
      return;
    }
    if (room.closed()) {
      reject(request, sink, Reply.NOT_FOUND, "no such room");
    } else if (!ok) {
      reject(request, sink, Reply.UNAUTHORIZED, "wrong password");
    } else if (room.hasUsername(user.bytes())) {
      reject(request, sink, Reply.CONFLICT, "username taken in this room");
    } else if (room.size() >= options.maxMembers()) {
      reject(request, sink, Reply.TOO_MANY, "room is full (" + options.maxMembers() + " members)");
    } else {
      Member member = membership.join(room, user, request.peer());
      sink.reply(Reply.accepted("joined", member.token(), udpPort, rooms.instance()));
    }
  }

  private void leave(Request request, ReplySink sink) throws BadRequestException {
    String token = request.payload().token();
    if (token == null || token.isEmpty()) {
      throw new BadRequestException("token is required");
    }
    Room room = rooms.find(request.roomBytes());
    if (room == null) {
      reject(request, sink, Reply.NOT_FOUND, "no such room");
      return;
    }
    Member member = room.memberByToken(token.getBytes(StandardCharsets.UTF_8));
    if (member == null) {
      reject(request, sink, Reply.FORBIDDEN, "token is not of this room");
    } else if (!member.ip().equals(request.peer())) {
      reject(request, sink, Reply.FORBIDDEN, "token is bound to another address");
    } else {
      membership.leave(member);
      sink.reply(Reply.status(Reply.OK, "left"));
    }
  }

  /**
   * Runs {@code work} on a worker, then {@code then} with its result on the loop; answers 429 when
   * {@code --max-password-jobs} are queued or running, and skips the work (and {@code then}) when
   * the client has gone by the time a worker takes it.
   */
  private <T> void offload(Request request, ReplySink sink, Supplier<T> work, Consumer<T> then) {
    if (passwordJobs >= options.maxPasswordJobs()) {
      String message = "server busy: too many password checks waiting; try again shortly";
      limits.bit(Limit.PASSWORD_QUEUE, request.peer(), message);
      reject(request, sink, Reply.TOO_MANY, message);
      return;
    }
    passwordJobs++;
    try {
      workers.execute(
          () -> {
            T result = sink.isOpen() ? work.get() : null;
            loop.execute(() -> done(result, then));
          });
    } catch (RejectedExecutionException e) {
      // The server is stopping; the connection is about to be closed anyway.
      passwordJobs--;
      log.debug("password work refused: {}", e.toString());
    }
  }

  private <T> void done(T result, Consumer<T> then) {
    passwordJobs--;
    if (result == null) {
      passwordJobsSkipped++;
    } else {
      then.accept(result);
    }
  }
}
