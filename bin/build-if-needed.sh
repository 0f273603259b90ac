# Sourced by the bin/ launchers: packages the given module (and what it needs) when its jar is
# missing or older than any source or POM.
jkeras_build_if_needed() {
  local module="$1" jar="$1/target/$1.jar"
  if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
    echo "Building jkeras ($module) with Maven..." >&2
    mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl "$module" -am package >&2
  fi
}
