#!/usr/bin/env bats
# ip nexthop: differential tests against the reference, golden texts, and
# the requests both send.

load helpers

SETUP='ip link add v0 type veth peer name v1
ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad'

@test "nexthop: add single nexthops and list them in every mode" {
	diff_ip_each "$SETUP" \
		'ip nexthop add id 1 via 10.0.0.2 dev v0' \
		'ip nexthop add id 2 via 10.0.0.3 dev v0 proto static' \
		'ip nexthop add id 3 blackhole' \
		'ip nexthop add id 4 group 1,5/2' \
		'ip -6 nexthop add id 6 via 2001:db8::2 dev v0' \
		'ip nexthop add id 8 via 10.0.0.5 fdb' \
		'ip nexthop add id 9 group 8 fdb' \
		'ip nexthop add id 10 via 10.0.0.9 dev v0 onlink proto zebra' \
		'ip nexthop add id 11 dev v1' \
		'ip nexthop add id 12 via inet6 fe80::1 dev v0 protocol 200' \
		'ip nexthop add id 13 group 1/2/10 type mpath' \
		'ip nexthop' \
		'ip -d nexthop' \
		'ip -s nexthop' \
		'ip -j nexthop' \
		'ip -j -p nexthop' \
		'ip -j -d nexthop' \
		'ip -o nexthop' \
		'ip -c nexthop' \
		'ip -c -d nexthop' \
		'ip -N nexthop' \
		'ip -N -d nexthop' \
		'ip -4 nexthop' \
		'ip -6 nexthop' \
		'ip -6 -j nexthop show' \
		'ip nexthop show groups' \
		'ip nexthop show fdb' \
		'ip nexthop show dev v0' \
		'ip nexthop show dev v1' \
		'ip nexthop show protocol 4' \
		'ip nexthop show proto 11' \
		'ip nexthop show protocol 300' \
		'ip nexthop list id 4' \
		'ip nexthop lst' \
		'ip nexthop s' \
		'ip nexthop l groups dev v0' \
		'ip nexthop get id 1' \
		'ip -j nexthop get id 4' \
		'ip -6 nexthop get id 1' \
		'ip -d -j -p nexthop get id 9' \
		'ip nexthop show id 12 dev nope' \
		'ip nex' \
		'ip next ls' \
		'ip nexthop del id 4' \
		'ip nexthop d id 13' \
		'ip nexthop' \
		'ip nexthop replace id 1 via 10.0.0.7 dev v0' \
		'ip nexthop r id 40 blackhole' \
		'ip nexthop a id 41 blackhole prot static' \
		'ip nexthop' \
		'ip nexthop flush dev v0' \
		'ip nexthop' \
		'ip nexthop flush' \
		'ip nexthop' \
		'ip nexthop flush'
}
