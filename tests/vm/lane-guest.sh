#!/bin/bash
# tests/vm/lane-guest.sh START BUDGET SUITE...: the part of `make check-vm` that
# runs inside the guest (see lane.sh), in the repo.  Every tests/vm/*.bats
# runs whole.  Then each SUITE (a host test file) runs while the lane's run,
# which began at START (seconds since the epoch: the guest's clock is the
# host's), is under BUDGET seconds: a file still running then is stopped,
# and its tests that did not report are listed as skipped with the reason,
# as are those of the files after it.  Exit status 1 when a test failed.
start=$1 budget=$2
shift 2
status=0
# A test hung in a file that always runs fails by this timeout (bats).
export BATS_TEST_TIMEOUT=480
# LANE_VM_FILES: other files than tests/vm/*.bats (to try the lane itself).
for f in ${LANE_VM_FILES:-tests/vm/*.bats}; do
	echo "# $f"
	t0=$(date +%s)
	bats --tap "$f" || status=1
	echo "# $f: $(($(date +%s) - t0)) s"
done
tap=$(mktemp)
for f in "$@"; do
	echo "# $f"
	t0=$(date +%s)
	left=$((start + budget - t0))
	: >"$tap"
	if [ "$left" -gt 30 ]; then
		timeout "$left" bats --tap "$f" | tee "$tap"
		rc=${PIPESTATUS[0]}
	else
		rc=124
	fi
	if [ "$rc" = 124 ]; then
		n=$(grep -c '^@test' "$f")
		done=$(grep -c '^\(not \)\?ok ' "$tap")
		grep -q '^1\.\.' "$tap" || echo "1..$n"
		for ((i = done + 1; i <= n; i++)); do
			echo "ok $i $f # skip the lane's time budget (${budget}s) ran out"
		done
	elif [ "$rc" != 0 ]; then
		status=1
	fi
	echo "# $f: $(($(date +%s) - t0)) s"
done
rm -f "$tap"
exit $status
