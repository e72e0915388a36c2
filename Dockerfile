# syntax=docker/dockerfile:1
#
# The chatwire server in a container:
#   docker build -t chatwire-server .
#   docker run -d --name chatwire -p 9001:9001/tcp -p 9002:9002/udp -p 9003:9003/tcp chatwire-server
# Flags given after the image name replace CMD: keep "--metrics-port 9003" among them, e.g.
#   docker run ... chatwire-server --metrics-port 9003 --max-rooms 500 --relay-threads 2
#
# Stage 1 builds the shaded jar with JDK 25, which also compiles the batched relay
# (recvmmsg/sendmmsg, META-INF/versions/22); stage 2 runs it on a JRE 25, so --io auto
# takes the batched path.

FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -DskipTests -Djdk22.home="${JAVA_HOME}" -pl server -am package

FROM eclipse-temurin:25-jre-noble
RUN groupadd --system chatwire \
 && useradd --system --gid chatwire --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin chatwire
COPY --from=build /src/server/target/chatwire-server.jar /opt/chatwire/chatwire-server.jar
USER chatwire:chatwire
# 9001: TCRP control plane, 9002: UDP relay, 9003: GET /metrics (Prometheus text format)
EXPOSE 9001/tcp 9002/udp 9003/tcp
# Healthy when the control plane answers a real TCRP LIST (32-byte header: operation 3,
# state 0, no room, no payload) with status 200: bash, coreutils and grep only, no extra tools.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9001 && printf '\\0\\3\\0' >&3 && head -c 29 /dev/zero >&3 && timeout 4 cat <&3 | grep -aq '\"status\":200'"]
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/chatwire/chatwire-server.jar"]
CMD ["--metrics-port", "9003"]
