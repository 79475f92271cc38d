#!/usr/bin/env bats
# Tutorial 002 "Linux Network Namespace and five of its use cases"
# (/work/shared/tutorials/002_a869af9bd45a5337.txt), one test per use case.
# (The Open vSwitch use cases 1, 3 and 4 are in 002_ovs_cases.bash: the QEMU
# lane runs them with the real Open vSwitch too, tests/vm/ovs.bats.)
#
# - The clipping of that page lost the command lines of use cases 1 and 2 and
#   of step 2 of use case 5 (only their outputs and prose remain): those
#   commands are reconstructed from the prose and the outputs shown, and
#   marked "reconstructed".  Every command line the page does show is run
#   verbatim, in order.
# - Open vSwitch needs a kernel module this kernel lacks: ovs-vsctl is a
#   stand-in (tests/tutorials/bin/ovs-vsctl) that builds the same topology
#   with Linux bridges driven by ip (OVS1, and one bridge per VLAN tag: this
#   kernel has no bridge VLAN filtering either).
# - Interactive "ip netns exec X bash" sessions become the same command lines
#   run by "ip netns exec X sh -c '...'".  ping is bounded (2 probes).
# - dnsmasq and dhclient (use case 4) keep their pid and lease files in the
#   test's directory and are killed at the end; "ps -ef | grep dnsmasq" and
#   the literal pids given to "ip netns identify" become the pids from the
#   pid files.
# - Use case 5 needs the "outside" the author's host had: an uplink enp0s1
#   with 192.168.205.8/24 into a namespace "internet", which holds
#   198.51.100.8 (a documentation address, in place of 8.8.8.8, so nothing
#   leaves the sandbox) and has no route back to 192.168.20.0/24, so a reply
#   there proves the MASQUERADE rule works.

load ../helpers
load tut
load 002_ovs_cases

setup() { need_root; need_ref; }

@test "tutorial 002, use case 1: red and green through switch OVS1, ping" {
	tut_run "$TUT002_CASE1"
	echo "$ours"
	has 'veth-r@if'
	has 'master OVS1 state UP mode DEFAULT group default qlen 1000'
	has 'link-netns red'
	has 'eth0-r@if'
	has 'link-netnsid 0'
	has '<NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN'
	has 'inet 10.0.0.1/24 scope global eth0-r'
	has '10.0.0.0/24 dev eth0-r proto kernel scope link src 10.0.0.1 linkdown'
	has '10.0.0.0/24 dev eth0-g proto kernel scope link src 10.0.0.2 linkdown'
	has '64 bytes from 10.0.0.2: ttl=64'
	has '64 bytes from 10.0.0.1: ttl=64'
	tut_diff
}

@test "tutorial 002, use case 2: net1 and net2 on a veth cross cable" {
	tut_run '
: step 1, reconstructed
ip netns add net1
ip netns add net2
ip netns
: step 2, reconstructed: both ends created in their namespaces
ip link add veth1 netns net1 type veth peer name veth2 netns net2
ip link
ip netns exec net1 ip link
ip netns exec net2 ip link
: step 3, reconstructed
ip netns exec net1 ip link set dev lo up
ip netns exec net1 ip link set dev veth1 up
ip netns exec net1 ip address add 192.168.20.1/24 dev veth1
ip netns exec net1 ip link
ip netns exec net1 ip route
ip netns exec net1 ip addr
: step 4, reconstructed
ip netns exec net2 ip link set dev lo up
ip netns exec net2 ip link set dev veth2 up
ip netns exec net2 ip address add 192.168.20.2/24 dev veth2
ip netns exec net2 ip link
ip netns exec net2 ip addr
ip netns exec net2 ip route
ip netns exec net1 ip link
ip link
ip route
ping -c 1 192.168.20.1
: step 5, reconstructed
ip netns exec net1 ping -c 1 192.168.20.2
ip netns exec net2 ping -c 1 192.168.20.1
'
	echo "$ours"
	has '2: veth1@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000'
	has '2: veth2@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000'
	has 'link-netns net2'
	has 'link-netns net1'
	has '192.168.20.0/24 dev veth1 proto kernel scope link src 192.168.20.1 linkdown'
	has '192.168.20.0/24 dev veth2 proto kernel scope link src 192.168.20.2'
	has 'inet 192.168.20.2/24 scope global veth2'
	has 'connect: Network is unreachable'
	has '64 bytes from 192.168.20.2: ttl=64'
	has '64 bytes from 192.168.20.1: ttl=64'
	tut_diff
}

@test "tutorial 002, use case 3: net1 and net2 in VLAN 10 of OVS1" {
	tut_run "$TUT002_CASE3"
	echo "$ours"
	has 'eth0-n1@if'
	has '192.168.21.0/24 dev eth0-n1 proto kernel scope link src 192.168.21.1'
	has '64 bytes from 192.168.21.2: ttl=64'
	has '64 bytes from 192.168.21.1: ttl=64'
	run sed -n '/^+ ovs-vsctl remove port/,$p' "$BATS_TEST_TMPDIR/ours.out"
	[[ "$output" == *"+ ip netns exec net1 ping 192.168.21.2"* ]]
	[[ "$output" != *answered* ]]
	tut_diff
}

