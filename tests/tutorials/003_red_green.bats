#!/usr/bin/env bats
# Tutorial 003 "network-namespaces" (red/green with /32 addresses,
# /work/shared/tutorials/003_473484425d0a4356.txt): every ip command
# verbatim and in order.  "sudo" is a stand-in (we are root already); the
# interactive "sudo ip netns exec red bash" sessions become the same command
# lines run by "sudo ip netns exec red sh -c '...'"; ping is bounded; route is
# net-tools' route, as in the tutorial.

load ../helpers
load tut

setup() { need_root; need_ref; command -v route >/dev/null || skip "net-tools (route) is not installed"; }

SCRIPT='
sudo ip netns add red
sudo ip netns add green
sudo ip netns list
sudo ip link add rveth type veth peer name gveth
sudo ip link list
sudo ip link set rveth netns red
sudo ip link set gveth netns green
: "sudo ip netns exec red bash" with the session typed into it
sudo ip netns exec red sh -c "
ip addr
ip link set dev lo up
ip link set dev rveth up
ip addr
ip addr add 10.10.1.2/32 dev rveth
ip addr
exit"
: "sudo ip netns exec green bash" with the session typed into it
sudo ip netns exec green sh -c "
ip addr
ip link set dev lo up
ip link set dev gveth up
ip addr add 10.10.1.3/32 dev gveth
ip addr
ping 10.10.1.2
ip route add 10.10.1.2/32 dev gveth
route
exit"
: "sudo ip netns exec red bash" again
sudo ip netns exec red sh -c "
ip route add 10.10.1.3/32 dev rveth
route
ping 10.10.1.3"
'

@test "tutorial 003: red/green with /32 addresses and host routes, ping works" {
	tut_run "$SCRIPT"
	echo "$ours"
	[ "$ours_rc" = 0 ]
	grep -qx 'red (id: 0)\|red' "$BATS_TEST_TMPDIR/ours.out"
	has 'rveth@if'
	has 'inet 10.10.1.2/32 scope global rveth'
	has 'inet 10.10.1.3/32 scope global gveth'
	has 'connect: Network is unreachable'
	has '10.10.1.2       0.0.0.0         255.255.255.255 UH    0      0        0 gveth'
	has '10.10.1.3       0.0.0.0         255.255.255.255 UH    0      0        0 rveth'
	has '64 bytes from 10.10.1.3: ttl=64'
	has 'answered'
	tut_diff
}
