#!/bin/sh
# Prints a .env for docker-compose.yml with fresh random secrets:
#   deploy/compose/generate-env.sh > .env
# Needs openssl. Run it once: a new .env does not change passwords already stored in the volumes.
set -eu
random_base64url() { openssl rand -base64 "$1" | tr '+/' '-_' | tr -d '=\n'; }
random_hex() { openssl rand -hex "$1"; }
cat <<ENV
POSTGRES_PASSWORD=$(random_base64url 24)
FLAGSTREAM_DB_PASSWORD=$(random_base64url 24)
FLAGSTREAM_ADMIN_PASSWORD=$(random_base64url 18)
FLAGSTREAM_API_TOKEN=fst_$(random_base64url 32)
FLAGSTREAM_SERVER_KEY=$(random_hex 24)
FLAGSTREAM_CLIENT_KEY=$(random_hex 24)
FLAGSTREAM_TWO_FACTOR_KEY=k1:$(openssl rand -base64 32 | tr -d '\n')
ENV
