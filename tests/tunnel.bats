#!/usr/bin/env bats
# ip tunnel on this machine's kernel, which has no tunnel modules: every
# parse error with the reference's message and exit status, the listings with
# no tunnel links, the errors of missing base devices, -batch.  The tunnels
# themselves are compared in the QEMU lane (tests/vm/tunnel.bats).

load helpers

bats_require_minimum_version 1.5.0

@test "tunnel: IPv4 errors and listings, part 1" {
	diff_ip_each 'ip link set lo up' \
		'ip tunnel add' \
		'ip tunnel add t1' \
		'ip tunnel add t1 mode gre' \
		'ip tunnel add t1 mode foo' \
		'ip tunnel add t1 mode ip6ip6' \
		'ip tunnel add t1 mode gre mode ipip' \
		'ip tunnel add t1 mode gre mode gre' \
		'ip tunnel add t1 remote' \
		'ip tunnel add t1 remote 1.2.3.4 remote 1.2.3.5' \
		'ip tunnel add t1 remote foo.invalid' \
		'ip tunnel add t1 remote ::1' \
		'ip tunnel add t1 local any' \
		'ip tunnel add t1 key 1.2.3.4' \
		'ip tunnel add t1 key foo' \
		'ip tunnel add t1 key 4294967296' \
		'ip tunnel add t1 ikey foo' \
		'ip tunnel add t1 okey foo' \
		'ip tunnel add t1 ttl 0' \
		'ip tunnel add t1 ttl 256' \
		'ip tunnel add t1 ttl foo' \
		'ip tunnel add t1 hoplimit 3' \
		'ip tunnel add t1 tos foo' \
		'ip tunnel add t1 tos 0x100' \
		'ip tunnel add t1 dsfield 10' \
		'ip tunnel add t1 tos inherit/foo' \
		'ip tunnel add t1 dev nonexist' \
		'ip tunnel add t1 dev lo' \
		'ip tunnel add t1 nopmtudisc ttl 5' \
		'ip tunnel add t1 ttl 5 nopmtudisc' \
		'ip tunnel add t1 ignore-df' \
		'ip tunnel add t1 noignore-df' \
		'ip tunnel add t1 pmtudisc' \
		'ip tunnel add t1 t2' \
		'ip tunnel add name t1 name t2' \
		'ip tunnel add t1 t1' \
		'ip tunnel add 0123456789abcdefg' \
		'ip tunnel add t1 encaplimit 4' \
		'ip tunnel add t1 seq iseq oseq csum icsum ocsum' \
		'ip tunnel add t1 mode gre seq' \
		'ip tunnel add t1 mode ipip key 5'
}

@test "tunnel: IPv4 errors and listings, part 2" {
	diff_ip_each 'ip link set lo up' \
		'ip tunnel add t1 mode sit key 5' \
		'ip tunnel add t1 mode vti key 5' \
		'ip tunnel add t1 mode vti ikey 5 okey 6 seq' \
		'ip tunnel add t1 mode isatap' \
		'ip tunnel add t1 mode isatap remote 1.2.3.4' \
		'ip tunnel add t1 mode sit remote 1.2.3.4' \
		'ip tunnel add t1 mode ipip' \
		'ip tunnel add t1 mode vti' \
		'ip tunnel add t1 mode ipv6/ip' \
		'ip tunnel add t1 mode ip/ip' \
		'ip tunnel add t1 mode gre/ip' \
		'ip tunnel add t1 mode any' \
		'ip tunnel change t1 mode gre' \
		'ip tunnel change t1' \
		'ip tunnel change' \
		'ip tunnel del t1' \
		'ip tunnel del' \
		'ip tunnel del t1 mode gre' \
		'ip tunnel delete t1 mode gre' \
		'ip tunnel d t1' \
		'ip tunnel show t1' \
		'ip tunnel show t1 mode gre' \
		'ip tunnel show mode gre' \
		'ip tunnel show mode sit' \
		'ip tunnel show foo bar' \
		'ip tunnel prl' \
		'ip tunnel prl dev t1' \
		'ip tunnel prl t1' \
		'ip tunnel prl dev t1 prl-default 1.2.3.4' \
		'ip tunnel prl prl-default 1.2.3.4' \
		'ip tunnel prl dev t1 prl-default foo' \
		'ip tunnel prl dev t1 prl-nodefault 1.2.3.4' \
		'ip tunnel prl dev t1 prl-delete 1.2.3.4' \
		'ip tunnel prl dev t1 prl-delete' \
		'ip tunnel prl dev t1 bogus' \
		'ip tunnel 6rd' \
		'ip tunnel 6rd dev t1' \
		'ip tunnel 6rd dev t1 6rd-prefix 2001:db8::/32' \
		'ip tunnel 6rd 6rd-prefix 2001:db8::/32' \
		'ip tunnel 6rd dev t1 6rd-prefix foo'
}

