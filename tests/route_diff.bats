#!/usr/bin/env bats
# ip route against the reference: the same scripts run with our ip and with
# iproute2 in fresh sandboxes; stdout, stderr and exit codes must be equal.

load helpers

setup() { need_root; need_ref; }

# Routes of every kind.  No IPv6 link-local addresses and no IPv6 on the
# peers: the order of the peers' ff00::/8 routes depends on kernel timing.
# v2 loses its carrier after its route exists, and the setup waits for the
# kernel to mark the route linkdown (it does so asynchronously).
SETUP='echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode
ip link add v0 type veth peer name v1; echo 1 > /proc/sys/net/ipv6/conf/v1/disable_ipv6; ip link set lo up; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0; ip addr add 2001:db8::1/64 dev v0 nodad
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do ip -6 route show table local | grep -q 2001:db8::1 && break; sleep 0.1; done
ip link add v2 type veth peer name v3; echo 1 > /proc/sys/net/ipv6/conf/v3/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/v2/disable_ipv6; ip addr add 10.8.0.1/24 dev v2; ip link set v2 up; ip link set v3 up
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do ip route show dev v2 | grep -q linkdown || break; sleep 0.1; done; ip link set v3 down
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do ip route show dev v2 | grep -q linkdown && break; sleep 0.1; done
ip route add default via 10.0.0.2
ip route add 10.1.0.0/16 via 10.0.0.2 metric 10 proto static
ip route add blackhole 10.2.0.0/16
ip route add unreachable 10.3.0.0/16
ip route add prohibit 10.4.0.0/16 table 100
ip route add 10.5.0.0/16 dev v0 mtu lock 1400 advmss 1300 initcwnd 10 src 10.0.0.1 scope link
ip route add 10.6.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3 dev v0
ip -6 route add 2001:db8:1::/48 via 2001:db8::2 pref high
ip route add 10.7.0.0/16 via 10.0.0.2 tos 0x10 realm 5
ip -6 route add 2001:db8:5::/48 via 2001:db8::2 expires 100
ip route add 10.10.0.0/16 via 10.8.0.2
ip route add 10.11.0.0/16 nexthop via 10.8.0.2 nexthop via 10.0.0.3
ip route add 10.12.0.0/16 via 10.0.0.2 rtt 100 rttvar 2s features ecn quickack 1 congctl lock cubic hoplimit 5 reordering 3 window 1000 initrwnd 7 fastopen_no_cookie 1 mtu 1300
ip route add throw 10.15.0.0/16
ip route add 10.16.0.0/16 via 10.0.0.2 mtu 1000 table 1000
ip -6 route add unreachable 2001:db8:9::/48
ip route add 10.20.0.0/16 via inet6 fe80::1 dev v0
ip route add 10.22.0.0/16 via 10.0.0.2 realm 3/
ip route add 10.23.0.0/16 via 10.0.0.2 realm 3/4 rto_min 300ms ssthresh 5 cwnd 6 
ip route add 10.24.0.0/16 via 10.0.0.2 onlink tos CS1'

@test "route diff: show: every output mode and selector" {
	diff_ip_each "$SETUP" \
		'ip route' \
		'ip -6 route' \
		'ip route show table all' \
		'ip -d route' \
		'ip -j -p route' \
		'ip -o route' \
		'ip -6 -j route' \
		'ip -c=always route' \
		'ip -c=always -6 route' \
		'ip -j route show table all' \
		'ip route show table local' \
		'ip route show table 100' \
		'ip route show table 1000' \
		'ip -d -j -p route show table 1000' \
		'ip route show dev v0' \
		'ip route show proto kernel' \
		'ip route show scope link' \
		'ip route show via 10.0.0.2' \
		'ip route show src 10.0.0.1' \
		'ip route show type unicast' \
		'ip route show type blackhole' \
		'ip route show root 10.0.0.0/8' \
		'ip route show match 10.5.1.1' \
		'ip route show exact 10.5.0.0/16' \
		'ip route show 10.5.0.0/16' \
		'ip route show 10/8' \
		'ip route show realms 3/' \
		'ip route show tos 0x10' \
		'ip route show metric 10' \
		'ip -4 route show table all' \
		'ip -6 route show table all' \
		'ip route get 10.0.0.1' \
		'ip route get 1.1.1.1' \
		'ip route get 1.1.1.1 from 10.0.0.1 mark 5 uid 7' \
		'ip route get fibmatch 1.1.1.1' \
		'ip route get 1.1.1.1 connected' \
		'ip -6 route get 2001:db8:5::1' \
		'ip -j route get 10.0.0.1' \
		'ip -j -p route get 1.1.1.1' \
		'ip route get 10.0.0.0/24' \
		'ip route get 10.0.0.2 oif v0' \
		'ip route get 10.2.0.1' \
		'ip route get 10.3.0.1'
}

