#!/usr/bin/env bats
# ip rule against the reference: the same scripts run with our ip and with
# iproute2 in fresh sandboxes; stdout, stderr and exit codes must be equal.
# Then golden texts, save/restore across the two, and batch files.

load helpers

# Rules with every selector and action, IPv4 and IPv6.
SETUP='ip link set lo up; ip link add v0 type veth peer name v1
ip rule add pref 100 from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 table 10 protocol static
ip rule add pref 101 not from 10.1.0.0/16 fwmark 7 table 11
ip rule add pref 102 uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 lookup 12 suppress_prefixlength 0
ip rule add pref 103 ipproto udp sport 53-54 dport 53 table main suppress_ifgroup 5 realms 1/2
ip rule add pref 104 to 1.2.3.4 goto 106
ip rule add pref 105 blackhole iif lo
ip rule add pref 106 realms 3 table 300 fwmark 0x10/0xffffffff
ip rule add pref 107 l3mdev
ip rule add pref 108 prohibit dsfield 0x08
ip rule add pref 109 from 10.0.0.1 unreachable protocol 99
ip rule add pref 110 goto 200
ip rule add pref 111 nop
ip rule add pref 112 tun_id 0x10 table 9 protocol kernel
ip rule add pref 113 from 0.0.0.16 lookup 9 realms 5/0 suppress_ifgroup default
ip rule add pref 114 throw
ip rule add pref 115 ipproto 255 sport 1-65535 table 8
ip rule add pref 116 uidrange 0-0 table 8 oif lo
ip rule add pref 117 iif nosuchdev table 8 oif nosuchdev2
ip rule add pref 120 fwmark 0/0xff table 8
ip rule add pref 121 fwmark 0x5/0xffffffff not to 10.9.0.0/16 table 8
ip rule add pref 118 nat 10.9.9.9 2>/dev/null
ip rule add pref 119 from 10.2.0.0/16 table 2000 suppress_prefixlength 8 protocol boot
ip -6 rule add pref 200 from 2001:db8::/32 table 20
ip -6 rule add pref 201 to 2001:db8:1::1 iif v0 table 21 protocol boot
ip -6 rule add pref 202 not fwmark 0x3 table 22
ip -6 rule add pref 203 from 2001:db8:2::1 ipproto ipv6-icmp unreachable
ip -6 rule add pref 204 to ::/0 table main suppress_prefixlength 0'

@test "rule diff: list in every output mode" {
	diff_ip_each "$SETUP" \
		'ip rule' 'ip rule show' 'ip rule list' 'ip rule lst' 'ip rule s' \
		'ip rule l' 'ip -4 rule' 'ip -6 rule' 'ip -f inet rule' \
		'ip -f inet6 rule show' 'ip -d rule' 'ip -d -6 rule' 'ip -s rule' \
		'ip -s -d rule' 'ip -o rule' 'ip -N rule' 'ip -N -6 rule' \
		'ip -N -d rule' 'ip -r rule' 'ip -j rule' 'ip -j -p rule' \
		'ip -j -6 rule' 'ip -j -p -6 rule' 'ip -j -d rule' 'ip -j -N rule' \
		'ip -c=always rule' 'ip -c=always -6 rule' 'ip -c rule' \
		'ip -c=never rule' 'ip -c=always -j rule' 'ip -br rule' \
		'ip -0 rule' 'ip -M rule' 'ip -B rule' 'ip -f link rule' \
		'ip -h rule' 'ip -iec rule' 'ip -t rule' \
		'ip -j -p rule show pref 9999' 'ip -j rule show pref 9999'
}

