# Dispatch content API: build with Maven, run on a slim Java 17 runtime as a non-root user.
#   docker build -t dispatch .
#   docker run -p 8080:8080 -e DISPATCH_DB_URL=jdbc:postgresql://db:5432/dispatch \
#       -e DISPATCH_DB_USER=dispatch -e DISPATCH_DB_PASSWORD=secret dispatch

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system dispatch && useradd --system --gid dispatch --home-dir /app --shell /usr/sbin/nologin dispatch
WORKDIR /app
COPY --from=build --chown=dispatch:dispatch /build/target/quarkus-app/lib/ ./lib/
COPY --from=build --chown=dispatch:dispatch /build/target/quarkus-app/*.jar ./
COPY --from=build --chown=dispatch:dispatch /build/target/quarkus-app/app/ ./app/
COPY --from=build --chown=dispatch:dispatch /build/target/quarkus-app/quarkus/ ./quarkus/

# Configuration by environment (the full list: docs/operations.md and the README):
#   DISPATCH_DB_URL, DISPATCH_DB_USER, DISPATCH_DB_PASSWORD, DISPATCH_DB_POOL_MAX   PostgreSQL
#   DISPATCH_ADMIN_KEY (>= 32 characters)    the first admin key, registered at start
#   DISPATCH_PUBLIC_READ                      anonymous reading on (true) or off
#   DISPATCH_CORS_ORIGINS, DISPATCH_HSTS      browsers and HTTPS
#   DISPATCH_SHUTDOWN_DELAY, DISPATCH_SHUTDOWN_TIMEOUT   graceful shutdown: done within delay + timeout,
#                                             exit status 143 (so docker stop -t 40)
#   JAVA_OPTS                                 heap, young generation, C2 thresholds: docs/decisions/141-jvm-settings-for-load.md
ENV DISPATCH_DB_URL=jdbc:postgresql://localhost:5432/dispatch \
    DISPATCH_DB_USER=dispatch \
    DISPATCH_DB_PASSWORD= \
    DISPATCH_DB_POOL_MAX=20 \
    DISPATCH_CORS_ORIGINS=* \
    DISPATCH_SHUTDOWN_DELAY=5S \
    DISPATCH_SHUTDOWN_TIMEOUT=30S \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xms208m -Xmx208m -Xmn48m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:-UsePerfData -XX:Tier4InvocationThreshold=15000 -XX:Tier4MinInvocationThreshold=1800 -XX:Tier4CompileThreshold=45000 -XX:Tier4BackEdgeThreshold=120000 -XX:TrimNativeHeapInterval=1000 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

# Application class-data archive, written by this image's own JVM (an archive only fits the JDK build and the
# jars that wrote it): a training start with no database reachable (the application starts anyway and answers
# 503, docs/decisions/070), one request, SIGTERM. Every start then maps the classes it loaded instead of reading
# them from the jars: the first answer about 2 s sooner (docs/decisions/080). It needs the same
# `-jar quarkus-run.jar` from /app; a JVM that cannot use it ignores it and starts as before.
SHELL ["/bin/bash", "-c"]
RUN DISPATCH_DB_URL=jdbc:postgresql://127.0.0.1:9/none DISPATCH_SHUTDOWN_DELAY=0S QUARKUS_HTTP_PORT=8099 \
        java $JAVA_OPTS -XX:ArchiveClassesAtExit=app-cds.jsa -jar quarkus-run.jar \
        > /tmp/training.log 2>&1 & pid=$!; \
    for i in $(seq 120); do (exec 3<>/dev/tcp/127.0.0.1/8099) 2>/dev/null && break; sleep 0.5; done; \
    (exec 3<>/dev/tcp/127.0.0.1/8099 && printf 'GET /v1/sections HTTP/1.0\r\n\r\n' >&3 && head -n 1 <&3); \
    kill -TERM $pid; wait $pid; test -s app-cds.jsa || { cat /tmp/training.log; exit 1; }; rm -f /tmp/training.log

USER dispatch
# 8080: the API. 9000: the management interface (health, metrics; DISPATCH_MANAGEMENT_PORT), for probes and
# Prometheus only: never publish it (docs/decisions/122-management-interface.md).
EXPOSE 8080 9000

# Liveness without curl (the runtime image has none): a plain HTTP request over bash's /dev/tcp, to the management port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${DISPATCH_MANAGEMENT_PORT:-9000} && printf "GET /q/health/live HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
STOPSIGNAL SIGTERM

ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"]
