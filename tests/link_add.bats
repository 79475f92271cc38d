#!/usr/bin/env bats
# ip link add / set / delete: differential runs against the reference, error
# texts and exit codes, golden results.

load helpers

setup() { need_root; }

# Operational states change asynchronously: settle before showing them.
SETTLE='sleep 1.2'

@test "link add: veth pairs with options for both ends" {
	diff_ip_each 'true' \
		'ip link add v0 type veth peer name v1' \
		'ip link add v2 mtu 1400 address 02:00:00:00:00:02 txqlen 5 type veth peer name v3 mtu 1300 address 02:00:00:00:00:03 up' \
		'ip link add name v4 numtxqueues 3 numrxqueues 4 type veth peer v5 numtxqueues 2' \
		'ip link add v6 type veth' 'ip link add v7 index 40 type veth peer name v8 index 41' \
		'ip link add v9 broadcast ff:ff:ff:ff:ff:fe alias first group 3 type veth peer name v10 alias second' \
		"$SETTLE; ip -d link" 'ip -d -j link show v4' 'ip link show group 3' \
		'ip link add v0 type veth peer name v11' 'ip link add v12 type veth peer name v12' \
		'ip link add v13 type veth peer name v14 type x' 'ip link add v13 type veth foo >/dev/null' 'ip link add v13 type veth help 2>/dev/null | head -c 6' \
		'ip link add v13 type veth peer name v14 peer name v15' \
		'ip link add v13 type veth peer name 01234567890123456789'
}

@test "link add: other kinds and the errors around them" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link add ifb0 type ifb' 'ip link add ifb1 type ifb extra words' \
		'ip link add v2 type foo' 'ip link add v2 type foo bar' \
		'ip link add d0 type dummy' 'ip link add link lo vl0 type vlan id 5' \
		'ip link add vr0 type vrf table 10' 'ip link add b0 type bond mode 1' \
		'ip link add m0 link v0 type macvlan' 'ip link add m1 link nope type macvlan' \
		'ip link add m2 type macvlan' 'ip link ad ifb2 type ifb' 'ip l a ifb3 ty ifb' \
		'ip link add ifb4 t ifb' 'ip link create ifb5 type ifb' \
		'ip link replace ifb0 type ifb' 'ip link replace ifb6 type ifb' \
		'ip -br link'
}

@test "link add: argument errors and their exit codes" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link add v2' 'ip link add' 'ip link add name v2 dev v3 type ifb' \
		'ip link add v2 mtu x type ifb' 'ip link add v2 mtu 5 mtu 6 type ifb' \
		'ip link add v2 address zz type ifb' 'ip link add v2 address 11:zz type ifb' \
		'ip link add v2 address 1.2.3.x type ifb' 'ip link add v2 broadcast q type ifb' \
		'ip link add 01234567890123456789 type ifb' \
		'ip link add name 01234567890123456789 type ifb' \
		'ip link add name a:b type ifb' 'ip link add name "a b" type ifb' \
		'ip link add "a b" type ifb' 'ip link add name a/b type ifb' \
		'ip link add v2 index 0 type ifb' 'ip link add v2 index 5 index 6 type ifb' \
		'ip link add v2 name v2 type ifb' 'ip link add v2 name v3 type ifb' \
		'ip link add v2 txqlen x type ifb' 'ip link add v2 numtxqueues x type ifb' \
		'ip link add v2 numrxqueues 1 numrxqueues 2 type ifb' \
		'ip link add v2 netns nope type ifb' 'ip link add v2 group x type ifb' \
		'ip link add v2 type' 'ip link add v2 mtu' 'ip link add v2 alias' \
		'ip link add v0 type ifb' 'ip link add lo type veth peer name v9' \
		'ip link add v2 mtu 10 type veth peer name v3' 'ip link xyz' 'ip link a'
}