@test "route diff: add/change/replace/append/prepend/test/del and show forms (1)" {
	diff_ip_each "$SETUP" \
		'ip route add 10.60.0.0/16 via 10.0.0.2; ip route' \
		'ip route replace 10.60.0.0/16 via 10.0.0.3 metric 5; ip route show 10.60.0.0/16' \
		'ip route change 10.60.0.0/16 via 10.0.0.4 metric 5; ip route show 10.60.0.0/16' \
		'ip route append 10.60.0.0/16 via 10.0.0.5 metric 5; ip route show 10.60.0.0/16' \
		'ip route prepend 10.60.0.0/16 via 10.0.0.6 metric 5; ip route show 10.60.0.0/16' \
		'ip route test 10.60.0.0/16 via 10.0.0.6 metric 5; ip route show 10.60.0.0/16' \
		'ip route del 10.60.0.0/16 via 10.0.0.6 metric 5; ip route show 10.60.0.0/16' \
		'ip route delete 10.60.0.0/16; ip route show 10.60.0.0/16' \
		'ip route d 10.60.0.0/16; ip route show 10.60.0.0/16' \
		'ip route chg 10.60.0.0/16 via 10.0.0.4' \
		'ip route add local 10.61.0.1 dev v0; ip route show table local' \
		'ip route add broadcast 10.61.0.255 dev v0; ip route show table local type broadcast' \
		'ip route add multicast 224.1.0.0/16 dev v0; ip route show type multicast' \
		'ip route add nat 10.62.0.0/16 via 10.0.0.2 scope host' \
		'ip route add 10.63.0.0/16 dev v0 proto 99 scope 7 table 55 metric 4; ip route show table 55; ip -d route show table 55' \
		'ip route add 10.64.0.0/16 dev v0 table default; ip route show table default; ip route show table all' \
		'ip route add 10.65.0.0/16 via 10.0.0.2 src 10.0.0.1 tos 0x08; ip route show table main' \
		'ip -6 route add 2001:db8:60::/48 via 2001:db8::2 pref low; ip -6 route add 2001:db8:61::/48 dev v0 pref 5 metric 7; ip -6 route' \
		'ip -6 route add 2001:db8:62::/48 nexthop via 2001:db8::2 dev v0 nexthop via 2001:db8::3 dev v0; ip -6 route; ip -6 -j -p route show 2001:db8:62::/48; ip -6 -o route' \
		'ip -6 route add 2001:db8:63::/48 dev v0 mtu 1400 hoplimit 9 table 7; ip -6 route show table 7; ip route show table 7' \
		'ip route add 10.66.0.0/16 via 10.0.0.2 dev v0 onlink; ip route show 10.66.0.0/16' \
		'ip route add 10.67.0.0/16 nexthop via 10.0.0.9 dev v0 onlink weight 3 nexthop dev v2; ip route show 10.67.0.0/16; ip -j route show 10.67.0.0/16' \
		'ip route add 10.68.0.0/16 via 10.0.0.2 rtt 1.5s rttvar 300ms window 5 features ecn; ip route show 10.68.0.0/16; ip -j route show 10.68.0.0/16' \
		'ip route add 10.69.0.0/255.255.0.0 dev v0; ip route show 10.69/16' \
		'ip route add 0x0a.70/16 dev v0; ip route show 10.70.0.0/16' \
		'ip route add default dev v2 metric 50; ip route show default; ip route show exact default; ip route show root default; ip route show match 10.99.1.1' \
		'ip route add 10.71.0.0/16 dev v0 realm 0x10002; ip route show 10.71.0.0/16; ip -j route show 10.71.0.0/16' \
		'ip route add unreachable 10.72.0.0/16 metric 9; ip route add prohibit 10.73.0.0/16; ip route show type prohibit; ip route show type unreachable' \
		'ip route add 10.74.0.0/16 dev v0 expires 50; ip route show 10.74.0.0/16' \
		'ip -6 route add 2001:db8:64::/48 dev v0 expires 100 ; ip -6 -j route show 2001:db8:64::/48' \
		'ip route add to unicast 10.75.0.0/16 dev v0; ip route show 10.75.0.0/16' \
		'ip route add 10.76.0.0/16 from 0/0 dev v0' \
		'ip route add table 200 10.77.0.0/16 dev v0; ip route show table 200; ip route show table all table 200' \
		'ip ro li; ip r s; ip ro lst; ip r sh table main' \
		'ip route show cache; ip route show cached; ip -6 route show cache; ip route show table cache' \
		'ip route show from 0/0' \
		'ip route show to match 10.1.1.1' \
		'ip route show to root 10.0.0.0/16' \
		'ip route show proto all scope all' \
		'ip route show proto static' \
		'ip route show proto boot' \
		'ip route show scope host table local' \
		'ip route show via inet 10.0.0.2' \
		'ip route show src 10.0.0.0/24' \
		'ip route show oif v0 table all'
}

@test "route diff: add/change/replace/append/prepend/test/del and show forms (2)" {
	diff_ip_each "$SETUP" \
		'ip route show realms 3/4' \
		'ip route show realms 5' \
		'ip route show realms /4' \
		'ip route show dsfield 0x10' \
		'ip route show tos CS1' \
		'ip route show priority 10' \
		'ip route show preference 10' \
		'ip route show exact 10.1.0.0/16' \
		'ip route show 10.1.0.0' \
		'ip route show type local table all' \
		'ip route show type broadcast table local' \
		'ip route show table local type local' \
		'ip -6 route show table local' \
		'ip -6 route show type multicast table all' \
		'ip -6 route show 2001:db8::/32' \
		'ip -6 route show match 2001:db8:1::1' \
		'ip route show default' \
		'ip route show all' \
		'ip route show any' \
		'ip -0 route' \
		'ip -j route show table 100' \
		'ip -j -p route show 10.6.0.0/16' \
		'ip -o -6 route' \
		'ip -s route' \
		'ip -s -6 route' \
		'ip -d -6 route' \
		'ip -c=always route show table all' \
		'ip -c=always -j route' \
		'ip -j route get 1.1.1.1 from 10.0.0.1' \
		'ip -o route get 1.1.1.1' \
		'ip -j -6 route get 2001:db8::5' \
		'ip -6 route get 2001:db8::5 from 2001:db8::1' \
		'ip -6 route get fibmatch 2001:db8:5::1' \
		'ip route get 10.5.1.1' \
		'ip route get 10.6.1.1' \
		'ip route get fibmatch 10.6.1.1' \
		'ip route get 1.1.1.1 f 10.0.0.1' \
		'ip route get fi 10.6.1.1' \
		'ip route get 10.6.1.1 fib' \
		'ip route get 10.12.1.1' \
		'ip route get 10.2.0.1' \
		'ip route get 127.0.0.1' \
		'ip route get 10.0.0.255' \
		'ip route get 224.0.0.1' \
		'ip route get 10.0.0.1 from 10.0.0.1 iif lo'
}

