#!/usr/bin/env bats
# Seed 002's Open vSwitch use cases (tests/tutorials/002_ovs_cases.bash, the
# command lines tests/tutorials/002_five_use_cases.bats runs with a stand-in
# ovs-vsctl) with the real Open vSwitch, in the QEMU lane only: each run's
# sandbox starts its own ovsdb-server and ovs-vswitchd with ovs-ctl (the
# openvswitch module of the guest's kernel; database, sockets, pid files and
# logs in the run's directory, so tut.bash kills the daemons at the end).
# The same script runs with our ip and with the reference, as on the host.

load ../helpers
load ../tutorials/tut
load ../tutorials/002_ovs_cases
load vm

setup() {
	need_vm
	need_root
	need_ref
	command -v ovs-vsctl >/dev/null || skip "openvswitch-switch is not installed"
	need_module openvswitch
	# The tutorial's stand-ins but ovs-vsctl: sudo, ping (bounded), dnsmasq
	# and dhclient (files in the run's directory).
	local d="$BATS_RUN_TMPDIR/ovs-tut"
	if [ ! -d "$d/bin" ]; then
		mkdir -p "$d/bin"
		ln -s "$HELPERS_DIR/tutorials/step.bash" "$d/step.bash"
		for f in "$HELPERS_DIR"/tutorials/bin/*; do
			[ "${f##*/}" = ovs-vsctl ] || ln -s "$f" "$d/bin/"
		done
	fi
	TUT_BIN="$d/bin"
	export TUT_SETUP='export OVS_RUNDIR=$PWD OVS_LOGDIR=$PWD OVS_DBDIR=$PWD
		/usr/share/openvswitch/scripts/ovs-ctl --no-monitor --system-id=random start'
}

# ovs_check: the real Open vSwitch ran (ovs-ctl started both daemons; the
# stand-in has no daemons); then the differential.
ovs_check() {
	[ "$(command -v ovs-vsctl)" = /usr/bin/ovs-vsctl ]
	grep -q 'Starting ovs-vswitchd' "$BATS_TEST_TMPDIR/ours/setup.log"
	grep -q 'Starting ovs-vswitchd' "$BATS_TEST_TMPDIR/ref/setup.log"
}

# Open vSwitch's own output that differs between two runs: its tools warn
# on stderr when the (emulated) machine is slow ("...|timeval|WARN|
# Unreasonably long 1293ms poll interval ..."); an error names the log
# directory, each run's own; "ovs-vsctl show" prints a random UUID and the
# ports in hash order (each test checks our run's copy).
OVS_SED='/|timeval|WARN|/d; s#"/[^"]*/\(ours\|ref\)"#"RUNDIR"#
/^+ ovs-vsctl show$/,/^+ /{/^+ /!d}'

@test "ovs: tutorial 002, use case 1: red and green through OVS1, ping" {
	tut_run "$TUT002_CASE1"
	echo "$ours"
	has 'ovs-system: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN'
	has 'OVS1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN'
	has 'inet 10.0.0.1/24 scope global eth0-r'
	has '64 bytes from 10.0.0.2: ttl=64'
	has '64 bytes from 10.0.0.1: ttl=64'
	has 'master ovs-system state UP'
	ovs_check
	tut_diff "$OVS_SED"
}

@test "ovs: tutorial 002, use case 3: net1 and net2 in VLAN 10 of OVS1" {
	tut_run "$TUT002_CASE3"
	echo "$ours"
	has 'tag: 10'
	[ "$(grep -c '^ *tag: 10$' "$BATS_TEST_TMPDIR/ours.out")" = 2 ]
	has '64 bytes from 192.168.21.2: ttl=64'
	has '64 bytes from 192.168.21.1: ttl=64'
	# Untagged, veth-n1 is cut off from net2 in VLAN 10.
	run sed -n '/^+ ovs-vsctl remove port/,$p' "$BATS_TEST_TMPDIR/ours.out"
	[[ "$output" == *"+ ip netns exec net1 ping 192.168.21.2"* ]]
	[[ "$output" != *"64 bytes"* ]]
	ovs_check
	tut_diff "$OVS_SED"
}

@test "ovs: tutorial 002, use case 4: DHCP per VLAN behind OVS internal ports" {
	command -v dnsmasq >/dev/null || skip "dnsmasq is not installed"
	command -v dhclient >/dev/null || skip "dhclient (isc-dhcp-client) is not installed"
	tut_run "$TUT002_CASE4"
	echo "$ours"
	[ "$ours_rc" = 0 ]
	grep -q 'inet 10\.50\.50\.[0-9]*/24 brd 10\.50\.50\.255 scope global dynamic eth0-r' "$BATS_TEST_TMPDIR/ours.out"
	grep -q 'inet 10\.50\.50\.[0-9]*/24 brd 10\.50\.50\.255 scope global dynamic eth0-g' "$BATS_TEST_TMPDIR/ours.out"
	[ "$(grep -c '64 bytes from 10.50.50.2: ttl=64' "$BATS_TEST_TMPDIR/ours.out")" = 2 ]
	# Each server leased one address, to the client in its own VLAN.
	mac_r=$(grep -A1 '^+ ip netns exec red ip -br link' "$BATS_TEST_TMPDIR/ours.out" | tail -1 | awk '{print $3}')
	mac_g=$(grep -A1 '^+ ip netns exec green ip -br link' "$BATS_TEST_TMPDIR/ours.out" | tail -1 | awk '{print $3}')
	[ "$(cut -d' ' -f2 "$BATS_TEST_TMPDIR/ours/dnsmasq-tap-r.leases")" = "$mac_r" ]
	[ "$(cut -d' ' -f2 "$BATS_TEST_TMPDIR/ours/dnsmasq-tap-g.leases")" = "$mac_g" ]
	ovs_check
	tut_diff "$LEASE_SED; $OVS_SED"
}