@test "rule diff: every selector as a filter" {
	diff_ip_each "$SETUP" \
		'ip rule show from 10.0.0.0/8' 'ip rule show from 10.0.0.0' \
		'ip rule show from 10.1.2.3' 'ip rule show from 10/8' \
		'ip rule show from all' 'ip rule show from default' \
		'ip rule show from 0/0' 'ip rule show from 10.0.0.0/33' \
		'ip rule show to 192.168.1.0/24' 'ip rule show to 192.168.0.0/16' \
		'ip rule show to 192.168.1.5' 'ip rule show to default' \
		'ip rule show not' 'ip rule show not from 10.0.0.0/8' \
		'ip rule show not not' 'ip rule show tos 0x10' 'ip rule show tos 0' \
		'ip rule show dsfield 0x08' 'ip rule show tos 8' \
		'ip rule show fwmark 5' 'ip rule show fwmark 0x5/0xff' \
		'ip rule show fwmark 0/0xff' 'ip rule show fwmark 0x10' \
		'ip rule show fwmark 0x10/0xffffffff' 'ip rule show fwmark 0' \
		'ip rule show iif v0' 'ip rule show dev v0' 'ip rule show iif lo' \
		'ip rule show oif v1' 'ip rule show oif lo' 'ip rule show iif nosuchdev' \
		'ip rule show iif a:b' 'ip rule show l3mdev' \
		'ip rule show uidrange 100-200' 'ip rule show uidrange 0-0' \
		'ip rule show uidrange 100-201' 'ip rule show uidrange 100-200x' \
		'ip rule show ipproto tcp' 'ip rule show ipproto 17' \
		'ip rule show ipproto 0' 'ip rule show ipproto 255' 'ip rule show ipproto TCP' \
		'ip rule show sport 80' 'ip rule show sport 53-54' 'ip rule show sport 53' \
		'ip rule show sport 80x' 'ip rule show sport 0-80' 'ip rule show sport 70000' \
		'ip rule show sport -1' 'ip rule show sport 10-' 'ip rule show sport 1-65535' \
		'ip rule show dport 1000-2000' 'ip rule show dport 0' \
		'ip rule show pref 105' 'ip rule show priority 0' 'ip rule show order 106' \
		'ip rule show preference 32766' 'ip rule show pref 100 pref 101' \
		'ip rule show table 10' 'ip rule show lookup main' 'ip rule show table 0' \
		'ip rule show table 300' 'ip rule show table 2000' 'ip rule show table local' \
		'ip rule show protocol static' 'ip rule show protocol all' \
		'ip rule show tun_id 16' 'ip rule show tun_id 0' 'ip rule show tun_id 5' \
		'ip rule show 10.0.0.1' 'ip rule show dst 192.168.1.0/24' \
		'ip rule show src 10.0.0.1' 'ip rule show all' 'ip rule show default' \
		'ip rule show from 10.0.0.0/8 from 10.1.0.0/16' \
		'ip -6 rule show from 2001:db8::/32' 'ip -6 rule show from 2001:db8::/16' \
		'ip -6 rule show iif v0' 'ip -6 rule show not' 'ip -6 rule show to ::/0' \
		'ip -6 rule show table main' 'ip -6 rule show ipproto ipv6-icmp' \
		'ip -j rule show table 10' 'ip -j -6 rule show not'
}

@test "rule diff: keyword abbreviations of list, filters, add and delete" {
	diff_ip_each "$SETUP" \
		'ip rule show f 10.0.0.0/8' 'ip rule show fr 10.0.0.0/8' \
		'ip rule show s 10.0.0.1' 'ip rule show sr 10.0.0.1' \
		'ip rule show d 192.168.1.0/24' 'ip rule show ds 192.168.1.0/24' \
		'ip rule show t 16' 'ip rule show tu 16' 'ip rule show ta 10' \
		'ip rule show tab 10' 'ip rule show l 10' 'ip rule show lo main' \
		'ip rule show p 105' 'ip rule show pr 105' 'ip rule show pri 105' \
		'ip rule show o 106' 'ip rule show prot static' 'ip rule show pro all' \
		'ip rule show n' 'ip rule show no' 'ip rule show fw 5' \
		'ip rule show ipp tcp' 'ip rule show u 100-200' 'ip rule show l3' \
		'ip rule show i v0' 'ip rule show oi v1' 'ip rule show dsf 8' \
		'ip rule show sp 80' 'ip rule show dp 53' 'ip rule show de v0' \
		'ip rule show sup_pl 0' 'ip rule show nop' 'ip rule show blackhole' \
		'ip rule show type prohibit' 'ip rule show goto 106' 'ip rule show realms 3' \
		'ip rule show nat 1.2.3.4' 'ip rule show suppress_prefixlength 0' \
		'ip rule a p 1 t 5' 'ip rule a p 2 r 5' 'ip rule a p 3 s 0' \
		'ip rule a p 4 d 0x10' 'ip rule a p 5 pro 4' 'ip rule a p 6 su 1' \
		'ip rule a p 7 suppress_i 1' 'ip rule a p 8 sup_pl 1' 'ip rule a p 9 sup_group 1' \
		'ip rule a o 10 n' 'ip rule a p 11 b' 'ip rule a p 12 g 5' 'ip rule a p 13 u' \
		'ip rule a p 14 ty blackhole' 'ip rule a p 15 l main' 'ip rule a p 16 tab 7' \
		'ip rule a p 17 x' 'ip rule a p 18 a' 'ip rule a p 19 mu' 'ip rule a p 20 bl' \
		'ip rule a p 21 pri 3 lookup 5' 'ip rule a p 22 m 1.2.3.4' 'ip rule a p 23 ma 1.2.3.4' \
		'ip rule a p 24 f 1.2.3.4' 'ip rule' \
		'ip rule d p 1' 'ip rule de p 2' 'ip rule del p 3' 'ip rule delete p 4' \
		'ip rule sh' 'ip rule sa | head -c 10 | od -c' 'ip rule r </dev/null' \
		'ip rule fl pref 5 ; ip rule show pref 5'
}

