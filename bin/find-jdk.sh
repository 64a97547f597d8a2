# Sourced by ./tracehound and .ci/run: finds a JDK >= 25 and exports JAVA_HOME, or explains what to install.
# The machine's default java may be older (17 here), so PATH alone is not trusted.
tracehound_jdk_major() { # prints the major version of the JDK at $1, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  fi
  echo "${v:-}"
}

tracehound_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    major=$(tracehound_jdk_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  cat >&2 <<'MSG'
Tracehound needs a JDK 25 or newer, and none was found
(looked at JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt and ~/.sdkman).
Install one, for example Eclipse Temurin 25 (package temurin-25-jdk from the Adoptium apt repository,
or a tarball unpacked under /opt), then run this command again, or set JAVA_HOME to its folder.
MSG
  return 1
}
