#!/usr/bin/env bats
# ip link show: golden texts and differential comparison with the reference.

load helpers

setup() { need_root; }

@test "link show lo: exact text" {
	run sandbox ip link show lo
	[ "$status" -eq 0 ]
	[ "$output" = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00" ]
}

@test "link show -j -p lo: exact JSON" {
	run sandbox ip -j -p link show lo
	[ "$status" -eq 0 ]
	[ "$output" = '[ {
        "ifindex": 1,
        "ifname": "lo",
        "flags": [ "LOOPBACK" ],
        "mtu": 65536,
        "qdisc": "noop",
        "operstate": "DOWN",
        "linkmode": "DEFAULT",
        "group": "default",
        "txqlen": 1000,
        "link_type": "loopback",
        "address": "00:00:00:00:00:00",
        "broadcast": "00:00:00:00:00:00"
    } ]' ]
}

@test "link show missing device: message and exit 1" {
	run sandbox ip link show nope
	[ "$status" -eq 1 ]
	[ "$output" = 'Device "nope" does not exist.' ]
}

@test "link show: every mode matches the reference" {
	diff_ip_each 'ip link add v0 type veth peer name v1; ip link add br0 type bridge
ip link set v0 master br0; ip link set lo up; ip link set v0 up; ip link set br0 up' \
		'ip link' 'ip link show' 'ip l' 'ip li sh' 'ip link list' 'ip link lst' \
		'ip -o link' 'ip -br link' 'ip -j link' 'ip -j -p link' \
		'ip -c=always link' 'ip -br -c=always link' 'ip -c=never link' \
		'ip link show dev v0' 'ip link show v1' 'ip link show up' \
		'ip link show type veth' 'ip link show type bridge' 'ip -j link show type ifb' \
		'ip link show nope' 'ip -j link show nope'
}
