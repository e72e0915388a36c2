/*
 * crelay: the reference floor for chatwire's UDP relay, in C.
 *
 * Same wire format as the chatwire server (ChatDatagram in, RelayDatagram out, see
 * docs/wire-format.md), hand-parsed, with recvmmsg/sendmmsg in batches of 64 and no allocation
 * after start. Membership comes from the load generator's membership file (one
 * "room token username" line per member, '#' comments), since crelay has no TCRP. A member's
 * address is learned from its datagrams (a heartbeat is a datagram with an empty message);
 * datagrams that are malformed, name an unknown room or token, or come from a non-loopback
 * address are dropped and counted.
 *
 *   recvmmsg(64) --> parse, look up (room, token) --> learn address
 *                --> encode RelayDatagram once per message --> queue one mmsghdr per member
 *                --> sendmmsg(64) whenever the queue is full and after every receive batch
 *
 * Build: gcc -O2 -o crelay crelay.c
 * Run:   crelay [--host 127.0.0.1] --port PORT --members FILE
 *        prints "listening udp=<port>" once bound; counters on SIGTERM/SIGINT.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MAX_DATAGRAM 4096
#define MAX_NAME 255
#define MAX_USERNAME 64
#define KIND_MESSAGE 1
#define SOCKET_BUFFER (1 << 20)

struct member {
  char room_name[MAX_NAME + 1];
  char token[MAX_NAME + 1];
  char username[MAX_USERNAME + 1];
  uint8_t room_len, token_len, username_len;
  int room;
  int registered;
  struct sockaddr_in addr;
};

struct room {
  char name[MAX_NAME + 1];
  int *members;
  int count, capacity;
};

static struct member *members;
static int member_count;
static struct room *rooms;
static int room_count;
static int *table; /* open addressing: (room, token) -> member index, -1 empty */
static uint32_t table_mask;
static volatile sig_atomic_t stopping;

static unsigned long long received, relayed, sent, heartbeats, dropped, send_failures;

static uint32_t key_hash(const uint8_t *room, int room_len, const uint8_t *token, int token_len) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < room_len; i++) h = (h ^ room[i]) * 16777619u;
  h = (h ^ 0xffu) * 16777619u;
  for (int i = 0; i < token_len; i++) h = (h ^ token[i]) * 16777619u;
  return h;
}

static int lookup(const uint8_t *room, int room_len, const uint8_t *token, int token_len) {
  for (uint32_t i = key_hash(room, room_len, token, token_len) & table_mask;; i = (i + 1) & table_mask) {
    int m = table[i];
    if (m < 0) return -1;
    struct member *p = &members[m];
    if (p->room_len == room_len && p->token_len == token_len &&
        memcmp(p->room_name, room, room_len) == 0 && memcmp(p->token, token, token_len) == 0)
      return m;
  }
}

static int find_room(const char *name) {
  for (int r = room_count - 1; r >= 0; r--)
    if (strcmp(rooms[r].name, name) == 0) return r;
  rooms = realloc(rooms, sizeof(*rooms) * (room_count + 1));
  if (!rooms) { perror("realloc"); exit(1); }
  memset(&rooms[room_count], 0, sizeof(*rooms));
  strcpy(rooms[room_count].name, name);
  return room_count++;
}

static void load(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(1); }
  char line[1024], room[MAX_NAME + 1], token[MAX_NAME + 1], username[MAX_USERNAME + 1];
  int capacity = 0, last_room = -1;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    if (sscanf(line, "%255s %255s %64s", room, token, username) != 3) {
      fprintf(stderr, "%s: bad line: %s", path, line);
      exit(1);
    }
    if (member_count == capacity) {
      capacity = capacity ? capacity * 2 : 1024;
      members = realloc(members, sizeof(*members) * capacity);
      if (!members) { perror("realloc"); exit(1); }
    }
    struct member *m = &members[member_count];
    memset(m, 0, sizeof(*m));
    strcpy(m->room_name, room);
    strcpy(m->token, token);
    strcpy(m->username, username);
    m->room_len = strlen(room);
    m->token_len = strlen(token);
    m->username_len = strlen(username);
    int r = (last_room >= 0 && strcmp(rooms[last_room].name, room) == 0) ? last_room : find_room(room);
    last_room = r;
    m->room = r;
    struct room *rr = &rooms[r];
    if (rr->count == rr->capacity) {
      rr->capacity = rr->capacity ? rr->capacity * 2 : 16;
      rr->members = realloc(rr->members, sizeof(int) * rr->capacity);
      if (!rr->members) { perror("realloc"); exit(1); }
    }
    rr->members[rr->count++] = member_count++;
  }
  fclose(f);
  uint32_t size = 16;
  while (size < (uint32_t)member_count * 2) size <<= 1;
  table_mask = size - 1;
  table = malloc(sizeof(int) * size);
  if (!table) { perror("malloc"); exit(1); }
  memset(table, 0xff, sizeof(int) * size);
  for (int i = 0; i < member_count; i++) {
    struct member *m = &members[i];
    uint32_t h = key_hash((uint8_t *)m->room_name, m->room_len, (uint8_t *)m->token, m->token_len);
    while (table[h & table_mask] >= 0) h++;
    table[h & table_mask] = i;
  }
}

