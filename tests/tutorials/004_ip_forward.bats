#!/usr/bin/env bats
# Tutorial 004 "Linux network namespaces" (t1/t2 and ip_forward,
# /work/shared/tutorials/004_a63fc0bda6abe388.txt): every command verbatim
# and in order, including the clean-up of a previous run (which fails here,
# on a fresh system, as it would on the author's first run) and the three
# "sudo ip netns t1 ..." lines, which lack "exec" and so are refused by ip.
# "sudo" is a stand-in (we are root), ping is bounded; ifconfig is net-tools'
# and sysctl procps', as in the tutorial.  iperf never runs: the tutorial's
# own lines stop at ip's error first.

load ../helpers
load tut

setup() {
	need_root; need_ref
	command -v ifconfig >/dev/null || skip "net-tools (ifconfig) is not installed"
	command -v sysctl >/dev/null || skip "procps (sysctl) is not installed"
}

SCRIPT='
sudo ip netns del t1
sudo ip link del t1-eth0
sudo ip link del eth-t1
sudo ip netns del t2
sudo ip link del t2-eth0
sudo ip link del eth-t2
#creating namespaces t1 and t2
sudo ip netns add t1
sudo ip netns add t2

#creating link1 and link2
sudo ip link add t1-eth0 type veth peer name eth-t1
sleep 1
sudo ip link add t2-eth0 type veth peer name eth-t2
sleep 1

#assign the newly created interfaces to the hosts/namespaces
sudo ip link set t1-eth0 netns t1
sudo ip link set t2-eth0 netns t2

#configure ip address
sudo ip netns exec t1 ifconfig t1-eth0 10.10.251.1/24
sudo ip netns exec t2 ifconfig t2-eth0 10.10.252.1/24

#start loopback addresses
sudo ip netns exec t1 ifconfig lo up
sudo ip netns exec t2 ifconfig lo up

#assign HWADDR to the interfaces
ifconfig eth-t1 hw ether 02:01:02:03:04:01
ifconfig eth-t2 hw ether 02:01:02:03:04:02

#assign ip and activate the ethernet interfaces
ifconfig eth-t1 10.10.251.2/24 up
ifconfig eth-t2 10.10.252.2/24 up
: check: what ip sees of the configuration ifconfig made
ip -br link
ip -br addr
ip netns exec t1 ip -br addr
ip route

#test with ping
ping 10.10.251.1
ping 10.10.252.1
sudo ip netns exec t1 ping 10.10.251.2
sudo ip netns exec t2 ping 10.10.252.2

#iperf, traffic test with server and client
sudo ip netns t1 iperf -s
sudo ip netns t2 iperf -c 10.10.251.1

#ping
sudo ip netns t1 ping 10.10.252.1
cat /proc/sys/net/ipv4/ip_forward
echo 1 > /proc/sys/net/ipv4/ip_forward
sysctl -w net.ipv4.ip_forward=1
cat /proc/sys/net/ipv4/ip_forward
: the namespaces have no route to each other: forwarding alone does not help
sudo ip netns exec t1 ping 10.10.252.1
sudo ip netns exec t1 ip route
'

@test "tutorial 004: t1/t2 configured with ifconfig, pings, ip_forward" {
	tut_run "$SCRIPT"
	echo "$ours"
	has 'Cannot remove namespace file "/run/netns/t1": No such file or directory'
	has 'Cannot find device "t1-eth0"'
	has 'eth-t1@if'
	has '02:01:02:03:04:01'
	has '10.10.251.2/24'
	has '10.10.251.1/24'
	has '10.10.251.0/24 dev eth-t1 proto kernel scope link src 10.10.251.2'
	has '64 bytes from 10.10.251.1: ttl=64'
	has '64 bytes from 10.10.252.1: ttl=64'
	has '64 bytes from 10.10.251.2: ttl=64'
	has '64 bytes from 10.10.252.2: ttl=64'
	has 'Command "t1" is unknown, try "ip netns help".'
	has 'net.ipv4.ip_forward = 1'
	has 'connect: Network is unreachable'
	[ "$(grep -c '^answered$' "$BATS_TEST_TMPDIR/ours.out")" = 4 ]
	tut_diff
}
