# syntax=docker/dockerfile:1
# SkillHub under the official Azure Functions host (isolated worker, .NET 10).
# Build: docker compose build (see docker-compose.yml). Nothing secret is baked in: every
# setting comes from the container's environment at run time.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files restore reads, so the package layer survives code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig host.json local.settings.example.json ./
COPY sql/ sql/
COPY SkillHub.Functions/SkillHub.Functions.csproj SkillHub.Functions/
COPY SkillHub.Standalone/SkillHub.Standalone.csproj SkillHub.Standalone/
RUN dotnet restore SkillHub.Standalone/SkillHub.Standalone.csproj

# Then the app itself (the tests stay out of the image, see .dockerignore): the product where the
# host runs it, and SkillHub.Standalone beside it for the command-line verbs (backup.sh --compose,
# restore.sh --compose), which run without the host, over the container's MongoDB.
COPY SkillHub.Functions/ SkillHub.Functions/
COPY SkillHub.Standalone/ SkillHub.Standalone/
# The demo dump's manifest, embedded in the build: the one unsigned set restore.sh accepts (data/).
COPY data/skillhub_dump_manifest.json data/
RUN mkdir -p /home/site/wwwroot /opt/skillhub \
    && dotnet publish SkillHub.Functions -c Release -o /home/site/wwwroot \
    && dotnet publish SkillHub.Standalone -c Release -o /opt/skillhub

FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0 AS runtime

ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true

# curl serves the compose healthcheck (GET /api/health); the official image does not ship it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

COPY --from=build ["/home/site/wwwroot", "/home/site/wwwroot"]
COPY --from=build ["/opt/skillhub", "/opt/skillhub"]
# The demo dataset, loaded only when the stack sets SkillHub__SeedDemoData=true (SEED_DEMO_DATA in .env).
COPY data/demo.json /opt/skillhub/demo.json

# The Functions host listens on port 80.
EXPOSE 80
