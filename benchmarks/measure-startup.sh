#!/usr/bin/env bash
# What enabling pltrack costs an application's start-up, per framework.
#
# Builds (with -Pstartup) and runs the four minimal apps of benchmarks/startup, each in two variants
# that differ only by pltrack's framework module and one @TrackMetadata bean:
#   spring-cli     Spring Boot, no web server
#   spring-web     Spring Boot, Spring MVC + Actuator
#   micronaut-web  Micronaut HTTP server + management (/health)
#   quarkus-rest   Quarkus REST, the fast-jar (target/quarkus-app/quarkus-run.jar) in prod mode
# Both variants get the same environment: PROMPTLAYER_API_KEY and PROMPTLAYER_BASE_URL (plain http on a
# loopback port nothing listens on). Nothing is tracked.
#
# Time to ready: wall-clock from just before the JVM is launched to the moment the app prints its ready
# line (right after SpringApplication.run returns, after ApplicationReadyEvent; after Micronaut's
# start() returns, after ServerStartupEvent; in QuarkusApplication.run, after StartupEvent). The app
# halts right after. One warm-up run per variant, then RUNS runs per variant, interleaved (with,
# without, without, with, ...), and the median of each. Then one more run per variant with
# -Xlog:class+load, to count the classes loaded until ready, grouped by where they come from. Also
# the CPU time each run used (all threads, until the halt at ready), which a busy machine disturbs
# less than wall-clock time.
#
# Usage: benchmarks/measure-startup.sh
#   RUNS=7                     runs per variant (odd: the median is one run)
#   APPS="spring-cli ..."      a subset of the apps
#   SKIP_BUILD=1               reuse the apps built last time
#   MVN_ARGS="-o"              extra Maven arguments for the build (e.g. offline)
#   JAVA_OPTS="..."            extra JVM options for every run
# Results: the table on stdout; per-run times and class lists under target/startup/.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
APPS=${APPS:-"spring-cli spring-web micronaut-web quarkus-rest"}
JAVA_OPTS=${JAVA_OPTS:-}
OUT=target/startup
mkdir -p "$OUT"
: > "$OUT/times.txt"

modules=()
for app in $APPS; do
    modules+=("benchmarks/startup/$app" "benchmarks/startup/$app-pltrack")
done
if [[ -z "${SKIP_BUILD:-}" ]]; then
    echo "Building: ${modules[*]}" >&2
    ./mvnw -B -ntp -q -Pstartup ${MVN_ARGS:-} -pl "$(IFS=,; echo "${modules[*]}")" -am package \
        -Dmaven.test.skip=true >&2
fi

# A loopback port nothing listens on: the base URL the pltrack variant is given (nothing is sent).
port=19099
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
done
export PROMPTLAYER_API_KEY=pl_test_startup_measurement_key
export PROMPTLAYER_BASE_URL="http://127.0.0.1:$port"

main_class() {
    case $1 in
        spring-cli) echo startupapp.SpringCliApp ;;
        spring-web) echo startupapp.SpringWebApp ;;
        micronaut-web) echo startupapp.MicronautWebApp ;;
    esac
}

# The command line of one variant ("" or "-pltrack"), extra JVM options first.
command_of() {
    local app=$1 variant=$2 dir="benchmarks/startup/$1$2"
    shift 2
    if [[ $app == quarkus-* ]]; then
        echo java $JAVA_OPTS "$@" -Dquarkus.http.port=0 -jar "$dir/target/quarkus-app/quarkus-run.jar"
    else
        echo java $JAVA_OPTS "$@" -cp "$dir/target/classes:$(cat "$dir/target/classpath.txt")" "$(main_class "$app")"
    fi
}

