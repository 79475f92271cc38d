#!/bin/bash
# The big namespace: 4,000 veth pairs (8,000 links), an address on one side of
# each pair (4,000), 100,000 routes in table 100 and 10,000 in main.  Built
# once with the reference's -batch, then every listing is timed with the three
# implementations alternating.
. "$(dirname "$0")/lib.sh"

log "big: building 8,000 links, 4,000 addresses, 110,000 routes"
awk 'BEGIN {
	for (i = 0; i < 4000; i++)
		printf "link add v%d type veth peer name w%d\n", i, i
	for (i = 0; i < 4000; i++)
		printf "addr add 172.%d.%d.%d/32 dev v%d\n", 16 + int(i / 65536),
			int(i / 256) % 256, i % 256, i
	print "link set v1 up"
	print "link set w1 up"
	for (i = 0; i < 100000; i++)
		printf "route add 10.%d.%d.%d/32 dev v1 table 100\n",
			100 + int(i / 65536), int(i / 256) % 256, i % 256
	for (i = 0; i < 10000; i++)
		printf "route add 10.200.%d.%d/32 dev v1\n", int(i / 256) % 256, i % 256
}' >"$WORK/big.batch"
"$REF" -batch "$WORK/big.batch" || exit 1
log "big: built"

timed_row big-link "\`ip link\`" "$REPS" 0.8 link
timed_row big-addr "\`ip addr\`" "$REPS" - addr
timed_row big-o-addr "\`ip -o addr\`" "$REPS" 0.3 -o addr
FLOOR=$FLOOR_IP timed_row big-br-addr "\`ip -br addr\`" "$REPS" 0.3 -br addr
FLOOR=$FLOOR_IP timed_row big-j-addr "\`ip -j addr\`" "$REPS" 0.3 -j addr
# The glibc build's start-up alone (its CPUID probing, which a VM traps):
# the floor of the rows that are all start-up.
measure $((REPS * 3)) -V
export SU_FLOOR=${W[0]}
STARTUP=1 timed_row big-addr-dev "\`ip addr show dev v2000\`" "$((REPS * 3))" 0.5 addr show dev v2000
STARTUP=1 timed_row big-link-dev "\`ip link show dev v2000\`" "$((REPS * 3))" 0.5 link show dev v2000
STARTUP=1 timed_row big-route-get "\`ip route get 10.200.5.5\`" "$((REPS * 3))" 0.5 route get 10.200.5.5
timed_row big-route "\`ip route\` (10,000 routes)" "$REPS" 0.8 route
timed_row big-route-t "\`ip route show table 100\` (100,000)" "$REPS" 0.8 route show table 100
timed_row big-j-route-t "\`ip -j route show table 100\`" "$REPS" 0.8 -j route show table 100
