#!/bin/sh
# Assembles the gradle-wrapper.jar that every generated mod project carries, from Debian 12's
# libgradle-core-java: the wrapper's classes (gradle-wrapper-4.4.1.jar), the command-line parser
# they use (gradle-cli-4.4.1.jar, which the upstream wrapper jar embeds and Debian ships apart),
# /build-receipt.properties at the root (GradleWrapperMain reads its own version there; Debian
# keeps it in gradle-base-services-4.4.1.jar as org/gradle/build-receipt.properties) and a
# manifest whose Main-Class is GradleWrapperMain.
# Usage: gradle_wrapper_jar.sh OUTPUT [JAVA_DIR]  (JAVA_DIR: where the jars are, /usr/share/java)
# The jar is the same bytes on every run: fixed timestamps, sorted entries, no extra attributes.
set -eu

out=$1
jars=${2:-/usr/share/java}
version=4.4.1
for j in gradle-wrapper gradle-cli gradle-base-services; do
    [ -r "$jars/$j-$version.jar" ] || {
        echo "gradle_wrapper_jar.sh: $jars/$j-$version.jar is missing (install libgradle-core-java)" >&2
        exit 1
    }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
unzip -q -o "$jars/gradle-wrapper-$version.jar" -x 'META-INF/*' -d "$stage"
unzip -q -o "$jars/gradle-cli-$version.jar" -x 'META-INF/*' -d "$stage"
unzip -q -p "$jars/gradle-base-services-$version.jar" org/gradle/build-receipt.properties \
    > "$stage/build-receipt.properties"
mkdir -p "$stage/META-INF"
printf 'Manifest-Version: 1.0\r\nMain-Class: org.gradle.wrapper.GradleWrapperMain\r\n\r\n' \
    > "$stage/META-INF/MANIFEST.MF"

# Files only (no directory entries, which class loading does not need), the manifest first
# (java.util.jar.JarInputStream looks for it there), then the rest in byte order.
case $out in /*) target=$out ;; *) target=$(pwd)/$out ;; esac
rm -f "$target.tmp"
cd "$stage"
find . -exec touch -h -d '2000-01-01 00:00:00Z' {} +
{
    echo META-INF/MANIFEST.MF
    find . -type f ! -path ./META-INF/MANIFEST.MF | sed 's|^\./||' | LC_ALL=C sort
} | TZ=UTC zip -q -X -D "$target.tmp" -@
mv "$target.tmp" "$target"