@test "tunnel: IPv4 errors and listings, part 3" {
	diff_ip_each 'ip link set lo up' \
		'ip tunnel 6rd dev t1 6rd-relay_prefix 1.2.3.0/24' \
		'ip tunnel 6rd dev t1 6rd-relay_prefix foo' \
		'ip tunnel 6rd dev t1 6rd-reset' \
		'ip tunnel 6rd dev t1 bogus' \
		'ip tunnel foo' \
		'ip tunnel ls' \
		'ip tunnel lst' \
		'ip tunnel l' \
		'ip tunnel s' \
		'ip tunnel a t1' \
		'ip tunnel c t1' \
		'ip tunnel p' \
		'ip tunnel 6' \
		'ip tun' \
		'ip tunl' \
		'ip tu' \
		'ip t' \
		'ip tunnel show dev lo' \
		'ip tunnel show dev nonexist' \
		'ip -j tunnel show' \
		'ip -s tunnel show' \
		'ip -o tunnel show' \
		'ip -4 tunnel show' \
		'ip -0 tunnel show' \
		'ip -f link tunnel show' \
		'ip -f mpls tunnel show' \
		'ip -f bridge tunnel show'
}

@test "tunnel: IPv6 errors and listings, part 4" {
	diff_ip_each 'ip link set lo up' \
		'ip -6 tunnel add' \
		'ip -6 tunnel add u1' \
		'ip -6 tunnel add u1 mode foo' \
		'ip -6 tunnel add u1 mode gre' \
		'ip -6 tunnel add u1 mode ip6ip6 mode ipip6' \
		'ip -6 tunnel add u1 mode ipip6' \
		'ip -6 tunnel add u1 mode ip6gre' \
		'ip -6 tunnel add u1 mode vti6' \
		'ip -6 tunnel add u1 mode ipv6/ipv6' \
		'ip -6 tunnel add u1 mode ip/ipv6' \
		'ip -6 tunnel add u1 mode gre/ipv6' \
		'ip -6 tunnel add u1 mode any/ipv6' \
		'ip -6 tunnel add u1 remote 1.2.3.4' \
		'ip -6 tunnel add u1 remote foo' \
		'ip -6 tunnel add u1 remote any' \
		'ip -6 tunnel add u1 local ::1 remote' \
		'ip -6 tunnel add u1 encaplimit foo' \
		'ip -6 tunnel add u1 encaplimit 256' \
		'ip -6 tunnel add u1 encaplimit none' \
		'ip -6 tunnel add u1 hoplimit foo' \
		'ip -6 tunnel add u1 hoplimit 256' \
		'ip -6 tunnel add u1 ttl inherit' \
		'ip -6 tunnel add u1 hlim 5' \
		'ip -6 tunnel add u1 tclass foo' \
		'ip -6 tunnel add u1 tclass 0x100' \
		'ip -6 tunnel add u1 tclass inherit' \
		'ip -6 tunnel add u1 tos 5' \
		'ip -6 tunnel add u1 dsfield 5' \
		'ip -6 tunnel add u1 flowlabel foo' \
		'ip -6 tunnel add u1 flowlabel 0x100000' \
		'ip -6 tunnel add u1 flowlabel inherit' \
		'ip -6 tunnel add u1 dscp foo' \
		'ip -6 tunnel add u1 dscp inherit' \
		'ip -6 tunnel add u1 allow-localremote noallow-localremote' \
		'ip -6 tunnel add u1 key foo' \
		'ip -6 tunnel add u1 key 1.2.3.4' \
		'ip -6 tunnel add u1 mode ip6ip6 key 5' \
		'ip -6 tunnel add u1 seq csum iseq icsum oseq ocsum' \
		'ip -6 tunnel add u1 dev nonexist' \
		'ip -6 tunnel add u1 dev lo'
}

