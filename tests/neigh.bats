#!/usr/bin/env bats
# ip neigh against the reference: the same scripts run with our ip and with
# iproute2 in fresh sandboxes; stdout, stderr and exit codes must be equal.
#
# Neighbour tables are hashed with a seed of each namespace, so a listing of
# several entries comes in another order in the other sandbox: `s CMD`
# sorts what CMD prints (its exit code is kept), `js CMD` sorts the
# elements of a JSON listing.  Both hide the probe count of the two
# entries the pings resolved (4 or 5 solicitations, as timing has it).
# Listings of one entry are compared as they are, byte for byte.  `u CMD` keeps only the first line of a usage text:
# ours describes what we take, in the reference's layout, not its words.

load helpers

setup() { need_root; need_ref; }

# v0 (here) and v1 (namespace "peer") are a veth pair with IPv4 and IPv6;
# 10.0.0.2 and 2001:db8::2 are learned by pinging them (the peer forwards
# IPv6, so its advertisement makes 2001:db8::2 a router), the rest are
# static entries in every state, a proxy, and entries with flags.  No
# link-local addresses: their multicast entries would carry random bits.
# States must not move while the scripts run (slowly, under ASan): an hour
# before REACHABLE turns STALE, a minute between probes of a resolution
# (once the pings have resolved their addresses), and the peer does not
# probe us back (an hour's delay) and so refill what a flush emptied.
# No FAILED entry is listed: the kernel's table-wide garbage collection
# (every 15 s, whatever the namespace) removes them at any moment.
# A proxy entry without a device outlives its namespace in the kernel (it
# is not tied to any link that goes away) and shows up in a later namespace
# that gets the same address: every script deletes its own on the way out.
SETUP='trap "for a in 10.0.0.20 10.0.0.40 10.0.0.46; do ip neigh del proxy \$a; done 2>/dev/null" EXIT
echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode
ip link set lo up
ip netns add peer
ip netns exec peer sh -c "echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode"
ip link add v0 type veth peer name v1 netns peer
for f in ipv4 ipv6; do echo 3600000 >/proc/sys/net/$f/neigh/v0/base_reachable_time_ms; done
ip netns exec peer sh -c "for f in ipv4 ipv6; do echo 3600 >/proc/sys/net/\$f/neigh/v1/delay_first_probe_time; done; echo 1 >/proc/sys/net/ipv6/conf/all/forwarding"
ip link set v0 up; ip -n peer link set v1 up; ip -n peer link set lo up
ip addr add 10.0.0.1/24 dev v0; ip -n peer addr add 10.0.0.2/24 dev v1
ip addr add 2001:db8::1/64 dev v0 nodad; ip -n peer addr add 2001:db8::2/64 dev v1 nodad
ping -c1 -W2 10.0.0.2 >/dev/null; ping -6 -c1 -W2 2001:db8::2 >/dev/null
for f in ipv4 ipv6; do echo 60000 >/proc/sys/net/$f/neigh/v0/retrans_time_ms; done
ip neigh add 10.0.0.5 lladdr 00:11:22:33:44:55 dev v0
ip neigh add 10.0.0.6 lladdr 00:11:22:33:44:56 dev v0 nud reachable
ip neigh add 10.0.0.7 lladdr 00:11:22:33:44:57 dev v0 nud stale router
ip neigh add 10.0.0.8 dev v0 nud noarp lladdr 1:2:3:4:5:6
ip neigh add 10.0.0.10 dev v0 nud incomplete
ip neigh add 10.0.0.12 dev v0 lladdr 0:0:0:0:0:1 extern_learn
ip neigh add 10.0.0.13 dev v0 nud none
ip neigh add 10.0.0.14 dev v0 lladdr 0:0:0:0:0:2 protocol static
ip neigh add 10.0.0.15 dev v0 lladdr 0:0:0:0:0:3 protocol 99 nud stale
ip neigh add 10.0.0.16 dev v0 lladdr 0:0:0:0:0:4 router extern_learn nud stale
ip neigh add proxy 10.0.0.9 dev v0
ip neigh add proxy 10.0.0.20
ip neigh add proxy 2001:db8::9 dev v0
ip neigh add 2001:db8::5 lladdr 00:11:22:33:44:55 dev v0 router
ip neigh add 2001:db8::6 lladdr 00:11:22:33:44:66 dev v0 nud stale
for i in $(seq 30); do ip neigh show nud noarp | grep -q ff02::16 && break; sleep 0.1; done
s() { "$@" >/run/neigh.out; r=$?; sed -E "/(^|m)(10[.]0[.]0[.]2|2001:db8::2) /s/probes [0-9]+/probes P/" /run/neigh.out | sort; return $r; }
js() { "$@" >/run/neigh.out; r=$?; python3 -c "
import json, sys
d = json.load(sys.stdin)
for e in d:
    if e.get(\"dst\") in (\"10.0.0.2\", \"2001:db8::2\") and \"probes\" in e:
        e[\"probes\"] = \"P\"
print(json.dumps(sorted(d, key=json.dumps)))" </run/neigh.out; return $r; }
u() { "$@" 2>/run/u.err; r=$?; head -1 /run/u.err >&2; return $r; }'

@test "neigh diff: listings in every output mode" {
	diff_ip_each "$SETUP" \
		's ip neigh' \
		's ip neighbour' \
		's ip neighbor show' \
		's ip n' \
		's ip ne list' \
		's ip neigh lst' \
		's ip -s neigh' \
		's ip -s -s neigh' \
		's ip -d neigh' \
		's ip -d -s neigh show nud all' \
		's ip -o neigh' \
		's ip -o -s neigh' \
		's ip -br neigh' \
		's ip -br neigh show nud all dev v0' \
		's ip -br neigh show proxy' \
		's ip -br -s neigh' \
		's ip -c=always neigh' \
		's ip -c=always -s neigh' \
		's ip -c=always -br neigh' \
		's ip -N neigh' \
		's ip -r neigh' \
		's ip -4 neigh' \
		's ip -6 neigh' \
		's ip -f inet6 neigh show nud all' \
		's ip -0 neigh' \
		's ip -M neigh' \
		's ip -t neigh' \
		's ip -n peer neigh' \
		's ip -n peer -s neigh show nud all' \
		'js ip -j neigh' \
		'js ip -j -s neigh show nud all' \
		'js ip -j neigh show proxy' \
		'js ip -br -j neigh' \
		'ip -j neigh show to 10.0.0.5' \
		'ip -j -p neigh show to 10.0.0.7' \
		'ip -j -p -s neigh show to 10.0.0.16' \
		'ip -j -s -s neigh show to 10.0.0.15' \
		'ip -j neigh show to 10.0.0.13 nud none' \
		'ip -j -p neigh show proxy to 10.0.0.9' \
		'ip -br -j -p neigh show proxy to 10.0.0.20' \
		'ip -br -j neigh show to 10.0.0.5 dev v0' \
		'ip -c=always -j neigh show to 10.0.0.5' \
		'ip -j neigh show 10.0.0.2' \
		'js ip -j -s neigh show 2001:db8::2'
}

@test "neigh diff: show selectors" {
	diff_ip_each "$SETUP" \
		's ip neigh show nud all' \
		's ip neigh show nud none' \
		's ip neigh show nud noarp' \
		's ip neigh show nud permanent' \
		's ip neigh show nud perm' \
		's ip neigh show nud p' \
		's ip neigh show nud reachable nud stale' \
		's ip neigh show nud all nud stale' \
		's ip neigh show nud stale nud all' \
		's ip neigh show nud 0x80' \
		's ip neigh show nud 4' \
		's ip neigh show nud 0' \
		's ip neigh show nud incomplete' \
		's ip neigh show nud failed' \
		's ip neigh show nud f' \
		's ip neigh show nud r' \
		's ip neigh show nud delay' \
		's ip neigh show nud probe' \
		's ip neigh show proxy' \
		's ip -6 neigh show proxy' \
		's ip -4 neigh show proxy' \
		's ip neigh show proxy nud all' \
		's ip neigh show proxy dev v0' \
		's ip neigh show dev v0' \
		's ip neigh show dev v0 nud all' \
		's ip neigh show dev lo nud all' \
		's ip neigh show dev if1 nud all' \
		's ip neigh show to 10.0.0.0/28' \
		's ip neigh show 10/8' \
		's ip neigh show 10.0.0.5' \
		's ip neigh show to 10.0.0.5/32 to 10.0.0.6' \
		's ip neigh show all' \
		's ip neigh show default' \
		's ip neigh show any' \
		's ip neigh show to 2001:db8::/64 nud all' \
		's ip neigh show 2001:db8::4/127' \
		's ip -6 neigh show to 2001:db8::/32' \
		's ip -4 neigh show all' \
		's ip neigh show unused' \
		's ip neigh show unused nud all' \
		's ip neigh show nomaster' \
		's ip neigh show master v0' \
		's ip neigh show protocol static' \
		's ip neigh show protocol 99' \
		's ip neigh show pro openr' \
		's ip -N neigh show protocol 99' \
		's ip neigh show protocol 0' \
		's ip neigh show dev v0 to 10.0.0.0/29 nud all'
}

# Entries on a bridge, on one of its ports and on a link with no master;
# -f bridge lists the forwarding entries of the bridge and of a vxlan (with
# the remote address as "dst", and both NOARP and PERMANENT).  Fixed MACs: sorted
# listings must come out in the same order in both sandboxes.
BRIDGE='echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode
ip link set lo up
ip link add br0 address 02:00:00:00:0b:01 type bridge
ip link add v2 address 02:00:00:00:0b:02 type veth peer name v3 address 02:00:00:00:0b:03
ip link set v2 master br0; ip link set br0 up; ip link set v2 up; ip link set v3 up
ip addr add 10.9.0.1/24 dev br0
ip neigh add 10.9.0.5 lladdr 0:0:0:0:9:5 dev br0
ip neigh add 10.9.0.6 lladdr 0:0:0:0:9:6 dev v2 nud stale
ip neigh add 10.9.0.7 lladdr 0:0:0:0:9:7 dev v3 nud reachable
ip neigh add 10.9.0.8 lladdr 0:0:0:0:9:8 dev v2 nud reachable
ip link add vx0 address 02:00:00:00:0c:01 type vxlan id 42 dstport 4789 local 10.9.0.1
ip link set vx0 up
bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.9.0.9
bridge fdb add 02:00:00:00:0c:0a dev vx0 dst 10.9.0.11 vni 7 port 4790
s() { "$@" >/run/neigh.out; r=$?; sort /run/neigh.out; return $r; }
js() { "$@" >/run/neigh.out; r=$?; python3 -c "import json,sys; print(json.dumps(sorted(json.load(sys.stdin), key=json.dumps)))" </run/neigh.out; return $r; }'

@test "neigh diff: master, nomaster and -f bridge" {
	diff_ip_each "$BRIDGE" \
		's ip neigh show master br0' \
		's ip neigh show nomaster' \
		's ip -j neigh show master br0 to 10.9.0.6' \
		's ip neigh show master v2' \
		's ip neigh show master br0 nomaster' \
		's ip neigh show nomaster master br0' \
		'ip neigh show vrf br0' \
		's ip -f bridge neigh' \
		's ip -d -f bridge neigh show nud all' \
		's ip -br -f bridge neigh' \
		'ip -j -f bridge neigh show dev v2' \
		's ip -f bridge neigh show dev vx0' \
		'js ip -j -f bridge neigh show dev vx0' \
		's ip -c=always -br -f bridge neigh show dev vx0' \
		's ip -s neigh flush master br0' \
		's ip neigh show nud all' \
		's ip -s neigh flush nomaster' \
		's ip neigh show nud all'
}

# -r names addresses from /etc/hosts (a private copy in the sandbox).
@test "neigh diff: -r names neighbours from /etc/hosts" {
	diff_ip_each "$SETUP
printf '10.0.0.5 five.example five\n2001:db8::5 v6five\n10.0.0.9 proxied\n' >/run/hosts
mount --bind /run/hosts /etc/hosts" \
		's ip -r neigh' \
		'ip -r neigh show to 10.0.0.5' \
		'ip -r -j neigh show to 10.0.0.5' \
		'ip -r -br neigh show to 2001:db8::5' \
		'ip -r neigh show proxy to 10.0.0.9' \
		'ip -r neigh get 10.0.0.5 dev v0' \
		'ip -r -s -s neigh flush to 10.0.0.5 nud permanent'
}

# No VRF here: this runs in the QEMU lane (Debian's kernel).
@test "neigh diff: vrf NAME" {
	need_kind "vrf table 10"
	diff_ip_each "$SETUP
ip link add blue type vrf table 10; ip link set blue up; ip link set v0 master blue" \
		's ip neigh show vrf blue' \
		's ip neigh show master blue' \
		's ip neigh show nomaster' \
		'ip neigh show vrf v0' \
		's ip -s neigh flush vrf blue' \
		's ip neigh show nud all'
}

# Entries on 40 links: past the lookups our link cache answers one by one,
# the names come from one link dump made while the neighbour dump is read.
@test "neigh diff: entries on many links" {
	diff_ip_each 'i=0; while [ $i -lt 40 ]; do
	echo "link add a$i type veth peer name b$i"
	echo "neigh add 10.7.$i.1 lladdr 2:0:0:0:7:$i dev a$i"
	echo "neigh add 10.7.$i.2 dev b$i nud incomplete"
	i=$((i + 1)); done >/run/many; ip -batch /run/many
s() { "$@" >/run/neigh.out; r=$?; sort /run/neigh.out; return $r; }' \
		's ip neigh show nud all' \
		's ip -br neigh' \
		's ip -s -s neigh flush dev b7 nud all' \
		's ip -s neigh flush 10.7.0.0/16' \
		's ip neigh show nud all'
}

@test "neigh diff: get" {
	diff_ip_each "$SETUP" \
		'ip neigh get 10.0.0.5 dev v0' \
		'ip neigh g 10.0.0.7 dev v0' \
		'ip -s neigh get 10.0.0.5 dev v0' \
		'ip -s -s neigh get 2001:db8::5 dev v0' \
		'ip -d neigh get 2001:db8::5 dev v0' \
		'ip neigh get to 10.0.0.6 dev v0' \
		'ip neigh get 10.0.0.13 dev v0' \
		'ip neigh get 10.0.0.8 dev v0' \
		'ip neigh get 10.0.0.2 dev v0' \
		'ip neigh get proxy 10.0.0.9 dev v0' \
		'ip neigh get p 10.0.0.20 dev v0' \
		'ip neigh get proxy 2001:db8::9 dev v0' \
		'ip neigh get 10.0.0.5 dev v0 dev lo' \
		'ip neigh get 10.0.0.5 dev lo dev v0' \
		'ip neigh get 10.0.0.99 dev v0' \
		'ip neigh get proxy 10.0.0.99 dev v0' \
		'ip neigh get 2001:db8::99 dev v0' \
		'ip -c=always neigh get 10.0.0.5 dev v0' \
		'ip -br neigh get 10.0.0.5 dev v0' \
		'ip -o -s neigh get 10.0.0.7 dev v0' \
		'ip -r neigh get 10.0.0.6 dev v0' \
		'ip -n peer neigh get 10.0.0.1 dev v1' \
		'ip -N neigh get 10.0.0.15 dev v0' \
		'ip -0 neigh get 10.0.0.30 dev v0' \
		'ip -4 neigh get 10.0.0.5 dev if2' \
		'ip neigh get' \
		'ip neigh get 10.0.0.5' \
		'ip neigh get dev v0' \
		'ip neigh get 10.0.0.5 dev nope' \
		'ip neigh get 10.0.0.5 10.0.0.6 dev v0' \
		'ip neigh get bogus dev v0' \
		'ip neigh get 10.0.0.5 dev v0 foo' \
		'ip neigh get 10.0.0.5 dev v0 proxy' \
		'ip neigh get 10.0.0.5 dev' \
		'ip neigh get proxy 10.0.0.24 proxy 10.0.0.25 dev v0' \
		'ip neigh get 10.0.0.24 proxy 10.0.0.25 dev v0' \
		'ip neigh get 10.0.0.24 de v0' \
		'ip neigh get 10.0.0.0/24 dev v0' \
		'ip neigh get default dev v0' \
		'ip -6 neigh get 10.0.0.5 dev v0' \
		'u ip neigh get help' \
		'u ip neigh get proxy help' \
		'u ip neigh get to help'
}

# A state given with nud (delay, probe) moves on at the kernel's next timer
# tick (delay becomes probe, a probe is sent and counted): each listing
# waits 0.2 s so that a fast run does not list the entries before it.
@test "neigh diff: add, change, replace and delete, and what they leave" {
	diff_ip_each "$SETUP" \
		'ip neigh add 10.0.0.30 lladdr 0:1:2:3:4:5 dev v0' \
		'ip neigh add 10.0.0.30 lladdr 0:1:2:3:4:5 dev v0' \
		'ip neigh a 10.0.0.31 l 0:1:2:3:4:6 dev v0 nud stale' \
		'ip neigh add 10.0.0.32 ll 0:1:2:3:4:6 dev v0 nud perm ext' \
		'ip neigh add to 10.0.0.33 lladdr 1:2:3:4:5:6 dev v0 protocol boot nud reachable' \
		'ip neigh add 10.0.0.34 lladdr 1:2:3:4:5:6:7:8:9 dev v0' \
		'ip neigh add 10.0.0.35 lladdr 0x1:0xa:b:c:d:e dev v0 nud 0x2' \
		'ip neigh add 10.0.0.36 dev v0 managed' \
		'ip neigh add 10.0.0.37 dev v0 use' \
		'ip neigh add 10.0.0.38 dev v0 lladdr 1:2:3:4:5:6 nud noarp router' \
		'ip neigh add help 10.0.0.39 dev v0 lladdr 1:2:3:4:5:6' \
		'ip neigh add 10.0.0.40 dev v0 nud none' \
		'ip neigh add 10.0.0.41 dev v0 lladdr 1:2:3:4:5:6 nud delay' \
		'ip neigh add 10.0.0.42 dev v0 lladdr 1:2:3:4:5:6 nud probe' \
		'ip neigh add 10.0.0.43 dev v0 lladdr 1:2:3:4:5:6 protocol 0xff' \
		'ip neigh add 2001:db8::30 dev v0 lladdr 1:2:3:4:5:6 nud stale router' \
		'ip -6 neigh add 2001:db8::31 dev v0 lladdr 1:2:3:4:5:6' \
		'ip -4 neigh add 10.0.0.44 dev v0 lladdr 1:2:3:4:5:6' \
		'ip neigh add proxy 10.0.0.45 dev v0' \
		'ip neigh add proxy 10.0.0.46' \
		'ip neigh add p 2001:db8::46 dev v0 router' \
		'ip neigh add 10.0.0.47 lladdr 1:2:3:4:5:6 dev if2' \
		'sleep 0.2' \
		's ip -s neigh show nud all' \
		's ip neigh show proxy' \
		'ip neigh change 10.0.0.30 dev v0 lladdr 0:1:2:3:4:7 nud reachable' \
		'ip neigh chg 10.0.0.31 dev v0 lladdr 0:1:2:3:4:8' \
		'ip neigh c 10.0.0.32 dev v0 lladdr 0:1:2:3:4:9' \
		'ip neigh change 10.0.0.99 dev v0 lladdr 1:2:3:4:5:6' \
		'ip neigh replace 10.0.0.30 dev v0 lladdr 0:1:2:3:4:a nud stale' \
		'ip neigh replace 10.0.0.50 dev v0 lladdr 0:1:2:3:4:b' \
		'ip neigh r 10.0.0.51 dev v0 lladdr 0:1:2:3:4:c' \
		'ip neigh replace 10.0.0.52 dev v0 lladdr null nud incomplete' \
		'sleep 0.2' \
		's ip neigh show nud all' \
		'ip neigh del 10.0.0.30 dev v0' \
		'ip neigh delete 10.0.0.30 dev v0' \
		'ip neigh d 10.0.0.31 dev v0 lladdr 1:1:1:1:1:1 nud stale' \
		'ip neigh del proxy 10.0.0.45 dev v0' \
		'ip neigh del proxy 10.0.0.46' \
		'ip neigh del proxy 10.0.0.46' \
		'ip neigh del 2001:db8::30 dev v0' \
		'sleep 0.2' \
		's ip neigh show nud all' \
		's ip neigh show proxy' \
		'ip -echo neigh add 10.0.0.60 lladdr 00:11:22:33:44:56 dev v0' \
		'ip -echo -j neigh del 10.0.0.60 dev v0'
}

@test "neigh diff: every error of add, change, replace and delete" {
	diff_ip_each "$SETUP" \
		'ip neigh add 10.0.0.70' \
		'ip neigh add 10.0.0.70 dev v0' \
		'ip neigh add dev v0' \
		'ip neigh add 10.0.0.70 dev nope' \
		'ip neigh add 10.0.0.70 dev v0 nud bogus' \
		'ip neigh add 10.0.0.70 dev v0 nud NOARP' \
		'ip neigh add 10.0.0.70 dev v0 nud n' \
		'ip neigh add 10.0.0.70 dev v0 nud 3' \
		'ip neigh add 10.0.0.70 dev v0 nud 256' \
		'ip neigh add 10.0.0.70 dev v0 nud -1' \
		'ip neigh add 10.0.0.70 dev v0 nud' \
		'ip neigh add 10.0.0.70 dev v0 lladdr' \
		'ip neigh add 10.0.0.70 dev' \
		'ip neigh add 10.0.0.70 dev v0 lladdr zz' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 1:2:300' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 1' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 10.1.2.3' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 10.1.2.x' \
		'ip neigh add 10.0.0.70 dev v0 lladdr null' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 1:2 lladdr 3:4' \
		'ip neigh add 10.0.0.70 lladdr zz dev nope' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev nope nud bogus' \
		'ip neigh add 10.0.0.70 10.0.0.71 dev v0' \
		'ip neigh add to 10.0.0.70 to 10.0.0.71 dev v0' \
		'ip neigh add 10.0.0.70 dev v0 to' \
		'ip neigh add bogus dev v0' \
		'ip neigh add default dev v0' \
		'ip neigh add 10.0.0.0/24 dev v0' \
		'ip neigh add 10.0.0.70 dev v0 protocol bogus' \
		'ip neigh add 10.0.0.70 dev v0 protocol 256' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 n perm' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 r' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 de v0' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 pro 4' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 p 10.0.0.71' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 u' \
		'ip neigh add 10.0.0.70 lladdr 1:2:3:4:5:6 dev v0 man' \
		'ip neigh add proxy dev v0' \
		'ip neigh add proxy' \
		'ip neigh add proxy 10.0.0.70 10.0.0.71 dev v0' \
		'u ip neigh add proxy help' \
		'ip neigh add help' \
		'ip neigh add 10.0.0.70 dev v0 lladdr 1:2:3:4:5:6 h' \
		'ip neigh add 10.0.0.5 dev v0 lladdr 1:2:3:4:5:6' \
		'ip neigh add 10.0.0.70 dev lo lladdr 1:2:3:4:5:6' \
		'ip -4 neigh add 2001:db8::9 dev v0' \
		'ip -6 neigh add 10.0.0.40 dev v0' \
		'ip -0 neigh add 10.0.0.30 dev v0' \
		'ip -f bridge neigh add 10.0.0.31 dev v0' \
		'ip -M neigh add 10.0.0.31 dev v0' \
		'ip neigh del 10.0.0.99 dev v0' \
		'ip neigh del 10.0.0.17' \
		'ip neigh del 10.0.0.17 dev v0 lladdr zz' \
		'ip neigh del proxy 10.0.0.24 dev v0' \
		'ip neigh del help' \
		'ip neigh replace 10.0.0.70 dev v0' \
		'ip neigh change 10.0.0.70 dev v0 lladdr 1:2:3:4:5:6' \
		'ip neigh foo' \
		'ip neigh chgx 10.0.0.5 dev v0' \
		'u ip neigh help' \
		'u ip neigh h' \
		'ip neighbors' \
		's ip neigh show nud all'
}

@test "neigh diff: every error of show and flush" {
	diff_ip_each "$SETUP" \
		'ip neigh show dev nope' \
		'ip neigh show nud bogus' \
		'ip neigh show nud 3' \
		'ip neigh show nud s' \
		'ip neigh show nud' \
		'ip neigh show nud none nud' \
		'ip neigh show to bogus' \
		'ip neigh show to' \
		'ip neigh show master nope' \
		'ip neigh show master' \
		'ip neigh show vrf nope' \
		'ip neigh show vrf v0' \
		'ip neigh show vrf' \
		'ip neigh show dev v0 dev v0' \
		'ip neigh show dev' \
		'ip neigh show d v0' \
		'ip neigh show nu all' \
		'ip neigh show un' \
		'ip neigh show prox' \
		'ip neigh show mas v0' \
		'ip neigh show protocol bogus' \
		'ip neigh show protocol' \
		'ip -6 neigh show to 10.0.0.0/8' \
		'ip -4 neigh show to 2001::/16' \
		'ip -0 neigh show 10.0.0.0/8' \
		'ip neigh show 10.0.0.0/33' \
		'u ip neigh show help' \
		'u ip neigh show to help' \
		'ip neigh flush' \
		'ip neigh f' \
		'u ip neigh flush help' \
		'ip neigh flush dev nope' \
		'ip neigh flush nud bogus' \
		'ip neigh flush to bogus' \
		'ip neigh flush dev'
}

@test "neigh diff: flush, with -s and -s -s" {
	diff_ip_each "$SETUP
add() { for i in \$(seq 1 \$1); do echo \"neigh add 10.0.1.\$i dev v0 lladdr 0:0:0:0:1:\$(printf %x \$i) nud \$2\"; done >/run/b.txt; ip -batch /run/b.txt; }
ip addr add 10.0.1.254/24 dev v0" \
		's ip -s neigh flush dev v0' \
		's ip neigh show nud all' \
		'add 5 stale' \
		'ip neigh flush dev v0' \
		's ip neigh show nud all dev v0' \
		'add 5 stale' \
		's ip -s -s neigh flush dev v0' \
		's ip -s neigh flush dev v0' \
		's ip -s -s neigh flush dev v0' \
		'add 5 reachable' \
		's ip -j -s -s neigh flush dev v0' \
		'add 3 reachable' \
		's ip -s -s -o neigh flush to 10.0.1.0/30' \
		's ip -s neigh flush all' \
		's ip -s neigh flush nud permanent' \
		's ip -s neigh flush nud all' \
		's ip neigh show nud all' \
		'add 200 reachable' \
		's ip -s neigh flush to 10.0.1.0/24' \
		'add 50 stale' \
		's ip -s neigh flush 10.0.1.0/28 dev v0' \
		's ip -s neigh flush unused nud permanent' \
		's ip -s neigh show nud all' \
		'ip neigh add proxy 10.0.0.30 dev v0' \
		's ip -s neigh flush proxy' \
		's ip neigh show proxy' \
		's ip -s neigh flush nud all proxy' \
		's ip -s -s -4 neigh flush nud noarp' \
		's ip -4 neigh show nud all'
}

@test "neigh diff: -batch, with its errors" {
	diff_ip "$SETUP
cat >/run/batch <<EOF
neigh add 10.0.2.1 dev v0 lladdr 1:2:3:4:5:6
neighbour add 10.0.2.2 dev v0 lladdr 1:2:3:4:5:7 nud stale
n replace 10.0.2.1 dev v0 lladdr 1:2:3:4:5:8
neigh show to 10.0.2.1
neigh get 10.0.2.2 dev v0
neigh del 10.0.2.2 dev v0
neigh show 10.0.2.0/24
neigh del 10.0.2.2 dev v0
neigh show to 10.0.2.1
EOF
ip -batch /run/batch; echo rc=\$?
ip -force -batch /run/batch; echo rc=\$?
printf 'neigh show to 10.0.0.5\nneigh add 10.0.2.9 dev v0 nud bogus\nneigh show to 10.0.0.5\n' | ip -batch -; echo rc=\$?
printf 'neigh flush\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh get 10.0.0.99 dev v0\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh show dev nope\nneigh show to 10.0.0.5\n' | ip -batch -; echo rc=\$?
printf 'neigh show to bogus\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh add bogus dev v0\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh get bogus dev v0\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh add 10.0.2.7 dev v0\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh add 10.0.2.7 lladdr zz dev v0\nneigh add 10.0.2.7 dev nope\nneigh add 10.0.2.7\nneigh show to 10.0.0.5\n' | ip -force -batch -; echo rc=\$?
printf 'neigh add 10.0.2.7 dev v0 lladdr 1:2:3:4:5:6\nneigh show to 10.0.2.7\nneigh flush dev v0 to 10.0.2.7 nud all\nneigh show to 10.0.2.7\n' | ip -batch -; echo rc=\$?"
}

# The requests: the same bytes as the reference's for every add, change,
# delete and get (types 28 RTM_NEWNEIGH, 29 RTM_DELNEIGH, 30 RTM_GETNEIGH).
@test "neigh diff: the requests sent" {
	REQ_TYPES="28 29 30" diff_requests "$SETUP" \
		'neigh add 10.0.0.30 lladdr 0:1:2:3:4:5 dev v0' \
		'neigh add 10.0.0.31 lladdr 0:1:2:3:4:5 dev v0 nud stale router extern_learn protocol 7' \
		'neigh replace 10.0.0.32 dev v0 lladdr 1:2:3:4:5:6:7:8 managed use' \
		'neigh change 10.0.0.30 dev v0 lladdr null nud reachable' \
		'neigh replace 10.0.0.52 dev v0 nud failed' \
		'neigh add proxy 2001:db8::40 dev v0' \
		'neigh add proxy 10.0.0.40' \
		'neigh del 10.0.0.30 dev v0' \
		'neigh del proxy 10.0.0.40' \
		'neigh get 10.0.0.5 dev v0' \
		'neigh get proxy 2001:db8::9 dev v0' \
		'neigh show' \
		'neigh show dev v0 proxy' \
		'-6 neigh show master v0' \
		'neigh show nomaster' \
		'neigh show to 10.0.0.0/8'
}

# Golden: exact text, so the suite means something without the reference.
@test "neigh: a permanent entry, the help text and the state names (golden)" {
	run sandbox sh -c 'ip link add v0 type veth peer name v1 &&
		ip neigh add 192.0.2.7 lladdr 02:00:00:00:00:07 dev v0 router &&
		ip neigh add 192.0.2.8 dev v0 nud none &&
		ip neigh show dev v0 nud all to 192.0.2.7 &&
		ip neigh show nud none &&
		ip -j neigh show to 192.0.2.7 &&
		ip -br neigh show 192.0.2.7 &&
		ip -s neigh show 192.0.2.7 | sed "s/used [0-9]*\/[0-9]*\/[0-9]*/used T/" &&
		ip -j neigh get 192.0.2.7 dev v0 &&
		ip -s neigh flush dev v0 nud all &&
		ip -s neigh flush dev v0 nud all'
	[ "$status" -eq 0 ]
	[ "$output" = '192.0.2.7 lladdr 02:00:00:00:00:07 router PERMANENT 
192.0.2.8 dev v0 
[{"dst":"192.0.2.7","dev":"v0","lladdr":"02:00:00:00:00:07","router":null,"state":["PERMANENT"]}]
192.0.2.7                               v0               02:00:00:00:00:07
192.0.2.7 dev v0 lladdr 02:00:00:00:00:07 router  used Tprobes 0 PERMANENT 
[{"dst":"192.0.2.7","dev":"v0","lladdr":"02:00:00:00:00:07","router":null,"state":["PERMANENT"]}]

*** Round 1, deleting 2 entries ***
*** Flush is complete after 1 round ***
Nothing to flush.' ]
	run sandbox ip neigh help
	[ "$status" -eq 255 ]
	[[ "${lines[0]}" == "Usage: ip neigh { add | del | change | replace }" ]]
	[[ "$output" == *"STATE := { delay | failed | incomplete | noarp | none |"* ]]
	run sandbox ip neigh show nud s
	[ "$status" -eq 255 ]
	[ "$output" = 'Error: argument "s" is wrong: nud state is bad' ]
}
