#!/usr/bin/env bats
# bond and bond_slave, vrf and vrf_slave, geneve, ipvlan/ipvtap, vlan,
# dummy, wireguard and nlmon on a kernel that has them (the QEMU lane),
# against the reference; on a kernel without them each test skips.

load ../helpers

# ip6tnl0 and ip6gre0 (when their modules are loaded) have a random
# permanent address in each namespace: shown through n() with it masked.
# An 802.3ad port's own state moves on by itself (LACP's timers decide when
# "in_sync" comes): masked too.
N='n() { "$@" | sed -e "s/permaddr [0-9a-f:]*/permaddr P/g" -e "s/\"permaddr\": *\"[^\"]*\"/\"permaddr\":\"P\"/g" \
	-e "s/ad_actor_oper_port_state [0-9]* ad_actor_oper_port_state_str <[^>]*>/ad_actor_oper_port_state S/" \
	-e "s/\"ad_actor_oper_port_state\": *[0-9]*/\"ad_actor_oper_port_state\":S/" \
	-e "s/\"ad_actor_oper_port_state_str\": *\[[^]]*\]/\"ad_actor_oper_port_state_str\":S/"; }'

setup() {
	need_root
	need_ref
}

# Not compared: "ip -j link show type bond_slave", where iproute2 6.1 prints
# an empty {} for every link the filter drops; we leave them out.
@test "vm kinds: bond details, bond_slave, every mode and option" {
	need_kind bond
	diff_ip_each "$N
ip link add d0 type dummy; ip link add d1 type dummy; ip link add d2 type dummy" \
		'ip link add b0 type bond mode 802.3ad miimon 100 lacp_rate fast xmit_hash_policy layer3+4 ad_actor_sys_prio 7 ad_user_port_key 3 ad_actor_system 02:00:00:00:00:09 lacp_active off' \
		'ip link add b1 type bond mode active-backup miimon 100 primary_reselect better fail_over_mac active' \
		'ip link add b6 type bond mode active-backup arp_interval 100 arp_ip_target 10.0.0.1,10.0.0.2 arp_validate all ns_ip6_target 2001:db8::1,2001:db8::2 arp_all_targets all' \
		'ip link add b2 type bond' 'ip link add b3 type bond mode balance-xor xmit_hash_policy encap3+4 min_links 2 all_slaves_active 1 resend_igmp 3 num_grat_arp 4 arp_missed_max 5' \
		'ip link add b4 type bond mode balance-tlb tlb_dynamic_lb 0 lp_interval 9' 'ip link add b5 type bond mode balance-rr packets_per_slave 4 updelay 0 downdelay 0 peer_notify_delay 0' \
		'ip link set d0 master b1' 'ip link set d1 master b1' 'ip link set b1 type bond active_slave d1 primary d0' \
		'ip link set d2 master b0' 'ip link set d2 type bond_slave queue_id 3 prio 7' \
		'ip link set b0 up' 'ip link set b1 up; sleep 2' \
		'n ip -d link' 'n ip -d -j -p link' 'ip -d link show b1' 'ip -br link' 'ip -o -d link show type bond' \
		'ip -d link show master b1' 'ip -d link show type bond_slave' \
		'ip link set b1 type bond clear_active_slave' 'ip -d link show b1' 'ip -d link show b0' \
		'ip link set d2 type bond_slave foo' 'ip link set d2 type bond_slave prio x' \
		'ip link del b0' 'ip -d link show d2'
}

@test "vm kinds: vrf and vrf_slave, show vrf, route show/get vrf" {
	need_kind 'vrf table 1'
	diff_ip_each "$N
ip link add d3 type dummy; ip link add d4 type dummy; ip link set lo up" \
		'ip link add vr0 type vrf table 10' 'ip link add vr1 type vrf table 20' \
		'ip link set d3 master vr0' 'ip link set d4 vrf vr1' 'ip link set d3 up' 'ip link set vr0 up' \
		'ip addr add 10.1.0.1/24 dev d3' 'ip route add 10.2.0.0/24 dev d3 vrf vr0' \
		'n ip -d link' 'n ip -d -j -p link' 'ip link show vrf vr0' 'ip addr show vrf vr0' \
		'ip -br link show vrf vr1' 'ip -d link show type vrf_slave' \
		'ip route show vrf vr0' 'ip route get 10.1.0.5 vrf vr0' 'ip route show vrf nope' 'ip route get 10.1.0.5 vrf nope'
}

