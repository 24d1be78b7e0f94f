#!/usr/bin/env bash
# Assembles Kassa's local base image without a registry or a Docker daemon: Debian's C library (the only
# native dependency of the JVM; Temurin bundles zlib) and a Java runtime linked by jlink from the JDK
# that builds Kassa, in one layer, written as a `docker save` tarball that Jib reads as `tar://`.
# Usage: base.sh OUT.tar JAVA_HOME     (used by ./pos images; the public eclipse-temurin image is the
# alternative for machines that reach a registry: ./pos images --base eclipse-temurin:25-jre)
set -euo pipefail

out=$1
jdk=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root" "$work/debs"

# The JVM links only against glibc (libc, libm, libdl, libpthread, librt); libgcc_s serves thread
# cancellation. Downloaded with apt-get (no root needed) and unpacked, not installed.
(cd "$work/debs" && apt-get download -qq libc6 libgcc-s1 2>/dev/null) ||
  { echo "base.sh: apt-get download libc6 libgcc-s1 failed (run 'apt-get update' once?)" >&2; exit 1; }
for deb in "$work"/debs/*.deb; do dpkg-deb -x "$deb" "$root"; done
rm -rf "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/locale" "$root/usr/lib/x86_64-linux-gnu/gconv"

# The modules of a JRE (java.se) plus what Quarkus, Netty, Kafka and the drivers use beyond it.
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.net,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr \
  --strip-debug --no-man-pages --no-header-files --output "$root/opt/java/openjdk"

mkdir -p "$root/etc" "$root/tmp" "$root/work"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nkassa:x:1001:1001:kassa:/work:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nkassa:x:1001:\n' >"$root/etc/group"
printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' >"$root/etc/hosts"

# One reproducible layer (fixed owner, order and times) in the docker-save layout.
mkdir -p "$work/image"
tar --numeric-owner --owner=0 --group=0 --sort=name --mtime=@0 -C "$root" -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
release=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$root/opt/java/openjdk/release")
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
   "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$release","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base.sh: glibc from Debian, Java $release by jlink"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["kassa/jre-base:%s"],"Layers":["layer.tar"]}]\n' "$release" \
  >"$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$work/image" -cf "$out.part" manifest.json config.json layer.tar
mv "$out.part" "$out"
echo "Base image: $out (Java $release, $(du -h "$out" | cut -f1))"
