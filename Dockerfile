# Multi-stage image built with the same install script and build command as
# the README, so what CI proves for those commands holds for the image.
FROM debian:bookworm-slim AS build
WORKDIR /src
COPY scripts/install-deps scripts/install-deps
RUN ./scripts/install-deps
COPY . .
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVENTEMU_BUILD_TESTS=OFF -DEVENTEMU_BUILD_PYTHON=OFF \
 && cmake --build build -j "$(nproc)"

FROM debian:bookworm-slim
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends libcpp-httplib0.11 libsqlite3-0 libssl3 curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /var/lib/eventemu --create-home eventemu
COPY --from=build /src/build/eventemu /usr/local/bin/eventemu
COPY --from=build /src/scenarios /usr/local/share/eventemu/scenarios
COPY --from=build /src/fixtures /usr/local/share/eventemu/fixtures
USER eventemu
EXPOSE 8930
ENV EVENTEMU_HOST=0.0.0.0 EVENTEMU_PORT=8930
HEALTHCHECK --interval=10s --timeout=2s --start-period=2s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8930/_emulator/health || exit 1
ENTRYPOINT ["/usr/local/bin/eventemu"]
CMD ["serve"]
