#!/bin/bash
# tests/vm/lane-guest.sh START BUDGET SUITE...: the part of `make check-vm` that
# runs inside the guest (see lane.sh), in the repo.  Every tests/vm/*.bats
# runs whole.  Then each SUITE (a host test file) runs while the lane's run,
# which began at START (seconds since the epoch: the guest's clock is the
# host's), is under BUDGET seconds: a file still running then is stopped,
# and its tests that did not report are listed as skipped with the reason,
# as are those of the files after it.  Exit status 1 when a test failed.
#
# Two workers take the files in turn from one queue, the lane's files first:
# a test runs one process at a time, so a single stream leaves one of the
# guest's two CPUs idle, and under emulation that doubles the lane's time.
# The tests run in their own sandboxes (network namespace, tmpfs /run), so
# two at once do not see each other.  Each file's TAP output is kept apart
# and printed, in queue order, when its file ends.
start=$1 budget=$2
shift 2
# A test hung in a file that always runs fails by this timeout (bats).
export BATS_TEST_TIMEOUT=480
# LANE_VM_FILES: other files than tests/vm/*.bats (to try the lane itself).
vm_files=(${LANE_VM_FILES:-tests/vm/*.bats})
files=("${vm_files[@]}" "$@")
nvm=${#vm_files[@]}
work=$(mktemp -d)
echo 0 >"$work/next"

# run_file I: the queue's file I, its TAP output in $work/I.tap, its status
# in $work/I.rc (0 passed, 1 failed, 124 stopped by the budget).
run_file() {
	local i=$1 f=${files[$1]} left rc t0
	t0=$(date +%s)
	left=$((start + budget - t0))
	if [ "$i" -lt "$nvm" ]; then
		bats --tap "$f" >"$work/$i.tap" 2>&1
		rc=$?
	elif [ "$left" -gt 30 ]; then
		timeout "$left" bats --tap "$f" >"$work/$i.tap" 2>&1
		rc=$?
	else
		: >"$work/$i.tap"
		rc=124
	fi
	[ "$rc" = 0 ] || [ "$rc" = 124 ] || rc=1
	[ "$rc" = 124 ] && budget_skips "$f" "$work/$i.tap"
	echo "# $f: $(($(date +%s) - t0)) s" >>"$work/$i.tap"
	echo "$rc" >"$work/$i.rc"
}

# budget_skips FILE TAP: the tests of FILE that had not reported, as skipped.
budget_skips() {
	local n done i
	n=$(grep -c '^@test' "$1")
	done=$(grep -c '^\(not \)\?ok ' "$2")
	grep -q '^1\.\.' "$2" || echo "1..$n" >>"$2"
	for ((i = done + 1; i <= n; i++)); do
		echo "ok $i $1 # skip the lane's time budget (${budget}s) ran out" >>"$2"
	done
}

# worker: take the next file from the queue (under a lock) until none is left.
worker() {
	local i
	while :; do
		i=$(flock "$work/next" sh -c 'read -r i <"$0"; echo $((i + 1)) >"$0"; echo "$i"' "$work/next")
		[ "$i" -lt "${#files[@]}" ] || return 0
		run_file "$i"
	done
}

worker &
worker &
# Print each file's output as soon as it and the files before it are done.
status=0
for ((i = 0; i < ${#files[@]}; i++)); do
	echo "# ${files[$i]}"
	while [ ! -e "$work/$i.rc" ]; do sleep 2; done
	cat "$work/$i.tap"
	[ "$(cat "$work/$i.rc")" = 1 ] && status=1
done
wait
rm -rf "$work"
exit $status