@test "vm kinds: geneve, ipvlan, ipvtap, vlan, dummy, wireguard, nlmon" {
	need_kind 'geneve id 1 remote 10.9.9.9'
	diff_ip_each "$N
ip link add v0 type veth peer name v1" \
		'ip link add gv0 type geneve id 5 remote 10.0.0.1 ttl 5 tos 0x10 df set dstport 6082 noudpcsum' \
		'ip link add gv1 type geneve id 6 remote 2001:db8::1 ttl auto tos inherit df inherit udp6zerocsumtx udp6zerocsumrx flowlabel 7' \
		'ip link add gv2 type geneve external' \
		'ip link add gv3 type geneve id 8 remote 10.0.0.3 ttl inherit df unset innerprotoinherit udpcsum dstport 6083' \
		'ip link add iv0 link v0 type ipvlan mode l2 bridge' 'ip link add iv3 link v1 type ipvtap mode l3s private' \
		'ip link add link v0 name vl0 type vlan id 5 protocol 802.1ad reorder_hdr off gvrp on mvrp on loose_binding on bridge_binding on ingress-qos-map 1:2 3:4 egress-qos-map 5:6' \
		'ip link add link v0 name vl1 type vlan id 6' 'ip link add d0 type dummy' \
		'ip link add wg0 type wireguard' 'ip link add nl0 type nlmon' \
		'ip link add d9 type dummy' 'ip link add link d9 name ms0 address 02:00:00:00:00:0a type macsec port 11 encrypt on' \
		'ip link add link d9 name ms1 type macsec sci 1234 cipher gcm-aes-256 icvlen 16 send_sci on end_station off scb off protect on replay on window 10 validate check encodingsa 2' \
		'ip link add link d0 name ms2 type macsec address 02:00:00:00:00:01 port 5 cipher gcm-aes-xpn-128 offload off' \
		'n ip -d link' 'n ip -d -j -p link' 'n ip -br link' 'n ip -o -d link' \
		'ip link set iv0 type ipvlan mode l3' 'ip -d link show iv0'
}

# After add: set and change of each kind's options (what the kernel lets
# change), the parser's errors for bad values, and -c, -s, -o, -br on them.
# u: a command whose error ends in a usage text, which is ours (same
# layout, our words): compared up to "Usage:".  ms0's SCI is made of its
# address: a fixed one.
@test "vm kinds: set/change and errors of vlan, macsec, geneve, ipvlan; -c, -s" {
	need_kind 'geneve id 1 remote 10.9.9.9'
	diff_ip_each "$N
u() { \"\$@\" 2>/run/u.err; r=\$?; sed '/^Usage:/,\$d' /run/u.err >&2; return \$r; }
ip link add v0 type veth peer name v1
ip link add d9 type dummy
ip link add link v0 name vl0 type vlan id 5
ip link add link d9 name ms0 address 02:00:00:00:00:0b type macsec port 11
ip link add gv0 type geneve id 5 remote 10.0.0.1
ip link add iv0 link v1 type ipvlan mode l2" \
		'ip link set vl0 type vlan reorder_hdr off gvrp on' \
		'ip link set vl0 type vlan ingress-qos-map 2:3 egress-qos-map 1:7 2:6' \
		'ip link change vl0 type vlan loose_binding on mvrp on' 'ip link set vl0 type vlan id 7' \
		'ip link set vl0 type vlan protocol 802.1ad' 'ip -d link show vl0' \
		'ip link add link v0 name vl9 type vlan id 4095' 'ip link add link v0 name vl9 type vlan id 99999' \
		'u ip link add link v0 name vl9 type vlan' 'u ip link add vl9 type vlan id 9' \
		'ip link add link v0 name vl9 type vlan id 9 protocol 802.1x' \
		'u ip link add link v0 name vl9 type vlan id 9 ingress-qos-map 1' \
		'ip link add link v0 name vl9 type vlan id 9 egress-qos-map a:b' \
		'ip link add link v0 name vl9 type vlan id 9 ingress-qos-map 1:2 3:x' \
		'ip link add link v0 name vl9 type vlan id 9 egress-qos-map' \
		'ip link add link v0 name vl9 type vlan id 9 reorder_hdr maybe' \
		'u ip link add link v0 name vl9 type vlan id 9 bogus' \
		'ip link set ms0 type macsec encrypt on protect off' 'ip link set ms0 type macsec cipher gcm-aes-256' \
		'ip link set ms0 type macsec window 5 replay on validate disabled' 'ip -d link show ms0' \
		'ip link add link d9 name ms9 type macsec port 1 icvlen 99' \
		'ip link add link d9 name ms9 type macsec cipher bogus' \
		'ip link add link d9 name ms9 type macsec port 0' 'u ip link add link d9 name ms9 type macsec sci x' \
		'ip link add link d9 name ms9 type macsec encodingsa 9' \
		'ip link add link d9 name ms9 type macsec validate maybe' \
		'u ip link add link d9 name ms9 type macsec port 2 sci 5' \
		'ip link set gv0 type geneve ttl 9' 'ip -d link show gv0' \
		'ip link add gv9 type geneve id 16777216 remote 10.0.0.1' \
		'ip link add gv9 type geneve remote 10.0.0.1' 'ip link add gv9 type geneve id 1 remote 224.0.0.1' \
		'ip link add gv9 type geneve id 1 remote 10.0.0.9 ttl 300' \
		'ip link add gv9 type geneve id 1 remote 10.0.0.9 tos xx' \
		'ip link add gv9 type geneve id 1 remote 10.0.0.9 df maybe' \
		'ip link add gv9 type geneve id 1 remote 10.0.0.9 dstport x' \
		'ip link add gv9 type geneve id 1 remote 2001:db8::9 flowlabel 0x100000' \
		'ip link set iv0 type ipvlan mode l3s vepa' 'ip -d link show iv0' \
		'ip link add iv9 link v0 type ipvlan mode l4' 'ip link add iv9 type ipvlan mode l2' \
		'u ip link add iv9 link v0 type ipvlan mode l2 bogus' \
		'n ip -c -d link' 'n ip -c link' 'n ip -c -br link' 'n ip -s -d link show vl0' \
		'n ip -d -o link show ms0' 'n ip -s -s link show gv0' 'n ip -d -j link show iv0'
}
