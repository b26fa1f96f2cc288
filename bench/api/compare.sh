#!/bin/sh
# Side by side: every scenario of run_wrk.sh against two running servers (say, the previous
# code and this code on the same database), alternating A, B, A, B so both see the same
# machine. Then the creations alone at 4 connections, where p99 is not queueing behind 8.
#
# Usage: bench/api/compare.sh BASE_A BASE_B KEY VILLAGE END_DATE [ROUNDS]
set -eu
a=$1 b=$2 key=$3 village=$4 end=$5 rounds=${6:-2}
here=$(dirname "$0")
i=1
while [ "$i" -le "$rounds" ]; do
  for base in "$a" "$b"; do
    echo "### $base, round $i"
    "$here/run_wrk.sh" "$base" "$key" "$village" "$end" 10 8
  done
  i=$((i + 1))
done
export JICENG_KEY="$key" JICENG_VILLAGE="$village"
echo "### creation at 4 connections (req/s, p50, p99)"
for base in "$a" "$b" "$a" "$b"; do
  for script in create_native create_open311; do
    sleep 5
    out=$(wrk -t2 -c4 -d10s --timeout 10s --latency -s "$here/$script.lua" "$base")
    echo "$base $script $(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
      "$(echo "$out" | awk '$1 == "50%" || $1 == "99%" {printf "%s ", $2}')"
  done
done
