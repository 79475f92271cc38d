#!/usr/bin/env bats
# Link kinds: options of bridge, bridge_slave, macvlan/macvtap, vxlan against
# the reference, and the netlink requests of kinds this kernel may lack
# (vlan, vrf, bond, dummy) compared byte for byte.

load helpers

setup() { need_root; }

# Commands whose error is followed by a usage text (ours is in our own
# words): compare the first line of stderr and the exit code.
first() {
	local c
	for c in "$@"; do
		printf '%s\n' "$c 2>$BATS_TEST_TMPDIR/e >/dev/null; echo \"rc=\$?\"; head -n 1 $BATS_TEST_TMPDIR/e"
	done
}

@test "kinds: bridge options, bridge_slave options and their errors" {
	diff_ip_each 'ip link add v0 type veth peer name v1; ip link add v2 type veth peer name v3' \
		'ip link add br0 address 02:00:00:00:00:b0 type bridge stp_state 1 forward_delay 400 hello_time 300 max_age 1000 ageing_time 1000 priority 100 group_fwd_mask 0x8 mcast_snooping 0 mcast_router 2 mcast_querier 1 mcast_hash_max 512 mcast_last_member_count 3 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 1 no_linklocal_learn 1 mcast_vlan_snooping 0 group_address 01:80:c2:00:00:0a fdb_flush' \
		'ip link add br1 address 02:00:00:00:00:b1 type bridge' \
		'ip link set br1 type bridge mcast_query_interval 5000 mcast_membership_interval 100 mcast_startup_query_count 4 mcast_query_use_ifaddr 1 mcast_hash_elasticity 4 mcast_last_member_interval 50 mcast_querier_interval 300 mcast_query_response_interval 200 mcast_startup_query_interval 100 nf_call_ip6tables 1 nf_call_arptables 1' \
		'ip link set v0 master br0; ip link set v2 master br1' \
		'ip link set v0 type bridge_slave learning off isolated on neigh_suppress on mcast_flood off cost 5 priority 7 group_fwd_mask 0x4008 mcast_router 2 hairpin on guard on backup_port v2' \
		'ip link set v2 type bridge_slave state 0 fastleave on root_block on flood off proxy_arp on mcast_to_unicast on bcast_flood off vlan_tunnel off locked on mcast_fast_leave off fdb_flush' \
		'ip link set v0 type bridge_slave nobackup_port' \
		'ip link add br3 address 02:00:00:00:00:b3 type bridge vlan_protocol 802.1AD' \
		'ip -d link show br3' 'ip -d -j link show br3' \
		'ip -d link' 'ip -d -j -p link show v0' 'ip -d -j link show br0' \
		'ip link set br0 type bridge forward_delay x' 'ip link add br2 type bridge priority 70000' \
		'ip link add br2 type bridge vlan_protocol foo' 'ip link add br2 type bridge group_address zz' \
		'ip link add br2 type bridge mcast_snooping' 'ip link set v0 type bridge_slave state x' \
		'ip link set v0 type bridge_slave learning x' 'ip link set v0 type bridge_slave backup_port nope' \
		'ip link set v0 type bridge_slave cost x' 'ip link set v0 type bridge_slave state forwarding' \
		"$(first 'ip link add br2 type bridge foo' 'ip link set v0 type bridge_slave foo')"
}

@test "kinds: macvlan and macvtap modes, flags, source lists" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link add m1 link v0 type macvlan mode passthru nopromisc' \
		'ip link add m2 link v1 type macvtap mode vepa' \
		'ip link add m3 link v1 type macvlan mode source macaddr add 02:00:00:00:00:01 macaddr add 02:00:00:00:00:02' \
		'ip link add m4 link v1 type macvlan mode private bcqueuelen 50' \
		'ip link add m6 link v1 type macvlan mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00:03' \
		'ip link set m6 type macvlan macaddr del 02:00:00:00:00:03' \
		'ip link add m7 link v1 type macvlan mode bridge nodst' \
		'ip link add m8 link v1 type macvlan mode source' 'ip link set m8 type macvlan macaddr flush' \
		'ip link add m10 link v1 type macvlan flag null' 'ip link add m11 link v1 type macvtap flag nodst mode vepa' \
		'ip -d link' 'ip -d -j -p link show m6' 'ip -d -j link' \
		'ip link add m9 link v0 type macvlan mode foo' 'ip link add m9 link v1 type macvlan bcqueuelen x' \
		'ip link add m9 link v1 type macvlan macaddr add zz' 'ip link add m9 link v1 type macvlan flag foo' \
		'ip link add m9 link v1 type macvlan mode passthru flag nopromisc' 'ip link add m9 type macvlan' \
		"$(first 'ip link add m9 link v0 type macvlan foo' 'ip link add m9 link v1 type macvlan mode source nopromisc' \
			'ip link add m9 link v1 type macvlan macaddr set zz' \
			'ip link add m9 link v1 type macvtap null')"
}

