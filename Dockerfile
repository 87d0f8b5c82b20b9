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
USER dispatch
EXPOSE 8080

# PostgreSQL connection (production profile). See README "Configuration" for the full list.
ENV DISPATCH_DB_URL=jdbc:postgresql://localhost:5432/dispatch \
    DISPATCH_DB_USER=dispatch \
    DISPATCH_DB_PASSWORD= \
    DISPATCH_DB_POOL_MAX=20 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
