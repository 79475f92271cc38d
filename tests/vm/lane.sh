#!/bin/sh
# tests/vm/lane.sh: `make check-vm`.  Boots one QEMU guest on Debian 12's kernel
# (tests/vm/vm.sh) and runs in it, with bats, every tests/vm/*.bats and then
# the host's differential suites listed in HOST_SUITES below; their TAP lines
# ("ok N ...", "not ok N ...") come out here on stdout, and the exit status
# is non-zero when a test failed or the guest did not finish.
#
# Time: under software emulation the guest runs a test file 5 to 10 times
# slower than the host.  tests/vm/*.bats always run; a host suite that would
# start after LANE_BUDGET seconds (default 840) of the lane's run is not run,
# its tests reported as skipped with that reason, so that a loaded machine
# cannot push the lane past its 20 minutes.  The guest is killed after
# LANE_TIMEOUT seconds (default 1140) whatever it is doing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
budget=${LANE_BUDGET:-840}
timeout=${LANE_TIMEOUT:-1140}

# The host suites that matter most on a second kernel, in order: link kinds
# and details, addresses, routes, then the tutorials.
HOST_SUITES=${HOST_SUITES:-"tests/link_kinds.bats tests/link_show.bats
	tests/link_add.bats tests/addr.bats tests/route_diff.bats
	tests/tutorials/002_five_use_cases.bats tests/route.bats"}

[ -x "$repo/ip/ip" ] || { echo "lane.sh: build ip/ip first (make)" >&2; exit 2; }
start=$(date +%s)
# A test still running after 8 minutes fails as timed out (bats).
# shellcheck disable=SC2016
"$here/vm.sh" --repo "$repo" --timeout "$timeout" -- '
start='"$start"' budget='"$budget"'
export BATS_TEST_TIMEOUT=480
status=0
# the host'"'"'s clock and the guest'"'"'s agree (kvm-clock or the RTC at boot)
elapsed() { echo $(($(date +%s) - start)); }
for f in tests/vm/*.bats; do
	echo "# $f"
	t0=$(date +%s)
	bats --tap "$f" || status=1
	echo "# $f: $(($(date +%s) - t0)) s"
done
for f in '"$(echo $HOST_SUITES)"'; do
	echo "# $f"
	if [ "$(elapsed)" -ge "$budget" ]; then
		n=$(grep -c "^@test" "$f")
		echo "1..$n"
		for i in $(seq "$n"); do
			echo "ok $i $f # skip the lane'"'"'s time budget (${budget}s) was spent before it"
		done
		continue
	fi
	t0=$(date +%s)
	bats --tap "$f" || status=1
	echo "# $f: $(($(date +%s) - t0)) s"
done
exit $status
'
rc=$?
echo "# check-vm: $(($(date +%s) - start)) s"
exit $rc