@test "kinds: vxlan options, addresses, flags and errors" {
	diff_ip_each 'ip link add v0 type veth peer name v1' \
		'ip link add vx0 type vxlan dev v0 ttl 5 id 42 remote 10.0.0.2 local 10.0.0.1 dstport 4789 tos 0x10 nolearning ageing 20 srcport 100 200 noudpcsum proxy maxaddress 7 df set l2miss' \
		'ip link add vx1 type vxlan id 43 remote 2001:db8::1 local 2001:db8::2 ttl inherit tos inherit noexternal dstport 0 udp6zerocsumtx rsc l3miss flowlabel 7' \
		'ip link add vx2 type vxlan external dstport 4789 gbp' \
		'ip link add vx6 type vxlan external dstport 4790 vnifilter' 'ip -d -j link show vx6' \
		'ip link add vx3 type vxlan id 9 dstport 0 group 239.1.1.1 dev lo ttl auto df inherit ageing 0' \
		'ip link add vx4 type vxlan id 10' 'ip link add vx5 type vxlan vni 11 group ff05::1 dev v0 dstport 0 remcsumtx remcsumrx' \
		'ip link set vx4 type vxlan ttl 9 nolearning' 'ip link set vx0 type vxlan id 43' \
		'ip -d link' 'ip -d -j -p link' 'ip -d -o link show vx1' \
		'ip link add vx7 type vxlan' 'ip link add vx7 type vxlan id x' \
		'ip link add vx7 type vxlan id 5 remote foo' 'ip link add vx7 type vxlan id 5 ttl 300' \
		'ip link add vx7 type vxlan id 5 dstport x' 'ip link add vx7 type vxlan id 5 dev nope' \
		'ip link add vx7 type vxlan id 5 group 10.0.0.1' 'ip link add vx7 type vxlan id 5 remote 10.0.0.1 group 239.1.1.1' \
		'ip link add vx7 type vxlan id 16777216' 'ip link add vx7 type vxlan id 5 tos x' \
		'ip link add vx7 type vxlan id 5 df x' 'ip link add vx7 type vxlan id 5 flowlabel x' \
		'ip link add vx7 type vxlan id 5 srcport x 5' 'ip link add vx7 type vxlan id 5 srcport 5 y' \
		'ip link add vx7 type vxlan id 5 ageing x' 'ip link add vx7 type vxlan id 5 maxaddress x' \
		'ip link add vx7 type vxlan id 5 local foo' 'ip link add vx7 type vxlan id 5 ttl x' \
		'ip link add vx7 type vxlan id 5 remote 10.0.0.1 local ::1' 'ip link add vx7 type vxlan id 5 external' \
		'ip link add vx7 type vxlan id 5 group 239.1.1.1' \
		"$(first 'ip link add vx7 type vxlan id 5 foo')"
}

@test "kinds: vlan, vrf, bond, dummy: errors match the reference" {
	diff_ip_each 'true' \
		'ip link add link lo name vl0 type vlan' 'ip link add link lo name vl0 type vlan id x' \
		'ip link add link lo name vl0 type vlan id 5 protocol foo' \
		'ip link add link lo name vl0 type vlan id 5 gvrp x' 'ip link add name vl0 type vlan id 5' \
		'ip link add link lo name vl0 type vlan id 5 egress-qos-map a:b' \
		'ip link add link lo name vl0 type vlan id 5 ingress-qos-map 1:2 3:x' \
		'ip link add link lo name vl0 type vlan id 5 egress-qos-map 1:2:3' \
		'ip link add link lo name vl0 type vlan id 5 ingress-qos-map :2' \
		'ip link add link lo name vl0 type vlan id 5 egress-qos-map' \
		'ip link add link lo name vl0 type vlan id 5 ingress-qos-map 1:2 egress-qos-map' \
		'ip link add b0 type bond ns_ip6_target x' \
		'ip link add vr0 type vrf table x' 'ip link add b0 type bond mode foo' \
		'ip link add b0 type bond miimon x' 'ip link add b0 type bond lacp_rate x' \
		'ip link add b0 type bond arp_ip_target x' 'ip link add b0 type bond primary nope' \
		'ip link add b0 type bond lacp_active x' 'ip link add b0 type bond ad_actor_system x' \
		'ip link add d0 type dummy extra' \
		"$(first 'ip link add link lo name vl0 type vlan id 5 foo' \
			'ip link add vr0 type vrf table 10 foo' 'ip link add b0 type bond foo')"
}