@test "rule diff: add and delete with every selector and action" {
	diff_ip_each 'ip link set lo up; ip link add v0 type veth peer name v1' \
		'ip rule add from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 table 10 protocol static pref 10' \
		'ip rule add not from 10.1.0.0/16 fwmark 7 table 11 pref 11' \
		'ip rule add uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 lookup 12 suppress_prefixlength 0 pref 12' \
		'ip rule add ipproto udp sport 53-54 dport 53 table main suppress_ifgroup 5 realms 1/2 pref 13' \
		'ip rule add to 1.2.3.4 goto 16 pref 14' 'ip rule add blackhole iif lo pref 15' \
		'ip rule add type prohibit pref 16' 'ip rule add unreachable pref 17' \
		'ip rule add realms 3 table 300 fwmark 0x10/0xffffffff pref 18' \
		'ip rule add l3mdev pref 19' 'ip rule add l3mdev table 5' 'ip rule add l3mdev table 0 pref 20' \
		'ip rule add nat 10.9.9.9 pref 21' 'ip rule add map-to 10.9.9.8 pref 22' \
		'ip rule add from 10.3.0.0/16 nat 0 pref 23' 'ip rule add nop pref 24' \
		'ip rule add type nop pref 25' 'ip rule add goto 99 pref 26' \
		'ip rule add type goto 99 pref 27' 'ip rule add tun_id 77 table 7 pref 28' \
		'ip rule add from all table 5 pref 29' 'ip rule add from default table 5 pref 30' \
		'ip rule add from 10.1.2.3/8 table 5 pref 31' 'ip rule add to 0/0 table 5 pref 32' \
		'ip rule add throw pref 33' 'ip rule add 0 pref 34' 'ip rule add 5 pref 35' \
		'ip rule add unicast pref 36' 'ip rule add local pref 37' \
		'ip rule add table 255 pref 38' 'ip rule add table 1000 protocol 200 pref 39' \
		'ip rule add dsfield AF11 pref 40' 'ip rule add tos 0x04 pref 41' \
		'ip rule add ipproto 0 table 8 pref 42' 'ip rule add ipproto TCP table 8 pref 43' \
		'ip rule add sport 0 table 8 pref 44' 'ip rule add sport 70000 table 8 pref 45' \
		'ip rule add dport 10- table 8 pref 46' 'ip rule add uidrange 5-3 table 8 pref 47' \
		'ip rule add uidrange -1-5 table 8 pref 48' 'ip rule add suppress_ifgroup default table 8 pref 49' \
		'ip rule add suppress_ifgroup 0x10 table 8 pref 50' 'ip rule add realms 0/5 table 3 pref 51' \
		'ip rule add realms 5/0 table 3 pref 52' 'ip rule add realms 0x20003 table 3 pref 53' \
		'ip rule add from 10.0.0.0/8 table 5' 'ip rule add from 10.0.0.0/8 table 5' \
		'ip rule add table 5' 'ip rule add table 5' 'ip rule add pref 4294967295 table 5' \
		'ip rule' 'ip -j rule' 'ip -d rule' \
		'ip rule del pref 10' 'ip rule del pref 10' 'ip rule del table 11' \
		'ip rule del from 10.0.0.0/8' 'ip rule del not fwmark 3' 'ip rule del table 99' \
		'ip rule del blackhole' 'ip rule del goto 16' 'ip rule del prohibit pref 16' \
		'ip rule del l3mdev' 'ip rule del nat 10.9.9.9' 'ip rule del nop' \
		'ip rule del uidrange 100-200' 'ip rule del sport 53-54' 'ip rule del dport 53' \
		'ip rule del realms 3' 'ip rule del tun_id 77' 'ip rule del fwmark 0x10' \
		'ip rule del suppress_ifgroup 5' 'ip rule del protocol 200' \
		'ip rule' 'ip rule del pref 0' 'ip rule del pref 32766' 'ip rule del table default' \
		'ip rule' \
		'ip -6 rule add from 2001:db8::/32 table 20 pref 20' \
		'ip -6 rule add to 2001:db8:1::1 iif v0 table 21 protocol boot pref 21' \
		'ip -6 rule add not fwmark 0x3 table 22' 'ip -6 rule add table main suppress_prefixlength 0' \
		'ip -6 rule add from 2001:db8::1 ipproto ipv6-icmp prohibit pref 23' \
		'ip -6 rule add from 10.0.0.1 table 5' 'ip -6 rule add nat 10.0.0.1' \
		'ip -6 rule add tos 0x10 table 5 pref 24' \
		'ip -6 rule' 'ip -6 -j rule' 'ip -6 rule del table 21' 'ip -6 rule del not fwmark 3' \
		'ip -6 rule' 'ip rule add from 2001:db8::1 table 7' 'ip -4 rule add from 2001:db8::1 table 7'
}

