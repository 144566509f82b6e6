# The image of one service module. docker-compose.yml builds it once per service, with the
# build arguments MODULE (the Maven module), PORT (its HTTP port) and MANAGEMENT_PORT (its actuator's).

# The console is built with Node in a stage of its own (the JDK image has no Node); the Maven
# build below packages its output and skips its npm steps.
FROM node:20-bookworm-slim AS console
WORKDIR /console
COPY console/package.json console/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY console/ ./
RUN npm run build

# The build stage does not use MODULE, so the four images share one Maven build of the four
# services instead of compiling the shared modules four times.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
COPY --from=console /console/target/classes/console console/target/classes/console
# The cache mount keeps the Maven distribution and the downloaded dependencies from one build to
# the next. It needs BuildKit, the builder of Compose v2 and of Docker Engine 23 and later.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -q -DskipTests -Dexec.skip=true package \
        -pl customer-service,credit-ledger-service,auth-service,api-gateway -am

FROM eclipse-temurin:17-jre
# The health check's client (see docker-compose.yml): unlike a probe written in bash over
# /dev/tcp, it speaks HTTP properly, has its own timeout and fails on any status but 2xx.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system tally \
    && useradd --system --gid tally --no-create-home --shell /usr/sbin/nologin tally
# Declared after the shared layers above, so that those are built once for all four images.
ARG MODULE
ARG PORT
ARG MANAGEMENT_PORT
COPY --from=build /src/${MODULE}/target/${MODULE}-*.jar /app/app.jar
USER tally
EXPOSE ${PORT} ${MANAGEMENT_PORT}
# The JVM's memory comes from deploy/jvm/<module>.env (JDK_JAVA_OPTIONS), as compose and the local stack give it.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