@test "route diff: errors: parser, devices and kernel refusals (1)" {
	diff_ip_each "$SETUP" \
		'ip route add 10.0.0.0/8 table foo' \
		'ip route add x' \
		'ip route show table foo' \
		'ip route add 10.50.0.0/16 via 10.0.0.2 via 10.0.0.3' \
		'ip route add 10.50.0.0/16 dev nope' \
		'ip route show dev nope' \
		'ip route show iif nope' \
		'ip route foo' \
		'ip route add 10/8 10/8' \
		'ip route add 10.50.0.0/16 mtu x' \
		'ip route add 10.50.0.0/16 mtu lock x' \
		'ip route add 10.50.0.0/16 mtu lock' \
		'ip route add 10.50.0.0/16 hoplimit 300' \
		'ip route add 10.50.0.0/16 advmss x' \
		'ip route add 10.50.0.0/16 rtt 5x' \
		'ip route add 10.50.0.0/16 rttvar x' \
		'ip route add 10.50.0.0/16 rto_min x' \
		'ip route add 10.50.0.0/16 window x' \
		'ip route add 10.50.0.0/16 cwnd x' \
		'ip route add 10.50.0.0/16 initcwnd x' \
		'ip route add 10.50.0.0/16 initrwnd x' \
		'ip route add 10.50.0.0/16 features foo' \
		'ip route add 10.50.0.0/16 quickack 2' \
		'ip route add 10.50.0.0/16 quickack x' \
		'ip route add 10.50.0.0/16 fastopen_no_cookie 3' \
		'ip route add 10.50.0.0/16 ssthresh x' \
		'ip route add 10.50.0.0/16 reordering x' \
		'ip route add 10.50.0.0/16 expires x' \
		'ip route add 10.50.0.0/16 metric x' \
		'ip route add 10.50.0.0/16 nhid x' \
		'ip route add 10.50.0.0/16 nexthop via 10.0.0.2 weight 0' \
		'ip route add 10.50.0.0/16 nexthop via 10.0.0.2 weight 257' \
		'ip route add 10.50.0.0/16 nexthop' \
		'ip route add 10.50.0.0/16 nexthop via 10.0.0.2 foo' \
		'ip route add 10.50.0.0/16 nexthop dev nope' \
		'ip route add 10.50.0.0/16 nexthop via 10.0.0.2 realms x/y' \
		'ip route get' \
		'ip route get nope' \
		'ip route get 1.1.1.1 iif nope' \
		'ip route get 1.1.1.1 oif nope' \
		'ip route get 1.1.1.1 mark x' \
		'ip route get 1.1.1.1 uid x' \
		'ip route get 1.1.1.1 sport x' \
		'ip route get 1.1.1.1 ipproto foo' \
		'ip route get 1.1.1.1 tos zz'
}

@test "route diff: errors: parser, devices and kernel refusals (2)" {
	diff_ip_each "$SETUP" \
		'ip route get 10.0.0.2 from 10.0.0.1 iif v0' \
		'ip route get 2001:db8::1 from 10.0.0.1' \
		'ip route flush' \
		'ip route add 10.50.0.0/16 tos 0x1ff' \
		'ip route add 10.50.0.0/16 realm 70000' \
		'ip route add 10.50.0.0/16 realm 1/300' \
		'ip route add 10.50.0.0/16 realm a/b' \
		'ip route add 10.50.0.0/16 proto foo' \
		'ip route add 10.50.0.0/16 proto 300' \
		'ip route add 10.50.0.0/16 scope foo' \
		'ip route add 10.50.0.0/16 pref foo' \
		'ip route add 10.50.0.0/16 table' \
		'ip route show type foo' \
		'ip route show proto foo' \
		'ip route show scope foo' \
		'ip route show tos zz' \
		'ip route show metric x' \
		'ip route show mark x' \
		'ip route show realms x/y' \
		'ip route show table 1 table 2' \
		'ip route show table 77' \
		'ip route add 10.50.0.0/16 dev' \
		'ip route add ::/0 via 1.2.3.4' \
		'ip route add 1.2.3.0/24 via fe80::1' \
		'ip route add 10.50.0.1/16 dev v0' \
		'ip route add 300.1.1.1 dev v0' \
		'ip route add 10.50.0.0/33 dev v0' \
		'ip route add 10.50.0.0/x dev v0' \
		'ip route add default/8 dev v0' \
		'ip route add 10.50.0.0/16 via 10.9.9.9' \
		'ip -6 route add 2001:db8:77::/48 via 2001:db8:99::1' \
		'ip route add 10.50.0.0/16 via 10.0.0.2 dev v2' \
		'ip route del 10.77.0.0/16' \
		'ip route del 10.77.0.0/16 dev v0' \
		'ip route change 10.77.0.0/16 dev v0' \
		'ip route add 10.1.0.0/16 via 10.0.0.2 metric 10 proto static' \
		'ip route test 10.1.0.0/16 via 10.0.0.2 metric 10 proto static' \
		'ip route add 10.50.0.0/16 nhid 5' \
		'ip route add 10.50.0.0/16 dev v0 onlink' \
		'ip route add local 10.50.0.0/16 dev v0 table 5000 type' \
		'ip -6 route add 1.2.3.4/32 dev v0' \
		'ip -4 route add 2001::/64 dev v0' \
		'ip route show 10.0.0.0/33' \
		'ip route show root x' \
		'ip route show from x'
}

