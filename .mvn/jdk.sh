# Sourced by ./mvnw and ./pos: exports JAVA_HOME pointing at a JDK of release 21 or newer.
# JAVA_HOME wins when it is one; otherwise the newest JDK under /usr/lib/jvm is taken.
kassa_java_release() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

kassa_pick_jdk() {
  local best="" best_rel=0 dir rel
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    rel=$(kassa_java_release "$JAVA_HOME")
    if [ "${rel:-0}" -ge 21 ]; then return 0; fi
  fi
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    rel=$(kassa_java_release "$dir")
    if [ "${rel:-0}" -gt "$best_rel" ]; then best=$dir; best_rel=$rel; fi
  done
  if [ "$best_rel" -lt 21 ]; then
    echo "Kassa needs a JDK of release 21 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
