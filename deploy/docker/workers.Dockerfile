# syntax=docker/dockerfile:1.7
# The knooppunt workers (job workers, Kafka producers) as a non-root container image with Spring Boot layers.
# Build from the repository root:
#   docker build -f deploy/docker/workers.Dockerfile -t knooppunt/workers:$(git describe --always) .
# Needs the spring-boot-maven-plugin goal 'repackage' in workers/pom.xml (classifier 'exec', so the
# plain jar stays usable as the standalone module's dependency); the build stage builds it.

# ---- build: JDK 17, Maven wrapper, then split the Boot jar into layers ----------------------
FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
WORKDIR /src
# the reactor reads every module's pom; sources only of the modules this image needs
# (the Maven repository is a BuildKit cache mount, kept between builds)
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY openapi/pom.xml openapi/
COPY directory/pom.xml directory/
COPY processes/pom.xml processes/
COPY engine/pom.xml engine/
COPY production-check/pom.xml production-check/
COPY workers/pom.xml workers/
COPY gateway/pom.xml gateway/
COPY standalone/pom.xml standalone/
COPY openapi/ openapi/
COPY directory/ directory/
COPY processes/ processes/
COPY production-check/ production-check/
# test-scoped in the apps, so part of the -am reactor (its tests are skipped)
COPY engine/ engine/
COPY workers/ workers/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl workers -am package -DskipTests -Dspotless.check.skip=true
# the executable Boot jar: "-exec" when repackaged with a classifier (the plain jar stays a
# library for the standalone module), else the only jar
RUN JAR=$(ls workers/target/knooppunt-workers-*-exec.jar 2>/dev/null \
        || ls workers/target/knooppunt-workers-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1) \
 && cp "$JAR" /src/app.jar \
 && java -Djarmode=tools -jar /src/app.jar extract --layers --launcher --destination /src/extracted

# ---- runtime: JRE 17, non-root, one layer per rate of change --------------------------------
FROM eclipse-temurin:17.0.17_10-jre-noble
LABEL org.opencontainers.image.title="knooppunt-workers" \
      org.opencontainers.image.description="Landelijk Knooppunt workers"
RUN groupadd --system --gid 10001 knooppunt \
 && useradd --system --uid 10001 --gid knooppunt --home-dir /app --shell /usr/sbin/nologin knooppunt
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/extracted/dependencies/ ./
COPY --from=build --chown=10001:10001 /src/extracted/spring-boot-loader/ ./
COPY --from=build --chown=10001:10001 /src/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=10001:10001 /src/extracted/application/ ./
USER 10001:10001
ENV KNOOPPUNT_WORKERS_HTTP_PORT=8081 \
    SPRING_PROFILES_ACTIVE=production \
    MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom"
EXPOSE 8081
# liveness over plain bash (no curl in the image); Kubernetes uses /actuator/health/readiness too
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${KNOOPPUNT_WORKERS_HTTP_PORT:-8081} && printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