@test "route diff: errors: parser, devices and kernel refusals (3)" {
	diff_ip_each "$SETUP" \
		'ip route show via x' \
		'ip route show src x' \
		'ip route show via inet6 x' \
		'ip route show table' \
		'ip route get 10.0.0.0/8 from 1.1.1.1' \
		'ip route restore < /dev/null' \
		'ip route showdump < /dev/null' \
		'ip route add 10.50.0.0/16 dev v0 congctl' \
		'ip route s foo bar' \
		'ip r l t all' \
		'ip route add 10.50.0.0/16 dev v0 scope 300' \
		'ip route add 10.50.0.0/16 dev v0 pref 300' \
		'ip route add 10.50.0.0/16 dev v0 from 1.2.3.4' \
		'ip -6 route add 2001:db8:50::/48 dev v0 from 2001:db8::/64' \
		'ip route get 10.0.0.2 dport 80 sport 90 ipproto tcp' \
		'ip route get 10.0.0.2 dport 80 ipproto udp' \
		'ip route add 10.50.0.0/16 dev v0 features' \
		'ip route add 10.50.0.0/16 dev v0 metric' \
		'ip route get to 10.0.0.2' \
		'ip route get 10.0.0.1 notify' \
		'ip route get 10.0.0.1 tos 0x10' \
		'ip route get 10.0.0.2 from 10.0.0.1 connected'
}

@test "route diff: flush: selectors, -s and -s -s, cache" {
	diff_ip_each "$SETUP" \
		'ip route flush 10.1.0.0/16; ip route' \
		'ip -s route flush type blackhole; ip route' \
		'ip -s -s route flush proto boot; ip route' \
		'ip -s route flush table 100; ip route show table all | grep -v fe80' \
		'ip -s route flush table 100' \
		'ip route flush cache; echo $?' \
		'ip -s route flush cache' \
		'ip -6 -s route flush cache' \
		'ip -s -6 route flush 2001:db8:1::/48; ip -6 route' \
		'ip -6 route flush table all type unreachable; ip -6 route show table all | grep -v fe80' \
		'ip route flush dev v2; ip route' \
		'ip route flush table main; ip route' \
		'ip route save > /run/s1.bin; echo $?; ip route showdump < /run/s1.bin' \
		'ip route flush table foo' \
		'ip route flush dev nope' \
		'ip -s route flush table all; ip route show table all; ip -6 route show table all'
}

@test "route diff: save, restore and showdump, round trips" {
	diff_ip_each "$SETUP" \
		'ip route save > /run/sv.bin; ip route save table all > /run/sva.bin; ip route save table 100 > /run/sv100.bin' \
		'ip route showdump < /run/sva.bin' \
		'ip -6 route showdump < /run/sva.bin' \
		'ip route flush table 100; ip route restore < /run/sv100.bin; ip route show table 100' \
		'ip route restore < /run/sva.bin; ip route show table all' \
		'ip route flush table main; ip route restore < /run/sv.bin; ip route' \
		'ip route flush 10.1.0.0/16; ip route restore < /run/sv.bin; ip route' \
		'cat /run/sv.bin | ip route restore' \
		'echo garbage | ip route restore' \
		'head -c 20 /run/sv.bin | ip route showdump' \
		'head -c 20 /run/sv.bin > /run/tr.bin; ip route showdump < /run/tr.bin' \
		'ip route save 10.5.0.0/16 > /run/s5.bin; ip route showdump < /run/s5.bin; od -c /run/s5.bin | head -2 | cut -c1-40' \
		'ip route save dev v2 > /run/sv2.bin; ip route del 10.10.0.0/16; ip route restore < /run/sv2.bin; ip route show dev v2' \
		'ip route save table foo > /run/x.bin; od -c /run/x.bin'
}

# A new namespace has no main table until its first route: saved as empty,
# as listed; the magic comes out before an error that follows it.
@test "route diff: save in a namespace without routes, errors after the magic" {
	diff_ip_each 'true' 'ip route save | od -c' 'ip -4 route save table main | od -c' \
		'ip -6 route save | od -c' 'ip route save table main dev lo | od -c' \
		'ip route save table 100 2>&1 | od -c' 'ip route save to bogus 2>&1 | od -c' \
		'ip rule save to bogus 2>&1 | od -c' 'ip route flush table main' \
		'printf "route save\nroute save to bogus\nlink show lo\n" | ip -batch - 2>&1 | od -c'
}

