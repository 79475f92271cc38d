#!/bin/sh
# The differential smoke set of make check-builds: a sample of the suite
# (link, address, route, netns; text, -s -s, -d, -o, -br, -j, -j -p; -batch;
# error paths) that every build of the matrix runs in a fresh sandbox and
# that the reference ran in another.  `ip` is the implementation under test
# (tests/helpers.bash puts it first in PATH; under qemu-user a wrapper).
# It prints one transcript: each command, its stdout and stderr, its exit
# code.  Nothing here is random except what normalize() in helpers.bash
# masks: IPv6 is off on every link that is up, so no packet the kernel
# sends on its own (DAD, MLD, router solicitations) moves a counter.
c() {
	echo "### $*"
	"$@" 2>&1
	echo "### rc=$?"
}

# Under qemu-user (SMOKE_QEMU=1, for the reference's run too): qemu
# translates link, address and route messages only and answers the rest
# (RTM_GETNSID, which `netns list` sends) with EOPNOTSUPP itself.
not_qemu() {
	[ -n "${SMOKE_QEMU:-}" ] || c "$@"
}

sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
c ip link set lo up
c ip link add v0 type veth peer name v1
c ip link add br0 type bridge priority 70000
c ip link add br0 type bridge stp_state 1 forward_delay 400 max_age 2000
c ip link set v1 master br0
c ip link set dev v0 mtu 9000 txqueuelen 4294967295 group 4294967295 alias 'smoke "test"'
c ip link set v0 up
c ip link set v1 up
c ip addr add 10.0.0.1/24 dev v0 label v0:a
c ip addr add 10.0.0.2/24 brd + dev v0 label v0:b metric 4294967295
c ip addr add 10.0.0.3/33 dev v0
sysctl -qw net.ipv6.conf.br0.disable_ipv6=0
c ip -6 addr add 2001:db8::1/64 dev br0 nodad
c ip route add 10.1.0.0/16 via 10.0.0.9 rtt 1.5s rttvar 123456ms rto_min 4294967295ms
c ip route add 10.2.0.0/16 dev v0 metric 4294967295 table 4294967295 mtu lock 65520 window 4294967295 initcwnd 4294967295 advmss 65535 hoplimit 255 features ecn
c ip route add 10.3.0.0/16 nexthop via 10.0.0.7 weight 3 nexthop via 10.0.0.8 weight 255
# values past 32 bits wrap as on x86-64 (armhf's long is 32 bits)
c ip route add 10.6.0.0/16 dev v0 rtt 4294967296 rttvar 99999999999
c ip route add 10.7.0.0/16 dev v0 rto_min 18446744073709551615 rtt -4294967295
c ip -6 route add 2001:db8:1::/48 dev br0 metric 1024 pref high
c ip route add 10.4.0.0/16 dev nosuch
c ping -q -c 3 -i 0.01 127.0.0.1 >/dev/null
c ip -s -s link show lo
c ip -s -s -j link show lo
c ip -s link
c ip -d link show br0
c ip -d -j -p link show v0
c ip -o link
c ip -br -c=always link
c ip addr
c ip -j -p addr show dev v0
c ip -br addr
c ip -o -4 addr show label 'v0:*'
c ip route show table all
c ip -d -j route show table all
c ip -6 route
c ip route get 10.1.2.3
c ip -j route get 10.0.0.2
c ip route show 10.3.0.0/16
c ip netns add b
c ip netns add a
c ip link add v2 netns a type veth peer name v3
not_qemu ip netns list
c ip -all netns exec ip -br link
c ip -n a -j link show v2
c ip netns del b
c ip link show dev nosuch
c ip link frob
c ip addr add 300.0.0.1/24 dev v0
c ip route add 10.5.0.0/16 via 10.0.0.9 rtt 1.2.3
# (addr show first: after a link show, iproute2 6.1 lists addresses as links)
printf '%s\n' 'addr show dev v0' 'link show lo' 'route add 10.9.0.0/16 dev v0' \
	'route show 10.9.0.0/16' 'link show nosuch' 'link show v1' >/run/smoke.batch
c ip -batch /run/smoke.batch
c ip -force -batch /run/smoke.batch
echo 'route get 10.9.1.1' | c ip -j -batch -
c ip route flush table main
c ip -4 addr flush dev v0
c ip -br -4 addr