@test "tutorial 002, use case 4: DHCP per VLAN (dnsmasq, dhclient)" {
	command -v dnsmasq >/dev/null || skip "dnsmasq is not installed"
	command -v dhclient >/dev/null || skip "dhclient (isc-dhcp-client) is not installed"
	tut_run "$TUT002_CASE4"
	echo "$ours"
	[ "$ours_rc" = 0 ]
	has 'dhcp-r'
	has 'dhcp-g'
	grep -q 'inet 10\.50\.50\.[0-9]*/24 brd 10\.50\.50\.255 scope global dynamic eth0-r' "$BATS_TEST_TMPDIR/ours.out"
	grep -q 'inet 10\.50\.50\.[0-9]*/24 brd 10\.50\.50\.255 scope global dynamic eth0-g' "$BATS_TEST_TMPDIR/ours.out"
	[ "$(grep -c '64 bytes from 10.50.50.2: ttl=64' "$BATS_TEST_TMPDIR/ours.out")" = 2 ]
	# The lease files name the MAC each server served: red's and green's.
	mac_r=$(grep -A1 '^+ ip netns exec red ip -br link' "$BATS_TEST_TMPDIR/ours.out" | tail -1 | awk '{print $3}')
	mac_g=$(grep -A1 '^+ ip netns exec green ip -br link' "$BATS_TEST_TMPDIR/ours.out" | tail -1 | awk '{print $3}')
	[ "$(cat "$BATS_TEST_TMPDIR/ours/dnsmasq-tap-r.leases" | cut -d' ' -f2)" = "$mac_r" ]
	[ "$(cat "$BATS_TEST_TMPDIR/ours/dnsmasq-tap-g.leases" | cut -d' ' -f2)" = "$mac_g" ]
	tut_diff "$LEASE_SED"
}

@test "tutorial 002, use case 5: Linux bridge, default route, MASQUERADE, ip_forward" {
	command -v iptables >/dev/null || skip "iptables is not installed"
	command -v route >/dev/null || skip "net-tools (route) is not installed"
	tut_run '
: the author s host network, stand-in: uplink enp0s1 into namespace internet
ip netns add internet
ip link add enp0s1 type veth peer name wan0 netns internet
ip addr add 192.168.205.8/24 dev enp0s1
ip link set enp0s1 up
ip route add default via 192.168.205.1
ip -n internet addr add 192.168.205.1/24 dev wan0
ip -n internet addr add 198.51.100.8/32 dev lo
ip -n internet link set wan0 up
ip -n internet link set lo up
: step 1
ip netns add red
ip netns add green
ip link add vnet-br0 type bridge
ip link
: step 2, reconstructed
ip link add eth0-r type veth peer name veth-r
ip link add eth0-g type veth peer name veth-g
ip link set eth0-r netns red
ip link set eth0-g netns green
ip link set veth-r master vnet-br0
ip link set veth-g master vnet-br0
ip link show master vnet-br0
: step 3
ip link set vnet-br0 up
ip link set veth-r up
ip link set veth-g up
ip netns exec red ip link set lo up
ip netns exec red ip link set eth0-r up
ip netns exec green ip link set lo up
ip netns exec green ip link set eth0-g up
ip link
: step 4, the two "bash" sessions
ip netns exec red sh -c "
ip address add 192.168.20.2/24 dev eth0-r
ip r
ip a"
ip netns exec green sh -c "
ip address add 192.168.20.3/24 dev eth0-g
ip a
ip r"
: step 5
ip netns exec green sh -c "ping -c 2 192.168.20.2"
ip netns exec red sh -c "ping -c 2 192.168.20.3"
: step 6
ip address add 192.168.20.1/24 dev vnet-br0
: step 7
ip netns exec red sh -c "route add default gw 192.168.20.1"
ip netns exec green sh -c "route add default gw 192.168.20.1"
ip netns exec red ip route
: step 8
iptables -s 192.168.20.0/24 -t nat -A POSTROUTING -j MASQUERADE
: step 9
ip netns exec red sh -c "ping 192.168.205.8"
ip netns exec red sh -c "ping 198.51.100.8"
: step 10
sysctl -w net.ipv4.ip_forward=1
ip netns exec red sh -c "ping 198.51.100.8"
ip netns exec green sh -c "ping 198.51.100.8"
: end
'
	echo "$ours"
	has 'vnet-br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000'
	has 'master vnet-br0 state UP mode DEFAULT group default qlen 1000'
	has 'link-netns red'
	has '192.168.20.0/24 dev eth0-r proto kernel scope link src 192.168.20.2'
	has 'inet 192.168.20.3/24 scope global eth0-g'
	has 'default via 192.168.20.1 dev eth0-r'
	has '64 bytes from 192.168.20.2: ttl=64'
	has '64 bytes from 192.168.20.3: ttl=64'
	has '64 bytes from 192.168.205.8: ttl=64'
	has 'no answer'
	# red's and green's pings prove NAT and forwarding
	[ "$(grep -c '64 bytes from 198.51.100.8: ttl=63' "$BATS_TEST_TMPDIR/ours.out")" = 2 ]
	tut_diff
}