@test "rule diff: the requests add and delete send, byte for byte" {
	REQ_TYPES="32 33" diff_requests 'ip link set lo up; ip link add v0 type veth peer name v1' \
		'rule add from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 table 10 protocol static pref 10 realms 1/2 uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 suppress_prefixlength 0 suppress_ifgroup 5 tun_id 99' \
		'rule add not from all to default fwmark 7 table 1000 pref 11' \
		'rule add l3mdev pref 3' 'rule add nat 1.2.3.4 goto 10 pref 4' 'rule add nop blackhole 0' \
		'-6 rule add from 2001:db8::/32 to 2001:db8:1::1 not fwmark 51820 table 51820 pref 20' \
		'rule del pref 10' 'rule del table 1000 from 0/0' '-6 rule del table 51820'
}

@test "rule -echo -j: one valid JSON object per rule (the reference nests {{...}})" {
	need_root
	run sandbox sh -c 'ip -echo -j rule add table 6 pref 6; ip -echo -j rule del pref 6'
	[ "$status" -eq 0 ]
	[ "$output" = '[{"priority":6,"src":"all","table":"6"}]
[{"deleted":true,"priority":6,"src":"all","table":"6"}]' ]
}

@test "rule diff: -echo of add and delete" {
	diff_ip_each 'ip link set lo up' \
		'ip -echo rule add table 5 pref 5' 'ip -echo rule add from 10.0.0.0/8 iif lo fwmark 1/3 table 6 pref 6' \
		'ip -echo rule del pref 5' 'ip -echo -6 rule add to 2001:db8::/32 blackhole' \
		'ip -echo -6 rule del blackhole' 'ip -echo rule add table 5' 'ip -echo rule add table 5 pref 6' \
		'ip rule'
}

@test "rule diff: flush" {
	diff_ip_each "$SETUP" \
		'ip rule flush; ip rule; ip -6 rule' \
		'ip -6 rule flush; ip -6 rule' \
		"$SETUP" 'ip rule flush protocol static; ip rule' \
		'ip rule flush protocol kernel; ip rule' \
		"$SETUP" 'ip rule flush table 10; ip rule' 'ip rule flush not; ip rule' \
		'ip rule flush iif v0; ip rule' 'ip rule flush fwmark 0x10; ip rule' \
		'ip rule flush pref 109; ip rule' 'ip rule flush from 10.0.0.0/8; ip rule' \
		'ip -s rule flush uidrange 0-0; ip rule' 'ip -s -s rule flush l3mdev; ip rule' \
		'ip rule flush protocol all; ip rule' 'ip -j rule flush; ip -j -p rule flush' \
		'ip rule f; ip rule flu' 'ip rule flush foo' 'ip rule flush help' \
		'ip rule flush table all' 'ip -6 rule flush; ip -6 rule flush; ip -6 rule'
}

@test "rule diff: a flush that the kernel refuses stops with its error" {
	diff_ip_each "$SETUP" \
		'setpriv --reuid=65534 --clear-groups ip rule flush' \
		'setpriv --reuid=65534 --clear-groups ip rule add table 5' \
		'setpriv --reuid=65534 --clear-groups ip rule del pref 100' \
		'setpriv --reuid=65534 --clear-groups ip rule' \
		'setpriv --reuid=65534 --clear-groups ip rule restore </dev/null' \
		'ip rule save >/tmp/rule.save; setpriv --reuid=65534 --clear-groups ip rule restore </tmp/rule.save' \
		'ip rule | wc -l'
}

@test "rule diff: errors of the filters" {
	diff_ip_each 'ip link set lo up' \
		'ip rule show foo' 'ip rule show from' 'ip rule show from bad' \
		'ip rule show to bad' 'ip rule show from 2001::/16' 'ip -6 rule show from 10.0.0.0/8' \
		'ip rule show from all/0' 'ip -0 rule show from 1.2.3.4' 'ip -B rule show from 1.2.3.4' \
		'ip -M rule show from 1.2.3.4' \
		'ip rule show pref x' 'ip rule show pref -1' 'ip rule show pref 4294967296' \
		'ip rule show pref' 'ip rule show tos x' 'ip rule show tos 0x100' \
		'ip rule show fwmark x' 'ip rule show fwmark 1/x' 'ip rule show fwmark 1/' \
		'ip rule show fwmark /1' 'ip rule show iif aaaaaaaaaaaaaaaaaaaa' \
		'ip rule show iif a/b' 'ip rule show oif a/b' 'ip rule show oif ""' \
		'ip rule show iif ""' "ip rule show iif 'a b'" \
		'ip rule show oif aaaaaaaaaaaaaaa' 'ip rule show oif aaaaaaaaaaaaaaaa' \
		'ip rule show uidrange 100' 'ip rule show uidrange x' 'ip rule show uidrange 1-x' \
		'ip rule show ipproto foo' 'ip rule show ipproto 256' 'ip rule show ipproto 0x6' \
		'ip rule show sport x' 'ip rule show dport -' 'ip rule show tun_id x' \
		'ip rule show tun_id' 'ip rule show t 1.2.3.4' 'ip rule show table foo' \
		'ip rule show table -1' 'ip rule show table all' 'ip rule show lookup' \
		'ip rule show protocol foo' 'ip rule show protocol 256' 'ip rule show dev' \
		'ip rule list help' 'ip rule foo' 'ip rule save foo' 'ip rule save protocol kernel' \
		'ip rule flush from bad' 'ip rule flush pref x'
}

@test "rule diff: errors of add and delete" {
	diff_ip_each 'ip link set lo up' \
		'ip rule add' 'ip rule del' 'ip rule a' 'ip rule d' 'ip rule delete' \
		'ip rule add from bad' 'ip rule add to bad' 'ip rule add from' \
		'ip rule add from all/0 table 5' 'ip rule add from 10.0.0.0/33' \
		'ip -0 rule add from 1.2.3.4' 'ip -0 rule add table 5' 'ip -B rule add table 5' \
		'ip -M rule add from 1.2.3.4' 'ip -6 rule add from 10.0.0.1' \
		'ip rule add pref x' 'ip rule add pref -1' 'ip rule add pref' \
		'ip rule add tos x' 'ip rule add dsfield 0x100' 'ip rule add tos 0x03' \
		'ip rule add fwmark x' 'ip rule add fwmark 1/x' 'ip rule add fwmark /' \
		'ip rule add realms x' 'ip rule add realms 1/x' 'ip rule add realms 256' \
		'ip rule add protocol x' 'ip rule add protocol 256' 'ip rule add tun_id x' \
		'ip rule add tun_id -1 pref 5; ip rule show pref 5' \
		'ip rule add table x' 'ip rule add table -1' 'ip rule add lookup 4294967296' \
		'ip rule add suppress_prefixlength -1' 'ip rule add suppress_prefixlength x' \
		'ip rule add suppress_prefixlength 2147483648' 'ip rule add suppress_prefixlength 200 pref 6' \
		'ip rule add suppress_ifgroup x' 'ip rule add suppress_ifgroup 4294967295' \
		'ip rule add suppress_ifgroup 2147483648' 'ip rule add suppress_ifgroup -1' \
		'ip rule add iif aaaaaaaaaaaaaaaaaaaa' 'ip rule add iif a/b' 'ip rule add dev ""' \
		'ip rule add oif "a b"' 'ip rule add oif aaaaaaaaaaaaaaaa' 'ip rule add iif a:b pref 7' \
		'ip rule add uidrange 5' 'ip rule add uidrange x-5' 'ip rule add ipproto foo' \
		'ip rule add ipproto 256' 'ip rule add sport x' 'ip rule add dport -' \
		'ip rule add sport 0' 'ip rule add dport 5-4' 'ip rule add nat' 'ip rule add nat foo' \
		'ip rule add nat 2001:db8::1' 'ip rule add goto' 'ip rule add goto x' \
		'ip rule add goto 4294967296' 'ip rule add type' 'ip rule add type foo' \
		'ip rule add 300' 'ip rule add foo' 'ip rule add local' 'ip rule add nat 1.1.1.1 local' \
		'ip rule add l3mdev table 5' 'ip rule add table 5 l3mdev' \
		'ip rule add to 1.2.3.4 pref 8 goto 8' 'ip rule del pref 77' 'ip rule del table 5 pref 9' \
		'ip rule add help 2>/dev/null' 'ip rule add table 5 help 2>/dev/null' 'ip rule del h 2>/dev/null' \
		'ip rule add type help 2>/dev/null' 'ip rule h 2>/dev/null' 'ip rule help 2>/dev/null' \
		'ip rule'
}

@test "rule diff: save and restore" {
	diff_ip_each "$SETUP" \
		'ip rule save | od -A d -t x1 | sed -n "1p" | cut -c1-24' \
		'ip rule save | wc -c' 'ip -6 rule save | wc -c' \
		'ip rule save | ip rule restore; ip rule' \
		'ip -6 rule save | ip -6 rule restore; ip -6 rule' \
		'ip rule restore </dev/null' 'echo abcd | ip rule restore' \
		'ip rule save | head -c 30 | ip rule restore' \
		'ip rule save | head -c 4 | ip rule restore' \
		'ip route save | ip rule restore' 'ip rule save | ip route showdump' \
		'ip rule save foo' 'ip rule restore foo </dev/null' \
		'ip -0 rule save | wc -c' 'ip -s -d rule save | wc -c' \
		'ip rule flush; ip -6 rule flush; ip rule'
}

@test "rule -j save: the plain binary stream, which restores (iproute2 appends [])" {
	need_root
	run sandbox sh -c 'ip rule add pref 5 table 5; ip -j rule save >/run/s; ip rule save >/run/t
[ $(wc -c </run/s) = $(wc -c </run/t) ] && echo same size; ip rule flush; ip rule restore </run/s; echo rc=$?; ip rule show pref 5'
	[ "$status" -eq 0 ]
	[ "$output" = $'same size\nrc=0\n5:\tfrom all lookup 5' ]
}

# Seq and port id of each saved message (bytes 8-15) differ between runs.
mask_saved() {
	python3 -c '
import sys
b = bytearray(sys.stdin.buffer.read())
out = b[:4]; i = 4
while i + 16 <= len(b):
    n = int.from_bytes(b[i:i+4], "little")
    m = bytearray(b[i:i+n]); m[8:16] = bytes(8)
    out += m; i += (n + 3) & ~3
sys.stdout.write(out.hex())'
}

@test "rule save: the same binary stream as the reference" {
	need_root
	need_ref
	command -v python3 >/dev/null || skip "python3 is needed to mask sequence numbers"
	local d="$BATS_TEST_TMPDIR" fam
	for fam in -4 -6; do
		sandbox ours sh -c "$SETUP
ip $fam rule save >$d/ours.bin; $REF_IP $fam rule save >$d/ref.bin" 2>/dev/null
		[ "$(mask_saved <"$d/ours.bin")" = "$(mask_saved <"$d/ref.bin")" ]
		[ "$(wc -c <"$d/ours.bin")" -gt 400 ]
	done
}

@test "rule save/restore across both implementations, both directions" {
	need_root
	need_ref
	local d="$BATS_TEST_TMPDIR" fam
	for fam in -4 -6; do
		sandbox ours sh -c "$SETUP
ip $fam rule save >$d/ours.bin; $REF_IP $fam rule save >$d/ref.bin; ip $fam rule >$d/before" 2>/dev/null
		# Each file restored by the other implementation into a flushed
		# namespace gives back the same rules (the pref 0 rule, saved
		# without its priority, comes back beside the kernel's own).
		local prep="ip link add v0 type veth peer name v1; ip $fam rule flush"
		sandbox ours sh -c "$prep; ip $fam rule restore <$d/ref.bin; echo rc=\$?; ip $fam rule" >"$d/ours-restored" 2>&1
		sandbox ref sh -c "$prep; ip $fam rule restore <$d/ours.bin; echo rc=\$?; ip $fam rule" >"$d/ref-restored" 2>&1
		diff -u "$d/ref-restored" "$d/ours-restored"
		grep -q '^rc=0$' "$d/ours-restored"
		# every rule saved is back
		grep -v '^0:' "$d/before" | while read -r line; do
			grep -qxF "$line" "$d/ours-restored" || { echo "lost: $line"; return 1; }
		done
	done
}

@test "rule in a batch: the same lines, errors and exit codes" {
	local b="$BATS_TEST_TMPDIR/rule.batch"
	cat >"$b" <<'EOF'
rule add pref 10 table 10 from 10.0.0.0/8
rule add
rule add l3mdev table 5
rule show
rule del pref 10
rule del pref 10
rule add pref 11 fwmark 0x1/0x3 table 11
rule list
-6 rule
rule flush
rule
EOF
	diff_ip "ip -batch $b; echo rc=\$?; ip -force -batch $b; echo rc=\$?"
	printf 'rule add pref 5 table 5\nrule add from bad\nrule show\n' >"$b"
	diff_ip "ip -force -batch $b; echo rc=\$?; ip rule"
	printf 'rule add pref 5 table 5\nrule add nat bad\nrule show\n' >"$b"
	diff_ip "ip -force -batch $b; echo rc=\$?; ip rule"
	printf 'rule add pref 5 table 5\nrule add table x\nrule show\n' >"$b"
	diff_ip "ip -force -batch $b; echo rc=\$?; ip rule"
	printf 'rule add pref 5 table 5 iif lo\nrule show iif lo\nrule flush\nrule show\n' >"$b"
	diff_ip "ip -batch $b; echo rc=\$?; ip -j -batch $b; echo rc=\$?"
	# a failed dump exits 255 but, unlike a usage error, the batch goes on
	printf 'rule show\nrule flush\nrule save\nrule show\n' >"$b"
	diff_ip "ip -0 -batch $b; echo rc=\$?; ip -0 -force -batch $b >/dev/null; echo rc=\$?
ip rule add table 5 pref 5; setpriv --reuid=65534 --clear-groups ip -force -batch $b >/dev/null; echo rc=\$?"
}

# ---- golden texts: what the suite still checks without the reference ----

@test "rule golden: a full rule in text and JSON" {
	need_root
	run sandbox sh -c 'ip link set lo up; ip link add v0 type veth peer name v1
ip rule add pref 100 from 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 table 10 protocol static suppress_prefixlength 0 suppress_ifgroup 5 realms 1/2
ip rule show pref 100; ip -j rule show pref 100; ip -N rule show pref 100'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = $'100:\tfrom 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 lookup 10 suppress_prefixlength 0 suppress_ifgroup 5 realms 1/2 proto static' ]
	[ "${lines[1]}" = '[{"priority":100,"src":"10.0.0.0","srclen":8,"dst":"192.168.1.0","dstlen":24,"tos":"0x10","fwmark":"0x5","fwmask":"0xff","iif":"v0","oif":"v1","uid_start":100,"uid_end":200,"ipproto":"tcp","sport":80,"dport_start":1000,"dport_end":2000,"table":"10","suppress_prefixlen":0,"suppress_ifgroup":"5","flow_from":"1","flow_to":"2","protocol":"static"}]' ]
	[ "${lines[2]}" = $'100:\tfrom 10.0.0.0/8 to 192.168.1.0/24 tos 0x10 fwmark 0x5/0xff iif v0 oif v1 uidrange 100-200 ipproto ipproto-6 sport 80 dport 1000-2000 lookup 10 suppress_prefixlength 0 suppress_ifgroup 5 realms 1/2 proto 4' ]
}

@test "rule golden: a new namespace's rules, -d, and flush keeps the local rule" {
	need_root
	run sandbox sh -c 'ip rule; ip -6 rule; ip -d rule show pref 32766; ip rule flush; ip rule; ip -j rule flush'
	[ "$status" -eq 0 ]
	[ "$output" = $'0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32766:\tfrom all lookup main proto kernel\n0:\tfrom all lookup local\n[]' ]
}

@test "rule golden: actions" {
	need_root
	run sandbox sh -c 'ip rule flush
ip rule add pref 1 blackhole; ip rule add pref 2 goto 9; ip rule add pref 3 nop
ip rule add pref 4 l3mdev; ip rule add pref 5 nat 1.2.3.4 2>/dev/null; ip rule add pref 6 throw
ip rule; ip -j rule show pref 2; ip -N rule show pref 1'
	[ "$status" -eq 0 ]
	[ "$output" = $'0:\tfrom all lookup local\n1:\tfrom all blackhole\n2:\tfrom all goto 9 [unresolved]\n3:\tfrom all nop\n4:\tfrom all lookup [l3mdev-table]\n5:\tfrom all lookup main masquerade\n6:\tfrom all throw\n[{"priority":2,"src":"all","goto":9,"unresolved":null}]\n1:\tfrom all 6' ]
}

@test "rule golden: errors and exit codes" {
	need_root
	run sandbox ip rule add
	[ "$status" -eq 1 ] && [ "$output" = '"ip rule add" requires arguments.' ]
	run sandbox ip rule add l3mdev table 5
	[ "$status" -eq 22 ] && [ "$output" = 'table can not be specified for l3mdev rules' ]
	run sandbox ip rule del table 99
	[ "$status" -eq 2 ] && [ "$output" = 'RTNETLINK answers: No such file or directory' ]
	run sandbox ip rule add fwmark 1/x
	[ "$status" -eq 255 ] && [ "$output" = 'Error: argument "x" is wrong: fwmask value is invalid' ]
	run sandbox ip rule add from nope
	[ "$status" -eq 1 ] && [ "$output" = 'Error: any valid prefix is expected rather than "nope".' ]
	run sandbox ip rule bogus
	[ "$status" -eq 255 ] && [ "$output" = 'Command "bogus" is unknown, try "ip rule help".' ]
	run sandbox ip -0 rule
	[ "$status" -eq 255 ] && [ "$output" = $'RTNETLINK answers: Address family not supported by protocol\nDump terminated' ]
	# the reference leaves its JSON open ("["); ours stays valid
	run sandbox sh -c 'ip -j -0 rule 2>/dev/null'
	[ "$status" -eq 255 ] && [ "$output" = '[]' ]
}

@test "rule help: our usage text in the reference's layout, exit 255" {
	run sandbox ip rule help
	[ "$status" -eq 255 ]
	[ "${lines[0]}" = 'Usage: ip rule { add | del } SELECTOR ACTION' ]
	[[ "$output" == *'SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]'* ]]
	[[ "$output" == *'TABLE_ID := [ local | main | default | NUMBER ]' ]]
	run sandbox ip rule add help
	[ "$status" -eq 255 ] && [ "${lines[0]}" = 'Usage: ip rule { add | del } SELECTOR ACTION' ]
}

@test "rule flush: 2,000 rules all go (the reference's flush skips some)" {
	need_root
	local b="$BATS_TEST_TMPDIR/r.batch"
	awk 'BEGIN { for (i = 0; i < 2000; i++)
		printf "rule add from 10.%d.%d.0/24 table %d pref %d\n", int(i / 256), i % 256, 100 + i % 50, 1000 + i }' >"$b"
	run sandbox sh -c "ip -batch $b && ip rule | wc -l && ip rule flush && ip rule && ip -6 rule flush && ip -6 rule"
	[ "$status" -eq 0 ]
	[ "$output" = $'2003\n0:\tfrom all lookup local\n0:\tfrom all lookup local' ]
}

