#!/usr/bin/env bash
# Delivery throughput and CPU per track: today's engine on its default transport (Apache HttpClient 5
# async) and on the JDK one, against the engine of BASE (a commit, default the one before the
# windowed engine) and plain async java.net.http and HC5 clients with 64 in flight, on servers that
# answer at once and 50 ms late, plus a 429 storm on the default; and logs of LLM calls, each tagged
# with metadata right after (log then track), on the default. Each server runs in a process of
# its own. At once, every contender gets 5 warm-up rounds of 10,000 tracks before the 5 measured ones
# (the engine's code path needs about that much for the JIT on 2 busy cores); at 50 ms, one.
# Run from the repository root:   bash benchmarks/compare-delivery.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-2a0412a}
work=$(mktemp -d)
trap 'rm -rf "$work"; git worktree remove --force "$work/base" >/dev/null 2>&1 || true' EXIT

mvn -B -ntp -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
git worktree add -q "$work/base" "$base"
(cd "$work/base" && mvn -B -ntp -q -o -pl core -am package -DskipTests -Dmaven.javadoc.skip=true)
base_core=$(ls "$work"/base/core/target/pltrack-core-*.jar | grep -v sources | grep -v javadoc | head -1)

serve() {  # serve NAME ARGS...: starts a server process, sets PORT_<NAME>
  local name=$1; shift
  mkfifo "$work/$name.in"
  java -cp "$jar" dev.pltrack.benchmarks.MinimalPromptLayerServer "$@" <"$work/$name.in" >"$work/$name.out" &
  exec {fd}>"$work/$name.in"
  eval "FD_$name=$fd"
  for _ in $(seq 100); do grep -q port= "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  eval "PORT_$name=$(sed -n 's/port=//p' "$work/$name.out")"
}
run() {  # run LABEL CLASSPATH ARGS...
  local label=$1 cp=$2; shift 2
  printf '%-34s ' "$label"
  java -Xms1g -Xmx1g -cp "$cp" dev.pltrack.benchmarks.DeliveryHarness "$@"
}

serve fast
serve late --delay-ms 50
echo "== server answering at once (127.0.0.1:$PORT_fast)"
run "engine at $base" "$base_core:$jar" --mode engine --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
run "engine now, default (HC5)" "$jar" --mode engine --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
run "engine now, JDK transport" "$jar" --mode engine --transport JDK --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
run "engine now, log then track" "$jar" --mode log-track --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
run "plain async JDK, 64 in flight" "$jar" --mode plain --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
run "plain async HC5, 64 in flight" "$jar" --mode plain-hc5 --warmup 5 --base-url "http://127.0.0.1:$PORT_fast"
echo "== server answering 50 ms late (127.0.0.1:$PORT_late)"
run "engine at $base" "$base_core:$jar" --mode engine --tracks 1000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "engine now, default (HC5)" "$jar" --mode engine --tracks 10000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "engine now, JDK transport" "$jar" --mode engine --transport JDK --tracks 10000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "engine now, log then track" "$jar" --mode log-track --tracks 10000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "plain async JDK, 64 in flight" "$jar" --mode plain --tracks 10000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "plain async HC5, 64 in flight" "$jar" --mode plain-hc5 --tracks 10000 --rounds 3 --base-url "http://127.0.0.1:$PORT_late"
run "raw ceiling JDK, 256 in flight" "$jar" --mode plain --tracks 20000 --rounds 3 --in-flight 256 --base-url "http://127.0.0.1:$PORT_late"
eval "exec $FD_fast>&- $FD_late>&-"
sleep 1

serve storm --storm-seconds 10 --storm-every 3
echo "== a third of the calls answered 429 Retry-After: 1 for 10 s"
run "engine now, default (HC5)" "$jar" --mode storm --seconds 15 --rate 400 --base-url "http://127.0.0.1:$PORT_storm"
eval "exec $FD_storm>&-"
sleep 1
cat "$work/storm.out"
