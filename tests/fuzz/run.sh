#!/bin/bash
# Builds the libFuzzer harnesses if needed (make fuzz) and runs each for a bounded time over its
# seeds in tests/fuzz/corpus/<target>/. A line per target, and last `N passed, N failed`.
# Usage: tests/fuzz/run.sh [target...]   (default: every tests/fuzz/*_fuzz.cpp)
#   FUZZ_SECONDS  seconds per target (default 5: the short run that tests/run includes;
#                 make fuzz-run gives 300)
#   BUILD         the build directory (default build); everything goes under $BUILD/fuzz/:
#                 the programs, corpus/<target>/ (what the runs found, kept between runs),
#                 crashes/<target>/ (a failing input, with its path printed) and logs/.
# In-process and offline: nothing listens, nothing connects.
set -u
cd "$(dirname "$0")/../.."

build=${BUILD:-build}
seconds=${FUZZ_SECONDS:-5}
out=$build/fuzz
passed=0
failed=0

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in tests/fuzz/*_fuzz.cpp; do
        f=${f##*/}
        targets+=("${f%_fuzz.cpp}")
    done
fi

# Called from make check (through tests/run), make's jobserver is not ours to use.
if ! env -u MAKEFLAGS -u MFLAGS make -s --no-print-directory -j"$(nproc)" BUILD="$build" fuzz; then
    echo "FAIL fuzz: the harnesses did not build (make fuzz)"
    echo "0 passed, 1 failed"
    exit 1
fi

# Every report is fatal and says where; leaks count too (the harnesses free what they allocate).
# ASan's quarantine of freed memory (256 MB by default) would alone fill half of -rss_limit_mb
# within a minute of runs that allocate: 64 MB still catches a use after free.
export ASAN_OPTIONS=detect_leaks=1:quarantine_size_mb=64
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

for t in "${targets[@]}"; do
    program=$out/${t}_fuzz
    seeds=tests/fuzz/corpus/$t
    found=$out/corpus/$t
    crashes=$out/crashes/$t
    log=$out/logs/$t.log
    mkdir -p "$found" "$crashes" "$out/logs"
    if [ ! -x "$program" ] || [ ! -d "$seeds" ]; then
        echo "FAIL fuzz $t: no $program or no $seeds"
        failed=$((failed + 1))
        continue
    fi
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    # New inputs go to the first directory ($found); the committed seeds are only read.
    "$program" -max_total_time="$seconds" -rss_limit_mb=512 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "${dict[@]}" "$found" "$seeds" >"$log" 2>&1
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
        echo "ok   fuzz $t ($runs runs, $rate/s)"
        passed=$((passed + 1))
    else
        artefact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "FAIL fuzz $t (status $rc): input ${artefact:-not saved}; log $log"
        grep -E 'ERROR: |runtime error|property broken|SUMMARY' "$log" | head -n 5 | sed 's/^/     /'
        [ -n "$artefact" ] && echo "     reproduce: $program $artefact"
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