@test "link set: every option against the reference" {
	diff_ip_each 'ip link add v0 type veth peer name v1
ip link add br0 address 02:00:00:00:00:b0 type bridge; ip link add vr0 type ifb' \
		'ip link set v0 master br0' 'ip link show master br0' \
		'ip link set v0 nomaster' 'ip link show master br0' \
		'ip link set v0 alias "hello there"' 'ip link set v0 mtu 1400 txqueuelen 50' \
		'ip link set v0 name v9' 'ip link show v9' 'ip link set v9 name v0' \
		'ip link set v0 address 02:00:00:00:00:01 broadcast ff:ff:ff:ff:ff:fe' \
		'ip link set v0 arp off multicast off allmulticast on promisc on dynamic on trailers off' \
		'ip link show v0' 'ip link set v0 arp on multicast on allmulticast off promisc off dynamic off trailers on' \
		'ip link set v0 txqueuelen 0' 'ip link set v0 mode dormant' 'ip link set v0 state dormant' \
		'ip link set v0 addrgenmode none' 'ip link set v0 addrgenmode random' \
		'ip link set v0 gso_max_size 30000 gso_max_segs 100 gro_max_size 40000' \
		'ip link set v0 group 7' 'ip link set v0 carrier off' 'ip link set v0 protodown on' \
		'ip link set v0 dyn on' 'ip link set v0 al foo' 'ip link set v0 nom' \
		'ip link set v0 ma br0' 'ip link set v0 vrf br0' 'ip link set v0 vrf nope' \
		'ip -d link show v0' 'ip link change v0 mtu 1300' 'ip link set vr0 link-netnsid 5' \
		'ip link set v0 up' 'ip link set dev v1 up' 'ip l s v1 down' 'ip link set vr0 up' \
		"$SETTLE; ip link show"
}

@test "link set: argument errors, unknown devices, kernel refusals" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link set' 'ip link set nope up' 'ip link set dev nope mtu 1000' \
		'ip link set v0 mtu 10' 'ip link set v0 address 1:2:3' \
		'ip link set v0 address 1:2:3:4:5:zz' 'ip link set v0 address 1.2.3.4' \
		'ip link set nope address 1:2:3' 'ip link set v0 arp foo' \
		'ip link set v0 multicast x' 'ip link set v0 carrier foo' \
		'ip link set v0 protodown foo' 'ip link set v0 name "a/b"' \
		'ip link set v0 name 01234567890123456789' 'ip link set v0 name v1' \
		'ip link set v0 index 5' 'ip link set v0 txqlen 10 qlen 11' \
		'ip link set v0 mode foo' 'ip link set v0 state foo' \
		'ip link set v0 addrgenmode foo' 'ip link set v0 netns foo' \
		'ip link set v0 master nope' 'ip link set v0 master' \
		'ip link set v0 gso_max_size x' 'ip link set v0 gso_max_segs -1' \
		'ip link set v0 gro_max_size x' 'ip link set v0 link-netnsid x' \
		'ip link set v0 link-netns nope' "ip link set v0 alias $(printf '%0300d' 0)" \
		'ip link set v0 group foo' 'ip link set v0 group 1 group 2' \
		'ip link set dev v0 dev v1' 'ip link set v0 v1' 'ip link set v0 type' \
		'ip link set v0 type veth peer name x' 'ip link set v0 up down foo'
}

# Each part of a link-layer address is read as sscanf "%x" reads it: space,
# a sign and a 0x are taken, a too big part is refused.
@test "link set address: the hex spellings the reference takes" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link set v0 address 0x2:0X0:+1:00a:4:5; ip -br link show v0' \
		'ip link set v0 address "2: 3:4:5:6:7"; ip -br link show v0' \
		'ip link set v0 address 2:-0:4:5:6:7; ip -br link show v0' \
		'ip link set v0 address 2:0x:4:5:6:7; ip -br link show v0' \
		'ip link set v0 address 2:100:4:5:6:7' 'ip link set v0 address 2:-1:4:5:6:7' \
		'ip link set v0 address 2:ffffffffff:4:5:6:7' 'ip link set v0 address 2::4:5:6:7' \
		'ip link set v0 address 2:3:4:5:6:7:8' 'ip link set v0 address 2:g:4:5:6:7' \
		'ip link set v0 address 02:0af:4:5:6:7z; ip -br link show v0' \
		'ip link set v0 address 0200.0000.0004' 'ip link set v0 address 02.00' \
		'ip link set v0 address 2.0.0.0.0.9' 'ip link set v0 address 0200.00:00:00:00:07' \
		"ip link set v0 address $(printf '1:%.0s' $(seq 32))1" \
		"ip link add v2 address $(printf '1:%.0s' $(seq 32))1 type veth"
}