@test "kinds: vlan, vrf, bond, dummy requests are byte-identical" {
	diff_requests 'true' \
		'link add link lo name vl0 type vlan protocol 802.1ad reorder_hdr off id 5 gvrp on mvrp off loose_binding on bridge_binding off ingress-qos-map 1:2 3:4 egress-qos-map 5:6' \
		'link add link lo name vl0 type vlan id 7' 'link add link lo vl0 type vlan id 7 egress-qos-map protocol 802.1Q' \
		'link add vr0 type vrf table 10' 'link add vr0 type vrf table main' \
		'link add b0 type bond mode 802.3ad miimon 100 updelay 200 downdelay 300 lacp_rate fast xmit_hash_policy layer3+4 min_links 2 ad_select bandwidth arp_ip_target 10.0.0.1,10.0.0.2 arp_validate all primary_reselect better fail_over_mac active use_carrier 0 all_slaves_active 1 num_grat_arp 3 resend_igmp 4 tlb_dynamic_lb 1 ad_actor_sys_prio 5 ad_user_port_key 6 ad_actor_system 02:00:00:00:00:01 packets_per_slave 7 lp_interval 8 arp_interval 9 arp_all_targets all peer_notify_delay 10 arp_missed_max 3 lacp_active on clear_active_slave ns_ip6_target 2001:db8::1' \
		'link add b0 type bond mode 1 primary lo active_slave lo num_unsol_na 2' \
		'link add b0 type bond arp_ip_target ,10.0.0.3,,10.0.0.4, ns_ip6_target 2001:db8::2,,2001:db8::3' \
		'link add d0 type dummy' 'link add d0 numtxqueues 3 numrxqueues 2 mtu 1000 type dummy'
}

@test "kinds: requests of the kinds this kernel has are byte-identical too" {
	diff_requests 'ip link add v0 type veth peer name v1; ip link add vx9 type vxlan id 99 dstport 0' \
		'link add v2 mtu 1400 address 02:00:00:00:00:01 txqlen 5 type veth peer name v3 mtu 1300 up' \
		'link set v0 up mtu 1400 arp off promisc on alias foo group 5 name v7 addrgenmode none' \
		'link add m6 link v1 type macvlan macaddr set 02:00:00:00:00:01 02:00:00:00:00:02 mode bridge' \
		'link add m7 link v1 type macvlan mode passthru nopromisc bcqueuelen 7' \
		'link add vx0 type vxlan dev v1 ttl 5 id 42 remote 10.0.0.2 local 10.0.0.1 dstport 4789 tos 0x10 nolearning ageing 20 srcport 100 200 noudpcsum proxy maxaddress 7 df set l2miss' \
		'link add vx1 type vxlan id 42 remote 2001:db8::1 local 2001:db8::2 ttl inherit tos inherit noexternal flowlabel 5' \
		'link add vx2 type vxlan external dstport 4789 gbp vnifilter' \
		'link set vx9 type vxlan ttl 9 nolearning' \
		'link add br0 type bridge stp_state 1 priority 7 vlan_protocol 802.1ad group_address 01:80:c2:00:00:0a no_linklocal_learn 1 mcast_query_interval 500 fdb_flush' \
		'link set v1 type bridge_slave cost 5 learning off backup_port v0 nobackup_port' \
		'link set v0 mtu 1400 xdpgeneric off' 'link set v0 xdpdrv off' \
		'link property add dev v0 altname foo altname bar' 'link prop del v0 alt foo' \
		'link del v0' 'link delete dev v1 type veth' 'link set lo nomaster carrier on protodown off mode default state up'
}

# Link-layer addresses as iproute2 reads them everywhere: hex parts as
# sscanf %x reads them, IPv4 spellings as 4 bytes, wrong lengths sent on
# (bridge, bond) or refused without a word (macvlan), and a word that failed
# as a MAC read as the next option under its first part.
@test "kinds: link-layer address spellings in bridge, macvlan and bond" {
	local a cmds=()
	for a in 0x01:0x80:0xc2:0:0:0xc 01.80.c2.00.00.0d 1.2.3.4 01:80:c2:00:00 \
		01:80:c2:00:00:0e:ff 01:80:c2:00:00: 01:80:c2:00:00:+e \
		' 1:80:c2:0:0:f' 1:80:c2:0:0:0f0 02:00:00:00:00:1zz zz; do
		cmds+=("ip link add br0 type bridge group_address '$a'; ip -d link show br0 | grep -o 'group_address [^ ]*'; ip link del br0")
		cmds+=("ip link add m0 link v0 type macvlan mode source macaddr add '$a'; ip -d link show m0 | grep -A1 macaddr_count; ip link del m0")
	done
	cmds+=("$(first 'ip link add m0 link v0 type macvlan mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00 nodst' \
			'ip link add m0 link v0 type macvlan mode source macaddr set 2:0:0:0:0:3:4' \
			'ip link add m0 link v0 type macvlan mode source macaddr set 2:0:0:0:0: nodst')"
		'ip link add m0 link v0 type macvlan mode source macaddr set 02:00:00:00:00:01 nodst; ip -d link show m0 | grep -A2 macaddr_count')
	diff_ip_each 'ip link add v0 type veth peer name v1' "${cmds[@]}"
	diff_requests 'true' 'link add b0 type bond ad_actor_system 1.2.3.4' \
		'link add b0 type bond ad_actor_system 0x2:0:0:0:0:1zz' \
		'link add b0 type bond ad_actor_system 1:2:3:4:5:6:7' 'link add b0 type bond ad_actor_system 1:2'
}
