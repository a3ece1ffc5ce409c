#!/bin/sh
# Regenerates the squashed migration from the schema files (decision 002) and puts the hand-written custom
# migrations (0001_partitions and any later ones) back after it, in their order. Serialised with a lock, so two
# people changing schemas in one checkout do not interleave.
set -eu
cd "$(dirname "$0")/.."
exec 9>/tmp/txng-db-squash.lock
flock 9
keep=$(mktemp -d)
for f in drizzle/*.sql; do
  case "$f" in drizzle/0000_*) ;; *) cp "$f" "$keep/" ;; esac
done
rm -rf drizzle
npx drizzle-kit generate --name init >/dev/null
for f in "$keep"/*.sql; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .sql | sed 's/^[0-9]*_//')
  npx drizzle-kit generate --custom --name "$name" >/dev/null
  cp "$f" "$(ls drizzle/*_"$name".sql)"
done
rm -rf "$keep"
ls drizzle