@test "link set netns and delete against the reference" {
	diff_ip_each '/bin/ip netns add ns1; ip link add v0 type veth peer name v1
ip link add v2 type veth peer name v3; ip link add ifb0 type ifb' \
		'ip link set v1 netns ns1' 'ip link show v0' 'ip -n ns1 link' \
		'ip link set v2 netns ns1 index 44' 'ip -n ns1 link show v2' \
		'ip link set v3 netns /run/netns/ns1' 'ip -n ns1 -br link' \
		'ip link set ifb0 netns nope' 'ip link set ifb0 netns 0x' \
		'ip link del v0' 'ip link delete dev ifb0 type ifb' 'ip link del nope' \
		'ip link del' 'ip link del lo' 'ip -n ns1 link del v2' 'ip link' \
		'ip link d' 'ip link delete v9 v8'
}

@test "link set/delete group: every link of a device group" {
	diff_ip_each 'ip link add v0 group 5 type veth peer name v1 group 5; ip link add ifb0 type ifb' \
		'ip link set group 5 up' "$SETTLE; ip -br link" 'ip link set group 5 mtu 1400 down' \
		'ip link show group 5' 'ip link set group 99 up' 'ip link set group x up' \
		'ip link set group 0 name foo' 'ip link del group 5' "$SETTLE; ip link"
}

# "group G" without a device takes no arguments after "type KIND" (any kind,
# "help" too) and creates nothing; both errors end a batch, -force or not.
@test "link add/set/delete group G type KIND ARGS: refused as the reference does" {
	printf 'link set group 0 type vxlan ttl 3\nlink show lo\n' >"$BATS_TEST_TMPDIR/b1"
	printf 'link add group 5 type vxlan\nlink add group 5\nlink show lo\n' >"$BATS_TEST_TMPDIR/b2"
	diff_ip_each 'ip link add vx0 group 5 type vxlan id 4 dstport 4789; ip link add br0 type bridge' \
		'ip link set group 0 type gre' 'ip link set group 0 type vxlan ttl 3' \
		'ip link set group 0 type bridge stp_state 1' 'ip link set group 0 mtu 1400 type gre ttl 3' \
		'ip link set group 5 type gre ttl 3' 'ip link set group 0 type ip6tnl hoplimit 3' \
		'ip link set group 0 type foo bar' 'ip link set group 0 type bridge_slave cost 5' \
		'ip link set group 0 type gre help' 'ip link set group 0 type help' 'ip link set group 0 type foo' \
		'ip link set group 0 dev vx0 type gre ttl 3' 'ip link set dev vx0 group 0 type vxlan ttl 3' \
		'ip link change group 0 type vxlan ttl 3' 'ip link delete group 5 type gre ttl 3' \
		'ip link add group 5 type vxlan id 5 ttl 3' 'ip link add group 5 type vxlan' \
		'ip link add group 5 type vxlan help' 'ip link add group 5' 'ip link add group 5 link nope type vxlan' \
		'ip link add link nope group 5 type vxlan id 3' \
		'ip link set group 5 address 02:00:00:00:00:01 type vxlan ttl 3' \
		'ip link replace group 5 type vxlan id 3' 'ip link add name x0 group 5 type vxlan id 9 dstport 0' \
		"ip -b $BATS_TEST_TMPDIR/b1" "ip -force -b $BATS_TEST_TMPDIR/b2" 'ip -br link show group 5'
}

# iproute2 reads a group number with strtol into an int: values past
# INT_MAX are refused, wider ones wrap, blanks and signs pass.
@test "link/addr group numbers: the range and spellings the reference takes" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link set dev v0 group 2147483647' 'ip link show v0' \
		'ip link set dev v0 group 2147483648' 'ip link set dev v0 group 4294967295' \
		'ip link set dev v0 group 4294967296' 'ip link show v0' \
		'ip link set dev v0 group " 7"' 'ip -br link show group 7' \
		'ip link set dev v0 group -99999999999999999999' 'ip link show group 0' \
		'ip link set dev v0 group 99999999999999999999' 'ip link show group 2147483648' \
		'ip link add v5 group 4294967295 type veth' 'ip link del group 4294967295' \
		'ip addr show group 2147483648' 'ip addr show group 4294967297'
}

@test "link set xdp off: detaching, in each mode" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link set v0 xdp off' 'ip link set v0 xdpgeneric off' 'ip link set v0 xdpdrv off' \
		'ip link set v0 xdpoffload off' 'ip link set v0 mtu 1400 xdp off' \
		'ip link set v0 xdp off mtu 1400' 'ip link set v0 xdp off up' \
		'ip link set v0 xdpgeneric foo' 'ip link set v0 xdpdrv' 'ip -d link show v0'
}

