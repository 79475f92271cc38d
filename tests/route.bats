#!/usr/bin/env bats
# ip route: golden texts (exact expected output, meaningful without the
# reference) and the parser's error messages and exit codes.

load helpers

setup() { need_root; }

# One small routing table, built with our own ip; no IPv6 link-local
# addresses (addr_gen_mode 1) so nothing depends on timing.
SETUP='echo 1 > /proc/sys/net/ipv6/conf/default/addr_gen_mode
ip link add v0 type veth peer name v1; ip link set lo up; ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0; ip -6 addr add 2001:db8::1/64 dev v0 nodad
ip route add default via 10.0.0.2
ip route add 10.1.0.0/16 via 10.0.0.2 metric 10 proto static
ip route add blackhole 10.2.0.0/16
ip route add 10.5.0.0/16 dev v0 mtu lock 1400 advmss 1300 src 10.0.0.1
ip route add 10.6.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3 dev v0
ip -6 route add 2001:db8:1::/48 via 2001:db8::2 pref high'

in_setup() {
	sh_in_sandbox "$SETUP
$1"
}

@test "route: exact text, with the trailing blanks the reference prints" {
	run in_setup 'ip route'
	[ "$status" -eq 0 ]
	[ "$output" = "default via 10.0.0.2 dev v0 
10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
10.1.0.0/16 via 10.0.0.2 dev v0 proto static metric 10 
blackhole 10.2.0.0/16 
10.5.0.0/16 dev v0 scope link src 10.0.0.1 mtu lock 1400 advmss 1300 
10.6.0.0/16 
	nexthop via 10.0.0.2 dev v0 weight 2 
	nexthop via 10.0.0.3 dev v0 weight 1 " ]
}

@test "route -6: metric and pref, no trailing blank" {
	run in_setup 'ip -6 route'
	[ "$status" -eq 0 ]
	[ "$output" = "2001:db8::/64 dev v0 proto kernel metric 256 pref medium
2001:db8:1::/48 via 2001:db8::2 dev v0 metric 1024 pref high" ]
}

@test "route -j -p: multipath as a nexthops array" {
	run in_setup 'ip -j -p route show 10.6.0.0/16'
	[ "$status" -eq 0 ]
	[ "$output" = '[ {
        "dst": "10.6.0.0/16",
        "flags": [ ],
        "nexthops": [ {
                "gateway": "10.0.0.2",
                "dev": "v0",
                "weight": 2,
                "flags": [ ]
            },{
                "gateway": "10.0.0.3",
                "dev": "v0",
                "weight": 1,
                "flags": [ ]
            } ]
    } ]' ]
}

@test "route -o: nexthops on one line" {
	run in_setup 'ip -o route show 10.6.0.0/16'
	[ "$status" -eq 0 ]
	[ "$output" = '10.6.0.0/16 \	nexthop via 10.0.0.2 dev v0 weight 2 \	nexthop via 10.0.0.3 dev v0 weight 1 ' ]
}

@test "route -d: type, proto and scope always shown" {
	run in_setup 'ip -d route show 10.5.0.0/16'
	[ "$status" -eq 0 ]
	[ "$output" = 'unicast 10.5.0.0/16 dev v0 proto boot scope link src 10.0.0.1 mtu lock 1400 advmss 1300 ' ]
}

@test "route show selectors drop the columns they fix" {
	run in_setup 'ip route show dev v0 proto static; ip route show via 10.0.0.2'
	[ "$status" -eq 0 ]
	[ "$output" = '10.1.0.0/16 via 10.0.0.2 metric 10 
default dev v0 
10.1.0.0/16 dev v0 proto static metric 10 ' ]
}

@test "route show table local -j" {
	run in_setup 'ip -j route show table local'
	[ "$status" -eq 0 ]
	[ "$output" = '[{"type":"local","dst":"10.0.0.1","dev":"v0","protocol":"kernel","scope":"host","prefsrc":"10.0.0.1","flags":[]},{"type":"broadcast","dst":"10.0.0.255","dev":"v0","protocol":"kernel","scope":"link","prefsrc":"10.0.0.1","flags":[]},{"type":"local","dst":"127.0.0.0/8","dev":"lo","protocol":"kernel","scope":"host","prefsrc":"127.0.0.1","flags":[]},{"type":"local","dst":"127.0.0.1","dev":"lo","protocol":"kernel","scope":"host","prefsrc":"127.0.0.1","flags":[]},{"type":"broadcast","dst":"127.255.255.255","dev":"lo","protocol":"kernel","scope":"link","prefsrc":"127.0.0.1","flags":[]}]' ]
}

@test "route get: cache line and uid" {
	run in_setup 'ip route get 10.9.9.9; ip route get 10.0.0.1'
	[ "$status" -eq 0 ]
	[ "$output" = '10.9.9.9 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 
    cache 
local 10.0.0.1 dev lo src 10.0.0.1 uid 0 
    cache <local> ' ]
}

@test "route del, replace, append: the table follows" {
	run in_setup 'ip route del 10.1.0.0/16; ip route replace blackhole 10.2.0.0/16 metric 3
ip route append 10.2.0.0/16 via 10.0.0.9 metric 3; ip route show root 10.2.0.0/16'
	[ "$status" -eq 0 ]
	[ "$output" = 'blackhole 10.2.0.0/16 
blackhole 10.2.0.0/16 metric 3 
10.2.0.0/16 via 10.0.0.9 dev v0 metric 3 ' ]
}

@test "route flush -s: rounds reported" {
	run in_setup 'ip -s route flush proto static; ip -s route flush proto static; ip route show proto static'
	[ "$status" -eq 0 ]
	[ "$output" = '
*** Round 1, deleting 1 entries ***
*** Flush is complete after 1 round ***
Nothing to flush.' ]
}

@test "route save | restore round trip through a file" {
	run in_setup 'ip route save > /run/rt.bin; ip route flush root 10.5.0.0/16
ip route restore < /run/rt.bin; echo rc=$?; ip route show 10.5.0.0/16; ip route showdump < /run/rt.bin | wc -l
od -A n -t x1 -N 4 /run/rt.bin'
	[ "$status" -eq 0 ]
	[ "$output" = 'RTNETLINK answers: File exists
RTNETLINK answers: File exists
RTNETLINK answers: File exists
RTNETLINK answers: File exists
RTNETLINK answers: File exists
rc=0
10.5.0.0/16 dev v0 scope link src 10.0.0.1 mtu lock 1400 advmss 1300 
8
 24 12 31 45' ]
}

@test "route restore from a pipe: cannot seek, like the reference" {
	run in_setup 'ip route save | ip route restore'
	[ "$status" -eq 1 ]
	[ "$output" = 'Failed to restore: ftell: Illegal seek' ]
}

@test "route restore: bad magic" {
	run sh_in_sandbox 'echo garbage | ip route restore'
	[ "$status" -eq 1 ]
	[ "$output" = 'Magic mismatch (1 elems, 62726167 magic)' ]
}

# Errors: each message and exit code exactly as the reference prints them.
check_err() {
	local want_status="$1" want="$2"
	shift 2
	run sandbox ip "$@"
	[ "$status" -eq "$want_status" ] || { echo "status $status: $output"; return 1; }
	[ "$output" = "$want" ] || { echo "got: $output"; return 1; }
}

@test "route errors: prefixes and addresses" {
	check_err 1 'Error: any valid prefix is expected rather than "nope".' route add nope dev lo
	check_err 1 'Error: inet prefix is expected rather than "x/8".' -4 route add x/8 dev lo
	check_err 1 'Error: inet6 address is expected rather than "1.2.3.4".' route add ::/0 via 1.2.3.4
	check_err 1 'Error: any valid prefix is expected rather than "10.0.0.0/33".' route show 10.0.0.0/33
	check_err 255 'Error: either "to" is duplicate, or "10/8" is a garbage.' route add 10/8 10/8
}

@test "route errors: values" {
	check_err 255 'Error: argument "foo" is wrong: "table" value is invalid' route add 10.0.0.0/8 table foo
	check_err 255 'Error: argument "foo" is wrong: table id value is invalid' route show table foo
	check_err 255 'Error: argument "x" is wrong: "mtu" value is invalid' route add 10.0.0.0/8 mtu x
	check_err 255 'Error: argument "2" is wrong: "quickack" value should be 0 or 1' route add 10.0.0.0/8 quickack 2
	check_err 255 'Error: argument "0" is wrong: "weight" is invalid' route add 10.0.0.0/8 nexthop via 1.1.1.1 weight 0
	check_err 255 'Error: argument "x" is wrong: invalid mark value' route get 1.1.1.1 mark x
	check_err 255 'Error: argument "via" is wrong: use nexthop syntax to specify multiple via' route add 10.0.0.0/8 via 1.2.3.4 via 1.2.3.5
}

@test "route errors: syntax" {
	check_err 255 'Command "foo" is unknown, try "ip route help".' route foo
	check_err 255 'Command line is not complete. Try option "help"' route add 10.0.0.0/8 dev
	check_err 255 'Command line is not complete. Try option "help"' route add x
	check_err 255 'Error: unexpected end of line after "nexthop"' route add 10.0.0.0/8 nexthop
	check_err 255 'Error: "nexthop" or end of line is expected instead of "foo"' route add 10.0.0.0/8 nexthop via 1.1.1.1 foo
	check_err 1 '"ip route flush" requires arguments.' route flush
	check_err 1 'need at least a destination address' route get
}

@test "route errors: devices and the kernel" {
	check_err 1 'Cannot find device "nope"' route add 10.0.0.0/8 dev nope
	check_err 1 'Cannot find device "nope"' route show dev nope
	check_err 2 'Error: Nexthop has invalid gateway.' route add 10.0.0.0/8 via 10.9.9.9
	check_err 2 'Error: FIB table does not exist.' route del 10.0.0.0/8
	check_err 2 'RTNETLINK answers: Network is unreachable' route get 10.1.1.1
	check_err 2 'Error: ipv4: FIB table does not exist.
Dump terminated' route show table 77
}

@test "route help: usage on stderr, exit 255" {
	run sandbox ip route help
	[ "$status" -eq 255 ]
	[[ "$output" == "Usage: ip route { list | flush } SELECTOR"* ]]
}

@test "route in a batch: errors name the line" {
	run sh_in_sandbox 'printf "route add blackhole 10.9.0.0/16\nroute add blackhole 10.9.0.0/16\nroute show\n" > /run/b
ip -batch /run/b; echo rc=$?; ip -force -batch /run/b; echo rc=$?'
	[ "$output" = 'RTNETLINK answers: File exists
Command failed /run/b:2
rc=1
RTNETLINK answers: File exists
Command failed /run/b:1
RTNETLINK answers: File exists
Command failed /run/b:2
blackhole 10.9.0.0/16 
rc=1' ]
}

@test "route -j save: the plain binary stream (iproute2 appends [] to it)" {
	run in_setup 'ip route save > /run/a.bin; ip -j route save > /run/b.bin
ip route showdump < /run/a.bin > /run/a.txt; ip route showdump < /run/b.bin > /run/b.txt
echo rc=$?; cmp /run/a.txt /run/b.txt && wc -c < /run/a.bin && wc -c < /run/b.bin'
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = rc=0 ]
	[ "${lines[1]}" = "${lines[2]}" ]
}

@test "route: keywords for what this ip leaves out are refused, exit 255" {
	# vrf is taken now: a name that is no VRF is refused as iproute2 does
	check_err 255 'Error: argument "blue" is wrong: Invalid VRF' route show vrf blue
	check_err 255 'Error: "encap" is not supported by this ip.' route add 10.0.0.0/8 encap mpls 100 dev lo
	check_err 255 'Error: "as" is not supported by this ip.' route add 10.0.0.0/8 as 1.2.3.4 dev lo
	check_err 255 'Error: "flowlabel" is not supported by this ip.' route get ::1 flowlabel 5
}

# -echo in JSON: one object per route (iproute2 opens it twice, "[{{"), and in
# a batch each line prints its own route (iproute2 leaves every ack unread
# and takes it for the next line's answer: "Not a route: ...").
@test "route -echo: valid JSON, and each batch line answered by its own route" {
	run in_setup 'ip -echo -j route add blackhole 10.99.0.0/16
printf "%s\n" "route add blackhole 10.98.0.0/16" "route add blackhole 10.97.0.0/16" "route del blackhole 10.98.0.0/16" | ip -echo -batch -'
	[ "$status" -eq 0 ]
	[ "$output" = '[{"type":"blackhole","dst":"10.99.0.0/16","flags":[]}]
blackhole 10.98.0.0/16 
blackhole 10.97.0.0/16 
Deleted blackhole 10.98.0.0/16 ' ]
}

# Dumps stream: listing 20 times more routes must not grow the peak memory
# (no timing assertion; RSS only means something on the static build).
@test "route: show, save and flush of 40000 routes keep memory flat" {
	[ -x /usr/bin/time ] || skip "/usr/bin/time is not installed"
	if ldd "$IP" >/dev/null 2>&1; then
		skip "$IP is a dynamic (sanitizer) build: RSS says nothing here"
	fi
	local b="$BATS_TEST_TMPDIR/routes"
	awk 'BEGIN { for (i = 0; i < 40000; i++)
		printf "route add 11.%d.%d.0/24 via 10.0.0.2\n", int(i / 256), i % 256 }' >"$b"
	run sh_in_sandbox "ip link add v0 type veth peer name v1; ip link set v0 up
ip addr add 10.0.0.1/24 dev v0; head -2000 $b | ip -batch -
/usr/bin/time -f %M ip route 2>&1 >/dev/null
ip -force -batch - < $b >/dev/null 2>&1
/usr/bin/time -f %M ip route 2>&1 >/dev/null
/usr/bin/time -f %M ip -j route 2>&1 >/dev/null
/usr/bin/time -f %M ip route save 2>&1 >/dev/null
ip route | wc -l
/usr/bin/time -f %M ip route flush root 11.0.0.0/8 2>&1
ip route | wc -l"
	echo "$output"
	[ "$status" -eq 0 ]
	small=${lines[0]}
	for big in "${lines[1]}" "${lines[2]}" "${lines[3]}" "${lines[5]}"; do
		[ "$big" -lt $((small + 256)) ]
	done
	[ "${lines[4]}" -eq 40001 ]
	[ "${lines[6]}" -eq 1 ]
}

@test "route showdump: a malformed message is placed by its file offset, also from a pipe" {
	diff_ip 'cd /run; printf "\044\022\061\105\377\377\000\000\000\000\000\000\000\000\000\000\000\000\000\000" >m
ip route showdump <m; echo rc=$?; cat m | ip route showdump; echo rc=$?
printf "\044\022\061\105\024\000\000\000" >t; ip route showdump <t; echo rc=$?; cat t | ip route restore; echo rc=$?'
}
