#!/bin/sh
# tests/vm/lane.sh: `make check-vm`.  Boots one QEMU guest on Debian 12's kernel
# (tests/vm/vm.sh) and runs in it, with bats, every tests/vm/*.bats and then
# the host's differential suites listed in HOST_SUITES below; their TAP lines
# ("ok N ...", "not ok N ...") come out here on stdout, and the exit status
# is non-zero when a test failed or the guest did not finish.
#
# Time: under software emulation the guest runs a test file 4 to 10 times
# slower than the host.  tests/vm/*.bats always run; the host suites run
# until LANE_BUDGET seconds (default 1200) of the lane's run have passed, and
# the tests they had not reached then are reported as skipped with that
# reason (tests/vm/lane-guest.sh), so that a loaded machine cannot push the
# lane past its 22 minutes.  The guest is killed after LANE_TIMEOUT seconds
# (default 1320) whatever it is doing: a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
budget=${LANE_BUDGET:-1200}
timeout=${LANE_TIMEOUT:-1320}

# The host suites that matter most on a second kernel, in order: the ones
# whose output follows the kernel's attributes most (link kinds, every kind's
# -d details, nexthops, tun/tap flags from sysfs), short ones first so that
# more files finish within the budget; then link add, addresses,
# neighbours, rules; route_diff, the longest (18 minutes in
# the guest, never finished within the budget in CI) and on a part of the
# kernel that changed little, after them.  Times in the guest (a loaded
# host, two workers): link_show 300 s, nexthop 445 s, tuntap 380 s,
# neigh 790 s, rule 650 s, route_diff 1100 s.
HOST_SUITES=${HOST_SUITES:-"tests/link_kinds.bats tests/link_show.bats
	tests/nexthop.bats tests/tuntap.bats tests/link_add.bats
	tests/addr.bats tests/neigh.bats tests/rule.bats tests/route_diff.bats
	tests/tutorials/002_five_use_cases.bats tests/route.bats"}

[ -x "$repo/ip/ip" ] || { echo "lane.sh: build ip/ip first (make)" >&2; exit 2; }
start=$(date +%s)
# shellcheck disable=SC2086
"$here/vm.sh" --repo "$repo" --timeout "$timeout" -- \
	tests/vm/lane-guest.sh "$start" "$budget" $HOST_SUITES
rc=$?
echo "# check-vm: $(($(date +%s) - start)) s"
exit $rc