@test "link property: alternative names" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link property add dev v0 altname foo altname bar' 'ip link property add v0 altname q' \
		'ip link property >/dev/null 2>&1' 'ip link property add' \
		'ip link property add dev nope altname x' 'ip link property add dev v0' \
		'ip link property add dev v0 foo' 'ip link property foo' \
		'ip link property del dev v0 altname zz' 'ip link property del dev v0 altname foo' \
		"ip link property add dev v0 altname $(printf '%0130d' 0)" 'ip link prop add dev v0 alt w' \
		'ip link show v0' 'ip -j link show v0' 'ip link property help >/dev/null 2>&1' \
		'ip link property add dev v0 altname' 'ip link property add dev v0 altname v1' \
		'ip link show bar' 'ip link set bar mtu 1300' 'ip -br link show w' 'ip link del q' \
		'ip link property add dev v0 altname ""' 'ip link property add dev v0 altname "a b"' \
		'ip link property add dev v0 altname a/b' \
		'ip link property add dev v0 altname ok altname ""' 'ip link property del dev v0 altname ""' \
		'ip link property add dev v0 altname a:b' 'ip link property add dev "a b" altname x' \
		"ip link property add dev $(printf '%0130d' 0) altname x" 'ip link'
}

# Names of 128 bytes and more: no local check, the lookup finds nothing or
# the kernel refuses them.
@test "link set/del/add dev: names past ALTIFNAMSIZ" {
	local n
	n=$(printf '%0130d' 0)
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		"ip link set dev $n up" "ip link set $n up" "ip link del $n" "ip link del dev $n" \
		"ip link add $n type veth" "ip link add name $n type veth" "ip link show $n"
}

@test "link: devices named by long alternative names" {
	diff_ip_each 'ip link add v0 type veth peer name v1
/bin/ip link property add dev v0 altname a_very_long_alternative_name' \
		'ip link show a_very_long_alternative_name' 'ip -j link show dev a_very_long_alternative_name' \
		'ip link set a_very_long_alternative_name mtu 1300' 'ip link show 01234567890123456789' \
		"ip link show $(printf '%0200d' 0)" 'ip link show "a b"' \
		'ip link set dev a_very_long_alternative_name master nope' \
		'ip link del a_very_long_alternative_name' 'ip link'
}

@test "link set netns PID: the namespace of a process" {
	diff_ip '/bin/ip netns add ns1
/bin/ip netns exec ns1 sleep 10 & pid=$!
sleep 0.3
ip link add v0 type veth peer name v1
ip link set v1 netns $pid
ip -n ns1 -br link; ip -br link
kill $pid; wait'
}

@test "link help: usage goes to stderr with exit 255, kind help to stdout" {
	run sandbox ip link help
	[ "$status" -eq 255 ]
	[[ "${lines[0]}" == "Usage: ip link add "* ]]
	for k in veth bridge bridge_slave macvlan macvtap vxlan vlan vrf bond ifb dummy; do
		run sandbox sh -c "ip link help $k 2>/dev/null"
		[ "$status" -eq 0 ]
		[[ "$output" == "Usage: "* ]]
	done
	run sandbox sh -c 'ip link help nope 2>&1 >/dev/null'
	[ "$status" -eq 255 ]
	[[ "${lines[0]}" == "Usage: ip link add "* ]]
	run sandbox sh -c 'ip link add v0 type veth help 2>/dev/null'
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == "Usage: ip link add NAME"* ]]
	run sandbox sh -c 'ip link add v0 type bridge foo 2>&1 >/dev/null'
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = 'bridge: unknown command "foo"?' ]
}

@test "link help: exit codes and streams match the reference" {
	diff_ip_each 'true' \
		'ip link help >/dev/null 2>&1' 'ip link help veth >/dev/null 2>&1' \
		'ip link help bond 2>/dev/null | head -c5' 'ip link help nope >/dev/null 2>&1' \
		'ip link add v0 type veth help >/dev/null 2>&1' \
		'ip link add v0 type macvlan help 2>&1 | head -c 7' \
		'ip link set lo help >/dev/null 2>&1' 'ip link show help >/dev/null 2>&1'
}