# Nexthop objects made by each side's own ip nexthop; names
# from rt_tables.d and rt_protos.d files made inside the sandbox.
@test "route diff: nhid routes, nh_info under -d, names from conf directories" {
	local setup="echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode
ip link add v0 type veth peer name v1; ip link set lo up; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip nexthop add id 5 via 10.0.0.2 dev v0
ip nexthop add id 7 via 10.0.0.3 dev v0
ip nexthop add id 6 group 5/7
mount -t tmpfs tmpfs /etc/iproute2/rt_tables.d; echo 200 mytab > /etc/iproute2/rt_tables.d/t.conf
mount -t tmpfs tmpfs /etc/iproute2/rt_protos.d; echo 150 myproto > /etc/iproute2/rt_protos.d/p.conf"
	diff_ip_each "$setup" \
		"ip route add 10.80.0.0/16 nhid 5; ip route show 10.80.0.0/16; ip -j route show 10.80.0.0/16; ip -d route show 10.80.0.0/16" \
		"ip route add 10.81.0.0/16 nhid 6; ip route show 10.81.0.0/16; ip -j -p route show 10.81.0.0/16" \
		"ip route get 10.80.1.1; ip route get fibmatch 10.81.1.1" \
		"ip route add 10.82.0.0/16 nhid 99" \
		"ip route add 10.83.0.0/16 dev v0 table mytab; ip route show table mytab; ip route show table all | grep 10.83; ip -d route show table mytab" \
		"ip route add 10.84.0.0/16 dev v0 proto myproto; ip route show proto myproto; ip route show 10.84.0.0/16" \
		"ip route add 10.85.0.0/16 dev v0 realm myrealm/2; ip route show 10.85.0.0/16; ip route show realms myrealm/" \
		"ip route add 10.86.0.0/16 dev v0 tos AF11; ip route show 10.86.0.0/16; ip route show tos 0x28; ip route show tos AF11 table all" \
		"ip route flush table mytab; ip route show table all | grep -c mytab" \
		"ip nexthop add id 8 blackhole; ip nexthop add id 9 group 5,3/7; ip nexthop add id 11 dev v0; ip route add 10.90.0.0/16 nhid 8; ip route add 10.91.0.0/16 nhid 9; ip route add 10.92.0.0/16 nhid 11; ip route add 10.81.0.0/16 nhid 6" \
		"ip -d route; ip -d -j -p route; ip -d -o route; ip -d -c=always route; ip -d -j route" \
		"ip route save > /run/nh.bin; ip -d route showdump < /run/nh.bin"
}

# Route cache entries: a router namespace with a 1300-byte link, and one
# oversized ping each way, so that path MTU exceptions appear (traffic stays
# inside the namespaces made here).
@test "route diff: cache entries from path MTU discovery" {
	local setup="$REF_IP netns add r; $REF_IP netns add b
$REF_IP link add a0 type veth peer name r0 netns r
$REF_IP -n r link add r1 type veth peer name b0 netns b
$REF_IP addr add 10.1.0.1/24 dev a0; $REF_IP link set a0 up; $REF_IP link set lo up
$REF_IP -n r addr add 10.1.0.2/24 dev r0; $REF_IP -n r link set r0 up
$REF_IP -n r addr add 10.2.0.1/24 dev r1; $REF_IP -n r link set r1 up mtu 1300
$REF_IP -n b addr add 10.2.0.2/24 dev b0; $REF_IP -n b link set b0 up mtu 1300
$REF_IP -n b route add default via 10.2.0.1
$REF_IP netns exec r sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
$REF_IP route add 10.2.0.0/24 via 10.1.0.2
$REF_IP -6 addr add 2001:db8:1::1/64 dev a0 nodad; $REF_IP -n r -6 addr add 2001:db8:1::2/64 dev r0 nodad
$REF_IP -n r -6 addr add 2001:db8:2::1/64 dev r1 nodad; $REF_IP -n b -6 addr add 2001:db8:2::2/64 dev b0 nodad
$REF_IP -n b -6 route add default via 2001:db8:2::1; $REF_IP -6 route add 2001:db8:2::/64 via 2001:db8:1::2
sleep 2
ping -c1 -W1 -M do -s 1400 10.2.0.2 >/dev/null 2>&1; ping -c1 -W1 -s 1400 10.2.0.2 >/dev/null 2>&1
ping -6 -c1 -W1 -s 1400 2001:db8:2::2 >/dev/null 2>&1; ping -6 -c1 -W1 -s 1400 2001:db8:2::2 >/dev/null 2>&1"
	command -v ping >/dev/null || skip "no ping here"
	diff_ip_each "$setup" \
		"ip route show cache" "ip -6 route show cache" "ip route show table all cache" \
		"ip route get 10.2.0.2" "ip -6 route get 2001:db8:2::2" \
		"ip -j route show cache" "ip -j -p -6 route show cache" "ip -d route show cache" \
		"ip -o route show cache" "ip -c=always route show cache" \
		"ip route show cached 10.2.0.2" "ip route show cloned dev a0" \
		"ip -6 -s route flush cache; ip -6 route show cache" \
		"ip -s route flush cache; ip route show cache"
}