now_millis() {
    local t=$EPOCHREALTIME
    echo $(( ${t%.*} * 1000 + 10#${t#*.} / 1000 ))
}

# "<wall> <cpu>": milliseconds from launch to the ready line, and the CPU time (user + system, all
# threads) the process used until it halted there. The app's output goes to $OUT/<app><variant>.out.
run_once() {
    local app=$1 variant=$2 cmd log="$OUT/$1$2.out" start ready cpu TIMEFORMAT='%3U %3S'
    shift 2
    cmd=$(command_of "$app" "$variant" "$@")
    start=$(now_millis)
    { time $cmd > "$log" 2>&1 || true; } 2> "$OUT/cpu.tmp"
    ready=$(awk '/^STARTUP-READY /{print $2; exit}' "$log")
    if [[ -z "$ready" ]]; then
        echo "$app$variant did not get ready; its output:" >&2
        tail -30 "$log" >&2
        exit 1
    fi
    cpu=$(awk '{printf "%d", ($1 + $2) * 1000}' "$OUT/cpu.tmp")
    echo "$((ready - start)) $cpu"
}

median() {
    tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'
}

# Classes loaded until ready, one group per line: "group count".
class_groups() {
    awk '{
        n = $1
        if (n ~ /^com\.fasterxml\.jackson\./) g = "jackson"
        else if (n ~ /^(java\.net\.http\.|jdk\.internal\.net\.http\.)/) g = "jdkhttp"
        else if (n ~ /^(sun\.security\.|javax\.net\.ssl\.|javax\.security\.|com\.sun\.crypto\.)/) g = "tls"
        else if (n ~ /^feign\./) g = "feign"
        else if (n ~ /^dev\.pltrack\./) g = "pltrack"
        else if (n ~ /^org\.apache\.hc\./) g = "hc5"
        else g = "other"
        count[g]++; total++
    } END {
        for (g in count) print g, count[g]
        print "total", total
    }' "$1"
}

group_count() {
    awk -v g="$2" '$1 == g {print $2; found = 1} END {if (!found) print 0}' "$1"
}

declare -A times cpus
for app in $APPS; do
    for variant in "" -pltrack; do
        run_once "$app" "$variant" > /dev/null   # warm-up: page cache, CDS archive
        times[$app$variant]=""
        cpus[$app$variant]=""
    done
done
for ((i = 1; i <= RUNS; i++)); do
    for app in $APPS; do
        if ((i % 2)); then order=(-pltrack ""); else order=("" -pltrack); fi
        for variant in "${order[@]}"; do
            read -r ms cpu < <(run_once "$app" "$variant")
            [[ -n "$ms" ]] || exit 1
            times[$app$variant]+=" $ms"
            cpus[$app$variant]+=" $cpu"
            echo "run $i $app$variant: ready after $ms ms, $cpu ms CPU" >&2
        done
    done
done

{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1); $RUNS runs per variant, medians."
    echo
    echo "| app | ready, without | ready, with | difference | ratio | CPU, without | CPU, with | CPU difference | classes without | classes with | +Jackson | +JDK HTTP | +TLS/security | +Feign | +pltrack | +HC5 | +other |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for app in $APPS; do
        for variant in "" -pltrack; do
            echo "$app$variant ready (ms):${times[$app$variant]}; CPU (ms):${cpus[$app$variant]}" >> "$OUT/times.txt"
            run_once "$app" "$variant" -Xlog:class+load=info:file="$OUT/$app$variant.classes":none > /dev/null
            class_groups "$OUT/$app$variant.classes" > "$OUT/$app$variant.groups"
        done
        without=$(echo "${times[$app]}" | median)
        with=$(echo "${times[$app-pltrack]}" | median)
        cpu_without=$(echo "${cpus[$app]}" | median)
        cpu_with=$(echo "${cpus[$app-pltrack]}" | median)
        row="| $app | $without ms | $with ms | $((with - without)) ms | $(awk -v a="$with" -v b="$without" 'BEGIN {printf "%.3f", a / b}')"
        row+=" | $cpu_without ms | $cpu_with ms | $((cpu_with - cpu_without)) ms"
        row+=" | $(group_count "$OUT/$app.groups" total) | $(group_count "$OUT/$app-pltrack.groups" total)"
        for g in jackson jdkhttp tls feign pltrack hc5 other; do
            row+=" | $(( $(group_count "$OUT/$app-pltrack.groups" $g) - $(group_count "$OUT/$app.groups" $g) ))"
        done
        echo "$row |"
    done
} | tee "$OUT/table.md"
