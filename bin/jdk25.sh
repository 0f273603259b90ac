# Sourced by the bin/ scripts and .ci/run: selects a JDK 25 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is 25+, then any JDK 25+ under /usr/lib/jvm (or $JKERAS_JVM_DIR).

jkeras_java_major() {
  # Prints the feature version of the JDK in $1 (for example 25), or nothing.
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

jkeras_use_jdk() {
  export JAVA_HOME="$1"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own Guava uses sun.misc.Unsafe, which JDK 25 warns about on every run.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

jkeras_select_jdk() {
  local v candidate
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(jkeras_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then jkeras_use_jdk "$JAVA_HOME"; return 0; fi
  fi
  for candidate in "${JKERAS_JVM_DIR:-/usr/lib/jvm}"/*; do
    v=$(jkeras_java_major "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then jkeras_use_jdk "$candidate"; return 0; fi
  done
  echo "jkeras needs JDK 25 or newer, and none was found: JAVA_HOME is '${JAVA_HOME:-unset}' and ${JKERAS_JVM_DIR:-/usr/lib/jvm} has no JDK 25+." >&2
  echo "Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