@test "tunnel: IPv6 errors and listings, part 5" {
	diff_ip_each 'ip link set lo up' \
		'ip -6 tunnel add u1 u2' \
		'ip -6 tunnel add u1 nopmtudisc' \
		'ip -6 tunnel add u1 pmtudisc' \
		'ip -6 tunnel add u1 ignore-df' \
		'ip -6 tunnel add 0123456789abcdefg' \
		'ip -6 tunnel add name u1' \
		'ip -6 tunnel change u1' \
		'ip -6 tunnel change' \
		'ip -6 tunnel change mode ip6gre' \
		'ip -6 tunnel del u1' \
		'ip -6 tunnel del' \
		'ip -6 tunnel del mode ip6gre' \
		'ip -6 tunnel show u1' \
		'ip -6 tunnel show u1 mode ip6ip6' \
		'ip -6 tunnel show mode ip6gre' \
		'ip -6 tunnel show dev nonexist' \
		'ip -6 tunnel prl' \
		'ip -6 tunnel 6rd' \
		'ip -6 tunnel foo' \
		'ip -6 tunnel' \
		'ip -6 -s tunnel' \
		'ip -6 -j tunnel' \
		'ip tunnel show mode ip6gre' \
		'ip tunnel show mode any' \
		'ip tunnel add u1 mode any remote 1.2.3.4' \
		'ip tunnel add u1 remote 1.2.3.4 mode ip6gre' \
		'ip tunnel add mode ip6gre u1 encaplimit 4' \
		'ip -4 tunnel add mode ip6gre u1' \
		'ip tunnel add u1 mode' \
		'ip tunnel add u1 mode vti6' \
		'ip tunnel add u1 mode ipv6/ipv6' \
		'ip tunnel add u1 mode any/ipv6' \
		'ip tunnel del u1 mode ip6ip6' \
		'ip tunnel prl mode ip6ip6'
}