# Rules made of random subsets of selectors and actions (a fixed seed, so
# every run tries the same ones): each add, then the listings in every
# mode, then deletes by some of the same words.
random_rules() {
	awk -v seed="$1" -v n="$2" -v fam="$3" 'BEGIN {
		srand(seed)
		split("from 10.0.0.0/8|from 10.1.2.3|to 192.168.0.0/16|to 1.2.3.4|tos 0x10|dsfield 0x08|fwmark 7|fwmark 0x10/0xff|iif lo|oif lo|iif v0|uidrange 1-100|ipproto tcp|ipproto 17|sport 80|sport 1000-2000|dport 53|dport 1-2|tun_id 5|not|l3mdev", sel4, "|")
		split("from 2001:db8::/32|to 2001:db8:1::1|fwmark 3|iif lo|oif v0|uidrange 5-9|ipproto ipv6-icmp|sport 22|dport 443-444|not|tun_id 9", sel6, "|")
		split("table 5|lookup main|table 1000|blackhole|prohibit|unreachable|goto 9000|nop|table 7 suppress_prefixlength 0|table 8 suppress_ifgroup 3|table 9 realms 2/3|table 10 protocol static|table 11 protocol 200|throw", act, "|")
		for (i = 0; i < n; i++) {
			line = (fam == 6 ? "ip -6" : "ip") " rule add pref " (100 + i)
			k = int(rand() * 4)
			for (j = 0; j < k; j++)
				line = line " " (fam == 6 ? sel6[1 + int(rand() * 11)] : sel4[1 + int(rand() * 21)])
			print line " " act[1 + int(rand() * 14)]
		}
	}'
}

@test "rule diff: random rules, listed in every mode and deleted" {
	local adds4 adds6 cmds=() line
	adds4=$(random_rules 7 60 4)
	adds6=$(random_rules 11 30 6)
	while read -r line; do cmds+=("$line"); done <<<"$adds4"$'\n'"$adds6"
	cmds+=('ip rule' 'ip -6 rule' 'ip -d rule' 'ip -N -6 rule' 'ip -j rule' 'ip -j -p -6 rule'
		'ip -c=always rule' 'ip rule show not' 'ip rule show tun_id 5' 'ip rule show ipproto tcp'
		'ip rule show fwmark 0x10/0xff' 'ip rule show l3mdev' 'ip -6 rule show from 2001:db8::/32'
		'ip rule del pref 101' 'ip rule del table 5' 'ip rule del blackhole' 'ip rule del nop'
		'ip rule del goto 9000' 'ip -6 rule del not' 'ip rule flush protocol static'
		'ip rule' 'ip -6 rule')
	diff_ip_each 'ip link set lo up; ip link add v0 type veth peer name v1' "${cmds[@]}"
}