@test "route diff: abbreviations, repeated keywords, numbers in any base, -0, odd tables" {
	diff_ip_each "$SETUP" \
		'ip -0 route add 10.99.0.0/16 dev v0' \
		'ip -0 route get 10.0.0.1' \
		'ip r a 10.98.0.0/16 dev v0; ip r sh 10.98.0.0/16; ip r d 10.98.0.0/16; ip r sh 10.98.0.0/16' \
		'ip r g 10.0.0.2; ip r f 10.98.0.0/16; ip ro del 10.97.0.0/16' \
		'ip r sa > /run/a.bin; ip r res < /run/a.bin; ip r showd < /run/a.bin; ip r sho' \
		'ip route add 10.96.0.0/16 dev v0 metric 5 metric 6; ip route show 10.96.0.0/16' \
		'ip route add 10.95.0.0/16 dev v0 table 5 table main; ip route show 10.95.0.0/16' \
		'ip route add 10.94.0.0/16 dev v0 dev v2; ip route show 10.94.0.0/16' \
		'ip route add 10.93.0.0/16 dev v0 src 10.0.0.1 src 10.0.0.9' \
		'ip route add 10.92.0.0/16 dev v0 proto kernel; ip route show proto kernel' \
		'ip route add 10.91.0.0/16 dev v0 scope host; ip route show scope host' \
		'ip route add 10.90.0.0/16 dev v0 scope 0; ip route show 10.90.0.0/16' \
		'ip route add anycast 10.89.0.1 dev v0' \
		'ip route add local 10.88.0.0/16 dev lo; ip route show table local type local' \
		'ip route add broadcast 10.87.255.255 dev v0 table main; ip route show type broadcast table all' \
		'ip route add 10.86.0.0/16 dev v0 pref high' \
		'ip -6 route add 2001:db8:aa::/64 dev v0 pref 1; ip -6 route show 2001:db8:aa::/64' \
		'ip route add 10.85.0.0/16 nexthop via 10.0.0.2 dev v0 nexthop via 10.0.0.3 dev v0 realms 4; ip route show 10.85.0.0/16' \
		'ip route add 10.84.0.0/16 via 10.0.0.2 dev v0 window lock 5 cwnd lock 6 initcwnd lock 7 initrwnd lock 8 ssthresh lock 9 advmss lock 10 reordering lock 11 hoplimit lock 12 rtt lock 13 rttvar lock 14; ip route show 10.84.0.0/16; ip -j route show 10.84.0.0/16' \
		'ip route add 10.83.0.0/16 via 10.0.0.2 rto_min 2s congctl reno; ip route show 10.83.0.0/16' \
		'ip route add 10.82.0.0/16 via 10.0.0.2 mtu 0x500; ip route show 10.82.0.0/16' \
		'ip route add 10.81.0.0/16 via 10.0.0.2 metric 0x10 tos 8; ip route show 10.81.0.0/16' \
		'ip route add 10.80.0.0/16 via 10.0.0.2 proto 0x20; ip route show 10.80.0.0/16' \
		'ip route add 10.79.0.0/16 via 10.0.0.2 table 0x400; ip route show table 1024' \
		'ip route add 10.78.0.0/16 via 10.0.0.2 realms 0x50006; ip route show 10.78.0.0/16' \
		'ip route add prohibit 10.77.0.0/16 metric 7; ip route del prohibit 10.77.0.0/16 metric 7; ip route show type prohibit' \
		'ip route add 10.76.0.0/16 dev v0; ip route change 10.76.0.0/16 dev v0 mtu 1000; ip route show 10.76.0.0/16; ip route replace 10.76.0.0/16 dev v0 mtu 900 metric 1; ip route show 10.76.0.0/16' \
		'ip route add 10.75.0.0/16 via 10.0.0.2; ip route prepend 10.75.0.0/16 via 10.0.0.3; ip route append 10.75.0.0/16 via 10.0.0.4; ip route show 10.75.0.0/16' \
		'ip -6 route add 2001:db8:bb::/64 via 2001:db8::2; ip -6 route append 2001:db8:bb::/64 via 2001:db8::3; ip -6 route show 2001:db8:bb::/64; ip -6 route prepend 2001:db8:bb::/64 via 2001:db8::4; ip -6 route show 2001:db8:bb::/64' \
		'ip -6 route del 2001:db8:bb::/64 via 2001:db8::3; ip -6 route show 2001:db8:bb::/64' \
		'ip route del default; ip route show default; ip route del default' \
		'ip route show table 0' \
		'ip route show table unspec' \
		'ip route show table default' \
		'ip route show table 255' \
		'ip -6 route show table main' \
		'ip -4 route show table all type local' \
		'ip route get 10.0.0.2 sport 80' \
		'ip route get 10.0.0.2 ipproto 6 dport 443' \
		'ip route get 10.0.0.2 from 10.0.0.1 oif v0' \
		'ip -6 route get 2001:db8::2 oif v0' \
		'ip -6 route get ::1' \
		'ip route get 0.0.0.0' \
		'ip route get default' \
		'ip route get 10.0.0.2/32' \
		'ip -6 route get 2001:db8::2/64' \
		'ip route get 10.0.0.2 tos 0x10 mark 0x10 uid 1000' \
		'ip route get 10.0.0.2 mark 15; ip route get 10.0.0.2 mark 16; ip -j route get 10.0.0.2 mark 255'
}

# Numbers and IPv4 parts go through strtoul in iproute2: a blank or a sign
# before them passes, "-0" is 0 (and "-1" too big).
@test "route diff: signs and blanks before numbers and address parts" {
	diff_ip_each "$SETUP" \
		'ip route add 10.60.0.0/16 dev v0 metric -0 advmss -0 window " 5"; ip route show 10.60.0.0/16' \
		'ip route add 10.61.0.0/16 dev v0 metric -1' 'ip route add 10.62.0.0/16 dev v0 mtu -4294967296' \
		'ip route add " 10.63.0.0/16" via "+10.0.0.2"; ip route show " 10.63.0.0/16"' \
		'ip route add "10. 64.0.0/16" dev v0; ip route get " 10.64.0.1" from "+10.0.0.1"' \
		'ip route add "-0.65.0.0/16" dev v0' 'ip route add "-1.66.0.0/16" dev v0' \
		'ip route add "10.67.0.0/-0" dev v0' 'ip addr add " 10.68.0.1/24" peer "+10.68.0.2" dev v0' \
		'ip -4 -o addr show to " 10.68.0.0/16"' 'ip route show root "+10.0.0.0/8" table all' \
		'ip route del " 10.63.0.0/16"'
}

