#!/usr/bin/env bats
# Tutorial 000 "How to setup a network namespace with iproute2"
# (/work/shared/tutorials/000_f3cd7926d06c18aa.txt): every ip command
# verbatim and in order.  Changes: ping is bounded (tests/tutorials/bin/ping);
# a few read-only "ip ... show" commands between the steps check what the
# tutorial says should be there; tcpdump (optional in the tutorial) is left out.

load ../helpers
load tut

setup() { need_root; need_ref; }

SCRIPT='
ip link add name host0 type veth peer name guest0
ip link set host0 up
ip address add 192.168.42.1/24 dev host0
ip route add 192.168.42.2/32 dev host0
ip netns add nsguest0
ip link set guest0 netns nsguest0
: check: guest0 is gone from the global namespace
ip link show guest0
ip netns exec nsguest0 ip link set dev guest0 name foo0
ip netns exec nsguest0 ip link set dev foo0 address 52:54:00:0d:ae:35
ip netns exec nsguest0 ip link set foo0 up
ip netns exec nsguest0 ip address add 192.168.42.2/24 dev foo0
ip netns exec nsguest0 ip route add default via 192.168.42.1
ip netns exec nsguest0 ping 192.168.42.1
: check: the guest side as configured, and the host routes
ip netns exec nsguest0 ip address show foo0
ip netns exec nsguest0 ip route
ip route
ip netns show
ip netns delete nsguest0
: the veth pair dies with the namespace, asynchronously: the delete may race
ip link delete host0 2>/dev/null
ip netns show
: check: host0 is gone either way
ip -br link
'

@test "tutorial 000: host0/guest0 veth into nsguest0, ping the gateway" {
	tut_run "$SCRIPT"
	echo "$ours"
	has 'Device "guest0" does not exist.'
	has '64 bytes from 192.168.42.1: ttl=64'
	has 'answered'
	has 'link/ether 52:54:00:0d:ae:35 brd ff:ff:ff:ff:ff:ff link-netnsid 0'
	has 'inet 192.168.42.2/24 scope global foo0'
	has 'default via 192.168.42.1 dev foo0'
	has '192.168.42.0/24 dev foo0 proto kernel scope link src 192.168.42.2'
	has '192.168.42.0/24 dev host0 proto kernel scope link src 192.168.42.1'
	has '192.168.42.2 dev host0 scope link'
	[ "$(grep -c '^nsguest0' "$BATS_TEST_TMPDIR/ours.out")" = 1 ]
	run grep -c host0 <(sed -n '/^+ ip -br link$/,$p' "$BATS_TEST_TMPDIR/ours.out")
	[ "$output" = 0 ]
	tut_diff
}