static struct mmsghdr out_msgs[BATCH];
static struct iovec out_iov[BATCH];
static int queued;

static void flush(int fd) {
  int done = 0;
  while (done < queued) {
    int n = sendmmsg(fd, out_msgs + done, queued - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      send_failures++;
      done++; /* skip the datagram the kernel refused */
      continue;
    }
    sent += n;
    done += n;
  }
  queued = 0;
}

static void on_signal(int sig) { (void)sig; stopping = 1; }

int main(int argc, char **argv) {
  const char *host = "127.0.0.1", *path = NULL;
  int port = -1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--host") == 0) host = argv[i + 1];
    else if (strcmp(argv[i], "--port") == 0) port = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "--members") == 0) path = argv[i + 1];
    else { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
  }
  if (!path || port < 0 || argc % 2 == 0) {
    fprintf(stderr, "usage: crelay [--host 127.0.0.1] --port PORT --members FILE\n");
    return 2;
  }
  load(path);

  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) { perror("socket"); return 1; }
  int buffer = SOCKET_BUFFER;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
  setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
  struct sockaddr_in bind_addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  if (inet_pton(AF_INET, host, &bind_addr.sin_addr) != 1) { fprintf(stderr, "bad host %s\n", host); return 2; }
  if (bind(fd, (struct sockaddr *)&bind_addr, sizeof bind_addr) < 0) { perror("bind"); return 1; }
  socklen_t bind_len = sizeof bind_addr;
  getsockname(fd, (struct sockaddr *)&bind_addr, &bind_len);

  struct sigaction sa = {.sa_handler = on_signal}; /* no SA_RESTART: recvmmsg returns EINTR */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);

  printf("listening udp=%d members=%d rooms=%d\n", ntohs(bind_addr.sin_port), member_count, room_count);
  fflush(stdout);

  static uint8_t in_buf[BATCH][MAX_DATAGRAM + 1];
  static uint8_t out_buf[BATCH][MAX_DATAGRAM];
  static struct sockaddr_in in_addr[BATCH];
  struct mmsghdr in_msgs[BATCH];
  struct iovec in_iov[BATCH];
  memset(in_msgs, 0, sizeof in_msgs);
  memset(out_msgs, 0, sizeof out_msgs);
  for (int i = 0; i < BATCH; i++) {
    in_iov[i].iov_base = in_buf[i];
    in_iov[i].iov_len = sizeof in_buf[i];
    in_msgs[i].msg_hdr.msg_iov = &in_iov[i];
    in_msgs[i].msg_hdr.msg_iovlen = 1;
    in_msgs[i].msg_hdr.msg_name = &in_addr[i];
    out_msgs[i].msg_hdr.msg_iov = &out_iov[i];
    out_msgs[i].msg_hdr.msg_iovlen = 1;
    out_msgs[i].msg_hdr.msg_namelen = sizeof(struct sockaddr_in);
  }

  while (!stopping) {
    for (int i = 0; i < BATCH; i++) in_msgs[i].msg_hdr.msg_namelen = sizeof in_addr[i];
    int n = recvmmsg(fd, in_msgs, BATCH, MSG_WAITFORONE, NULL);
    if (n < 0) {
      if (errno == EINTR) continue;
      perror("recvmmsg");
      continue;
    }
    for (int i = 0; i < n; i++) {
      received++;
      const uint8_t *b = in_buf[i];
      int len = in_msgs[i].msg_len;
      if (len < 2 || len > MAX_DATAGRAM || (in_msgs[i].msg_hdr.msg_flags & MSG_TRUNC)) { dropped++; continue; }
      int room_len = b[0], token_len = b[1];
      if (2 + room_len + token_len > len) { dropped++; continue; }
      int m = lookup(b + 2, room_len, b + 2 + room_len, token_len);
      /* tokens are issued to 127.0.0.1 by the load generator */
      if (m < 0 || (ntohl(in_addr[i].sin_addr.s_addr) >> 24) != 127) { dropped++; continue; }
      struct member *from = &members[m];
      from->addr = in_addr[i];
      from->registered = 1;
      int text_len = len - 2 - room_len - token_len;
      if (text_len == 0) { heartbeats++; continue; }
      int out_len = 2 + from->username_len + text_len;
      if (out_len > MAX_DATAGRAM) { dropped++; continue; }
      uint8_t *out = out_buf[i];
      out[0] = KIND_MESSAGE;
      out[1] = from->username_len;
      memcpy(out + 2, from->username, from->username_len);
      memcpy(out + 2 + from->username_len, b + 2 + room_len + token_len, text_len);
      relayed++;
      struct room *room = &rooms[from->room];
      for (int k = 0; k < room->count; k++) {
        struct member *to = &members[room->members[k]];
        if (to == from || !to->registered) continue;
        if (queued == BATCH) flush(fd);
        out_iov[queued].iov_base = out;
        out_iov[queued].iov_len = out_len;
        out_msgs[queued].msg_hdr.msg_name = &to->addr;
        queued++;
      }
    }
    flush(fd);
  }
  fprintf(stderr, "crelay: received %llu heartbeats %llu relayed %llu sent %llu dropped %llu send failures %llu\n",
          received, heartbeats, relayed, sent, dropped, send_failures);
  close(fd);
  return 0;
}