@test "tunnel: more parse errors, families, abbreviations" {
	diff_ip_each 'ip link set lo up' \
		'ip tunnel add mode gre' 'ip tunnel add mode gre remote 239.1.1.1' \
		'ip tunnel add t1 key 1.2.3' 'ip tunnel add t1 key 1.2.3.x' \
		'ip tunnel add t1 remote 1.2.3' 'ip tunnel add t1 ttl 0x10 mode gre' \
		'ip tunnel prl dev x prl-default 1.1.1.1 prl-delete 1.1.1.2' \
		'ip tunnel 6rd dev x 6rd-prefix 1.2.3.4/8' 'ip tunnel 6rd dev x 6rd-prefix 2001::/200' \
		'ip tunnel 6rd dev x 6rd-prefix default' 'ip -6 tunnel add u1 mode ipip6 mode ip6gre' \
		'ip tunnel add u1 mode gre mode ip6gre' 'ip tunnel add u1 mode ip6gre mode gre' \
		'ip tunnel add t1 rem 1.1.1.1' 'ip tunnel add t1 tc 5' 'ip tunnel add t1 hlim 5' \
		'ip -6 tunnel add t1 tc 5' 'ip -6 tunnel add t1 fl 5' 'ip tunnel add t1 name' \
		'ip tunnel add t1 dsf 5 mode gre' 'ip tunnel add t1 d 5 mode gre' \
		'ip tunnel add t1 tos 0x20/x mode gre' 'ip tunnel add t1 tos CS1 mode gre' \
		'ip tunnel add t1 tos inherit/CS1 mode gre' 'ip tunnel add t1 tos 256 mode gre' \
		'ip tunnel add t1 key 4294967295 mode gre' 'ip tunnel add t1 key -1 mode gre' \
		'ip tunnel add t1 mode gre key 5 dev nonexist' 'ip tunnel add t1 dev nonexist key 5' \
		'ip tunnel change mode gre remote 1.1.1.1' 'ip tunnel change t1 mode gre t2' \
		'ip tunnel add t1 mode gre ttl 5 nopmtudisc pmtudisc' \
		'ip tunnel add t1 mode gre nopmtudisc ttl inherit' 'ip tunnel add t1 mode vti6' \
		'ip tunnel add t1 mode ipip key 5 ikey 6' 'ip -6 tunnel add u1 mode vti6 key 1' \
		'ip -6 tunnel add u1 tclass 0xff flowlabel 0xfffff encaplimit 0 hoplimit 0' \
		'ip -6 tunnel add u1 tclass ff' 'ip -6 tunnel add u1 flowlabel 12345' \
		'ip -6 tunnel add u1 remote ::1 local 2001:db8::1 remote ::2' \
		'ip -6 tunnel del u1 remote foo' 'ip -6 tunnel show u1 remote ::1' \
		'ip -6 tunnel show remote ::1' 'ip -6 -s tunnel show u1' 'ip -6 -j tunnel show u1' \
		'ip tunnel ""' 'ip tunnel show ""' 'ip -6 tunnel ""' \
		'ip -6 tunnel sh' 'ip -6 tunnel l' 'ip -6 tunnel a u1' \
		'ip -6 tunnel c u1' 'ip -6 tunnel d u1' 'ip -6 tunnel de' 'ip -f inet tunnel' \
		'ip -f inet6 tunnel' 'ip -M tunnel' 'ip -B tunnel' 'ip -0 tunnel add t1 mode ip6gre' \
		'ip -n nothere tunnel show' 'ip -b /dev/null tunnel'
}

@test "tunnel: a batch with tunnel lines, with and without -force" {
	local b="$BATS_TEST_TMPDIR/batch"
	printf '%s\n' 'tunnel show' 'tunnel add t1 mode gre remote 1.2.3.4' \
		'tunnel add t1 mode ip6ip6 remote 2001:db8::1' 'tunnel del t1' \
		'tunnel show nothere' 'tunnel prl dev t1 prl-delete 1.1.1.1' \
		'tunnel 6rd dev t1 6rd-reset' 'tunnel bogus' 'tunnel show' >"$b"
	diff_ip_each 'ip link set lo up' "ip -force -batch $b" "ip -batch $b"
}

@test "tunnel: help texts, on stderr with status 255" {
	run --separate-stderr "$IP" tunnel help
	[ "$status" = 255 ] && [ -z "$output" ]
	[ "${stderr_lines[0]}" = 'Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]' ]
	[ "${stderr_lines[1]}" = '        [ mode { gre | ipip | sit | isatap | vti } ]' ]
	run --separate-stderr "$IP" tunnel add t1 help
	[ "$status" = 255 ] && [ "${stderr_lines[0]}" = 'Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]' ]
	run --separate-stderr "$IP" -6 tunnel help
	[ "$status" = 255 ] && [ -z "$output" ]
	[ "${stderr_lines[0]}" = 'Usage: ip -f inet6 tunnel { add | change | del | show } [ NAME ]' ]
	[ "${stderr_lines[1]}" = '          [ mode { ip6ip6 | ipip6 | ip6gre | vti6 | any } ]' ]
	run --separate-stderr "$IP" tunnel show mode ip6gre he
	[ "$status" = 255 ] && [ "${stderr_lines[0]}" = 'Usage: ip -f inet6 tunnel { add | change | del | show } [ NAME ]' ]
}