@test "link errors: golden messages and exit codes" {
	run sandbox ip link set nope up
	[ "$status" -eq 1 ] && [ "$output" = 'Cannot find device "nope"' ]
	run sandbox ip link add 01234567890123456789 type ifb
	[ "$status" -eq 2 ] && [ "$output" = 'Error: Attribute failed policy validation.' ]
	run sandbox ip link add name 01234567890123456789 type ifb
	[ "$status" -eq 255 ]
	[ "$output" = 'Error: argument "01234567890123456789" is wrong: "name" not a valid ifname' ]
	run sandbox ip link add v0 address zz type ifb
	[ "$status" -eq 1 ] && [ "$output" = '"zz" is invalid lladdr.' ]
	run sandbox ip link add v0 mtu 1 mtu 2 type ifb
	[ "$status" -eq 255 ] && [ "$output" = 'Error: duplicate "mtu": "2" is the second value.' ]
	run sandbox ip link add v0
	[ "$status" -eq 1 ] && [ "$output" = 'Not enough information: "type" argument is required' ]
	run sandbox ip link set lo mtu 1 up foo
	[ "$status" -eq 255 ] && [ "$output" = 'Error: either "dev" is duplicate, or "foo" is a garbage.' ]
	run sandbox sh -c 'ip link add v0 type ifb; ip link add v0 type ifb'
	[ "$status" -eq 2 ] && [ "$output" = 'RTNETLINK answers: File exists' ]
	run sandbox ip link set lo carrier maybe
	[ "$status" -eq 22 ]
	[ "$output" = 'Error: argument of "carrier" must be one of "off", "on", not "maybe"' ]
	run sandbox ip link add v0 type veth peer name v1 type x
	[ "$status" -eq 255 ] && [ "$output" = 'Error: duplicate "type": "x" is the second value.' ]
}

@test "link add/set: golden result of a configured veth" {
	run sh_in_sandbox 'ip link add v0 address 02:00:00:00:00:01 mtu 1400 txqlen 50 type veth peer name v1 address 02:00:00:00:00:02
ip link set v0 alias uplink arp off promisc on group 5
ip link set v0 up; sleep 1.2; ip link show v0'
	[ "$status" -eq 0 ]
	[ "$output" = '3: v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,NOARP,PROMISC,UP,M-DOWN> mtu 1400 qdisc noqueue state LOWERLAYERDOWN mode DEFAULT group 5 qlen 50
    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
    alias uplink' ]
}

@test "link add/set netns NAME in a batch: namespace descriptors are closed" {
	run sh_in_sandbox '/bin/ip netns add ns1
i=0; while [ $i -lt 60 ]; do i=$((i+1)); echo "link add a$i type veth peer name b$i netns ns1"; done >/tmp/fd.$$
echo "link set a1 netns ns1" >>/tmp/fd.$$
ulimit -n 32; ip -batch /tmp/fd.$$; echo "rc=$?"; rm -f /tmp/fd.$$
ip -n ns1 -br link | wc -l'
	[ "$status" -eq 0 ]
	[ "$output" = "rc=0
62" ]
}

# -echo: the kernel's copy of the link after add and delete, as iproute2
# prints it (no qlen, "Deleted ", nothing for group other than 0, "[{}]"
# in JSON when the kernel sends no copy, as for link set).
@test "link -echo: add, set and delete print what the kernel sends back" {
	diff_ip_each 'ip link add br0 type bridge' \
		'ip -echo link add v0 type veth peer name v1' 'ip -echo link add ifb0 mtu 1000 txqueuelen 5 up type ifb' \
		'ip -echo -j link add ifb1 type ifb' 'ip -echo -j -p link add ifb2 master br0 type ifb' \
		'ip -echo -o -d link add br1 type bridge' 'ip -echo -br link add ifb3 type ifb; echo' \
		'ip -echo -br -j link add ifb4 type ifb' 'ip -echo -c=always link add ifb5 type ifb' \
		'ip -echo link add ifb6 group 5 type ifb' 'ip -echo -j link add ifb7 group 5 type ifb' \
		'ip -echo link set v0 mtu 1400' 'ip -echo -j link set v0 up' 'ip -echo -j -p link set v0 down' \
		'ip -echo link del v0' 'ip -echo -j link del ifb1' 'ip -echo link del group 5' \
		'ip -echo link del nope' 'ip -echo link add br0 type bridge' 'ip -e link show lo' \
		'ip -echo link show lo' 'ip -echo link property add dev br0 altname zz'
}
