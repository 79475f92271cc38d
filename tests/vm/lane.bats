#!/usr/bin/env bats
# The QEMU lane itself (tests/vm/vm.sh, guest.sh): the guest runs Debian's
# kernel with its whole module tree, has no network card, and the host's files
# are there but writes stay in the guest.

load ../helpers
load vm

setup() { need_vm; }

@test "lane: Debian's packaged kernel, its modules found by modprobe" {
	run uname -r
	[[ "$output" == *-amd64 ]]
	[ -d "/lib/modules/$output/kernel/net" ]
	# The kinds the host's kernel lacks, each a module here.
	local m
	for m in dummy 8021q vrf bonding ip_gre ipip sit ip6_tunnel ip6_gre \
		geneve ipvlan macsec wireguard openvswitch nlmon; do
		modprobe "$m" || { echo "modprobe $m failed"; return 1; }
		grep -q "^$m " /proc/modules || { echo "$m not loaded"; return 1; }
	done
}

@test "lane: no network card, no link with a device behind it" {
	# PCI class 0x02: network controllers.
	run grep -l '^0x02' /sys/bus/pci/devices/*/class
	[ "$status" = 1 ] && [ -z "$output" ]
	[ -d /sys/class/net/lo ]
	local d
	for d in /sys/class/net/*; do
		[ ! -e "$d/device" ] || { echo "$d has a device"; return 1; }
	done
}

@test "lane: the host's root is read-only below, writes stay in the guest" {
	[ -x /bin/ip ] && [ -x "$REPO_DIR/ip/ip" ]
	# The root is an overlay whose upper layer is the guest's tmpfs.
	run awk '$2 == "/" { print $3 }' /proc/mounts
	[ "$output" = overlay ]
	echo probe >"$REPO_DIR/.vm-write-probe"
	[ "$(cat "$REPO_DIR/.vm-write-probe")" = probe ]
	rm "$REPO_DIR/.vm-write-probe"
}