@test "route diff: IPv6 source routes and the from selectors" {
	diff_ip_each "$SETUP" \
		'ip -6 route add 2001:db8:50::/48 dev v0 from 2001:db8::/64; ip -6 route add 2001:db8:51::/48 dev v0 from 2001:db8:1::/64 metric 5; ip -6 route' \
		'ip -6 route show from 2001:db8::/64' \
		'ip -6 route show from root 2001:db8::/48' \
		'ip -6 route show from match 2001:db8::1' \
		'ip -6 route show from exact 2001:db8:1::/64' \
		'ip -6 route show from 2001:db8::/64 to 2001:db8:50::/48' \
		'ip -6 -j -p route show from 2001:db8::/64' \
		'ip -6 route get 2001:db8:50::1 from 2001:db8::5' \
		'ip -6 route del 2001:db8:50::/48 from 2001:db8::/64; ip -6 route' \
		'ip -6 route flush from 2001:db8:1::/64; ip -6 route' \
		'ip route show from 10.0.0.0/8' \
		'ip route show from 0/0'
}

# Under -j the reference prints flush and showdump output as text.
@test "route diff: -j with flush, showdump, restore, add and connected get" {
	diff_ip_each "$SETUP" \
		'ip -j -s -s route flush proto static' \
		'ip -j -s route flush type blackhole' \
		'ip -j route flush type unreachable; ip -j route' \
		'ip route save > /run/j.bin; ip -j route showdump < /run/j.bin' \
		'ip -j route restore < /run/j.bin' \
		'ip -j route add 10.70.0.0/16 dev v0; ip -j route del 10.70.0.0/16' \
		'ip -j route get 10.70.0.1 connected'
}

@test "route diff: colours on source routes, local table, -d and -o" {
	diff_ip_each "$SETUP" \
		'ip -6 route add 2001:db8:50::/48 dev v0 from 2001:db8::/64; ip -c=always -6 route show 2001:db8:50::/48; ip -c=always -6 route get 2001:db8:50::1 from 2001:db8::5' \
		'ip -c=always route get 10.0.0.1; ip -c=always route show table local; ip -c=always -d route show 10.6.0.0/16' \
		'ip -c=always -o route show 10.11.0.0/16'
}

# -r names hosts from /etc/hosts (the host file: 127.0.0.1 is in every one).
@test "route diff: -r names whole addresses and gateways, not prefixes or src" {
	diff_ip_each "$SETUP" \
		'ip -r route get 127.0.0.1; ip -r route show table local; ip route add 10.77.0.1 via 10.0.0.2; ip -r route show 10.77.0.1' \
		'ip -r -6 route show table local' \
		'ip -r -j route show table local' \
		'ip route add 127.0.0.0/8 via 127.0.0.1 table 9 2>/dev/null; ip -r route show table 9; ip -r route show table all | grep -c localhost'
}

@test "route diff: in batches (JSON mode kept across lines, errors, -force)" {
	diff_ip_each "$SETUP" \
		'printf "route flush proto static\nroute show table 100\nroute get 10.0.0.2 connected\nroute show table 100\n" > /run/b1; ip -j -batch /run/b1' \
		'printf "route add 10.44.0.0/16 dev v0\nroute add 10.44.0.0/16 dev v0\nroute del 10.44.0.0/16\nroute show 10.44.0.0/16\n" > /run/b3; ip -batch /run/b3; ip -force -batch /run/b3' \
		'printf "route add 10.45.0.0/16 dev nope\nroute show 10.45.0.0/16\n" > /run/b4; ip -force -batch /run/b4' \
		'printf "route add 10.46.0.0/16 mtu x\nroute show\n" > /run/b5; ip -force -batch /run/b5'
}

# rtt, rttvar and rto_min print as "%gs" of the milliseconds / 1e3 from one
# second up, and read "N.Ns" through strtod in the reference; ours does both
# in integer arithmetic (lib/decimal.c), so compare many values: the %g
# rounding ties (xxxx.xx5, xxxxx.x5, .5 and 5e+XX), the switch to
# exponents, the largest values, then 300 pseudo-random ones.
@test "route diff: rtt/rttvar/rto_min values print and parse as in the reference" {
	diff_ip 'ip link set lo up
i=0
add() { i=$((i + 1)); ip route add 10.200.$((i / 250)).$((i % 250))/32 dev lo "$@"; }
for v in 999 1000 1001 1005 1500 99999 100000 999999 1000000 1234125 1234375 \
	1234565 1234575 1000005 9999995 10000050 12345650 12345250 12345750 \
	99999950 100000000 123456500 123457500 999999499 999999500 1000000000 \
	1234565000 1234575000 2147483648 4294967295; do add rto_min ${v}ms; done
for v in $(awk "BEGIN { srand(7); for (k = 0; k < 300; k++) printf \"%d \", \
	int(1000 * 10 ^ (rand() * 6.6)) }"); do add rto_min ${v}ms; done
for t in 1.005s 0.0015s 1.5 2.25ms 0x1.8p1s 0x.8s 1e3ms -0.0 .5s 1.23456789s \
	536870.911s 0.999ms 1.0000000000000001s 99999.9999s 1.5e-3s 123.456e1ms \
	1. +2.5s " 3.5s" 7.25sec 7.25msecs 1.5e 1.5e+ -1.5 -.0s 1.5x 0x1.8 inf.0 \
	nan.5 1e400.0 4294967.295 4294967.296 1e-400.5; do
	add rtt "$t"; add rttvar "$t"; add rto_min "$t"
done
for t in 4294967295 4294967296 99999999999 -1 -8 -1s -1ms 0x100000000 -0x1 \
	18446744073709551615 18446744073709551616 4294967295s 4294968s " -1" \
	-4294967296 4294967296.5 -0.5 9223372036854775807 9223372036854775808; do
	add rtt "$t"; add rttvar "$t"; add rto_min "$t"
done
ip route show; ip -j route show | head -c 3000'
}

