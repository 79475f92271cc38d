#!/usr/bin/env bats
# Tutorial 001 "Linux Network Namespaces" (opencloudblog,
# /work/shared/tutorials/001_bde00aa4045a3c76.txt): its ip commands verbatim,
# in order, with the example names (nstest, veth-a/veth-b).  The generic
# lines with <placeholders> are run in their example form; "ip netns delete
# <name>" runs at the end.  "ip netns exec nstest bash" (interactive) becomes
# the same commands through "ip netns exec nstest sh -c '...'".  ping is
# bounded (tests/tutorials/bin/ping).

load ../helpers
load tut

setup() { need_root; need_ref; }

SCRIPT='
ip netns add nstest
ip netns list
ip netns exec nstest ip addr
ip netns exec nstest sh -c "ip link; ip addr"
ip netns exec nstest ip link set dev lo up
ip netns exec nstest ip link
ip link add veth-a type veth peer name veth-b
ip link
ip link set veth-b netns nstest
ip l
ip netns exec nstest ip link
ip addr add 10.0.0.1/24 dev veth-a
ip link set dev veth-a up
ip netns exec nstest ip addr add 10.0.0.2/24 dev veth-b
ip netns exec nstest ip link set dev veth-b up
ip link
ip addr
ip route
ping 10.0.0.2
ip netns exec nstest ping 10.0.0.1
ip netns delete nstest
ip netns list
'

@test "tutorial 001: nstest with veth-a/veth-b, pings both ways" {
	tut_run "$SCRIPT"
	echo "$ours"
	[ "$ours_rc" = 0 ]
	grep -qx 'nstest' "$BATS_TEST_TMPDIR/ours.out"
	has 'lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000'
	has 'veth-b@veth-a: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000'
	has 'veth-a@veth-b: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000'
	has 'veth-b@if'
	has 'inet 10.0.0.1/24 scope global veth-a'
	has '10.0.0.0/24 dev veth-a proto kernel scope link src 10.0.0.1'
	has '64 bytes from 10.0.0.2: ttl=64'
	has '64 bytes from 10.0.0.1: ttl=64'
	[ "$(grep -c '^answered$' "$BATS_TEST_TMPDIR/ours.out")" = 2 ]
	tut_diff
}