# -N: tos as a number even where rt_dsfield has a name for it.
@test "route diff: -N prints a named tos as its number" {
	diff_ip_each 'ip link set lo up; ip route add 10.1.0.0/24 dev lo tos AF11; ip route add 10.2.0.0/24 dev lo tos 0x10' \
		'ip -N route' 'ip -N -j route' 'ip route' 'ip -N route show tos af11' 'ip -N route get 10.1.0.1 tos AF11'
}

# IPv6 text as glibc writes it (lib/libc/inet_ntop.c): "::" for the first
# longest zero run, a dotted tail for ::a.b.c.d and ::ffff:a.b.c.d only.
@test "route diff: IPv6 addresses written in glibc's notation" {
	diff_ip 'ip link set lo up; ip link add v0 type veth peer name v1; ip link set v0 up
ip -6 addr add ::1.2.3.4/128 dev v0 nodad
for d in ::ffff:1.2.3.4 ::ffff:0:1.2.3.4 ::1:0:0:0 1:0:0:2::3 1:0:0:2:0:0:0:3 0:0:1:: \
	1:0:1:0:1:0:1:0 ::0.0.0.2 ::1:1.2.3.4 a:b:c:d:e:f:1.2.3.4 ffff::ffff:0:0 \
	0:0:0:1:0:0:0:1 ::ffff:0.0.0.0 1::; do ip -6 route add $d/128 dev v0; done
ip -6 addr show dev v0; ip -6 route show dev v0; ip -6 -j route show dev v0'
}

# -echo: the route the kernel sends back, "Deleted " for a delete; iproute2
# complains "Not a route" when no copy comes (a change that changes
# nothing).  Not in JSON: iproute2 opens the route object twice there.
@test "route diff: -echo prints the routes the kernel sends back" {
	diff_ip_each "$SETUP" \
		'ip -echo route add 10.30.0.0/16 via 10.0.0.2' 'ip -echo route change 10.30.0.0/16 via 10.0.0.2' \
		'ip -echo route add 10.31.0.0/16 via 10.0.0.2 table 100 proto static metric 5 mtu lock 1300 realm 5' \
		'ip -echo -d route add 10.32.0.0/16 via 10.0.0.2 table 100' \
		'ip -echo -o route add 10.33.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3' \
		'ip -echo -N route add 10.34.0.0/16 via 10.0.0.2 proto static tos AF11' \
		'ip -echo route del 10.34.0.0/16 tos AF11' 'ip -echo -c=always route replace 10.30.0.0/16 via 10.0.0.3 metric 7' \
		'ip -echo -6 route add 2001:db8:30::/48 via 2001:db8::2' \
		'ip -echo -6 route add 2001:db8:31::/48 nexthop via 2001:db8::2 nexthop via 2001:db8::3' \
		'ip -echo -6 route del 2001:db8:31::/48' 'ip -echo route add local 10.35.0.1 dev v0 table local' \
		'ip -echo route add unreachable 10.36.0.0/16' 'ip -echo route prepend 10.37.0.0/16 dev v0' \
		'ip -echo route append 10.37.0.0/16 dev v0' 'ip -echo route del 10.99.0.0/16' \
		'ip -echo route get 10.30.1.1' 'ip -echo route flush table 100' 'ip -echo route show table 100'
}

# MPLS labels (-f mpls routes, "via mpls") and link-layer addresses
# ("via link"): the same requests as the reference, which this kernel
# refuses the same way (no MPLS here; RTA_VIA only for IPv4 routes).
@test "route diff: MPLS labels and via link, parsed and sent as the reference does" {
	diff_ip_each "$SETUP" \
		'ip -f mpls route add 100 via inet 10.0.0.2 dev v0' 'ip -M route add 101/20 via inet 10.0.0.2 dev v0' \
		'ip -M route add 102/21 via inet 10.0.0.2' 'ip -M route add 1048576 via inet 10.0.0.2' \
		'ip -M route add default via inet 10.0.0.2' 'ip -M route get 100' 'ip -M route del 100' \
		'ip route add 10.70.0.0/16 via mpls 100/200 dev v0' 'ip route add 10.71.0.0/16 via mpls x dev v0' \
		'ip route add 10.72.0.0/16 via mpls 1/2/3/4 dev v0' 'ip route add 10.73.0.0/16 via link 02:00:00:00:00:01 dev v0' \
		'ip route add 10.74.0.0/16 via link zz dev v0' 'ip route add 10.75.0.0/16 nexthop via link 1.2.3.4 dev v0' \
		'ip -6 route add 2001:db8:70::/48 via link 02:00:00:00:00:01 dev v0' 'ip route show via mpls 100' \
		'ip route show via link 02:00:00:00:00:01' 'ip -0 route add 10.76.0.0/16 via 10.0.0.2'
	REQ_TYPES='24 25 26' diff_requests "$SETUP" \
		'-f mpls route add 100 via inet 10.0.0.2 dev v0' '-M route add 101/20 via inet 10.0.0.2 dev v0' \
		'-M route del 200' 'route add 10.70.0.0/16 via mpls 100/200 dev v0' \
		'route add 10.73.0.0/16 via link 02:00:00:00:00:01 dev v0' \
		'route add 10.75.0.0/16 nexthop via mpls 7 dev v0 nexthop via link 2:0:0:0:0:1 dev v0' '-M route add 300 via inet 10.0.0.2 dev v0 table 5 metric 7 proto static'
}
