#!/usr/bin/env bats
# ip maddress: show (from /proc/net/dev_mcast, igmp and igmp6), add and del
# of link-layer multicast addresses; differential runs against the
# reference, golden texts, and the kernel's own lists after our changes.

load helpers

setup() { need_root; }

# The system python: a pyenv shim under /root may be missing in a sandbox.
PY=/usr/bin/python3

# Fixed MACs, so the solicited-node groups (ff02::1:ffXX:XXXX) and their
# 33:33:ff:... link addresses are the same in both runs.
LINKS='ip link add v1 address 02:00:00:00:00:01 type veth peer v2 address 02:00:00:00:00:02
ip link set v1 up
ip tuntap add tun0 mode tun; ip link set tun0 up
ip link add br0 address 02:00:00:00:00:03 type bridge; ip link set br0 up'

@test "maddr show: every family, filter and output mode, against the reference" {
	diff_ip_each "$LINKS
ip maddr add 01:00:5e:01:02:06 dev v1; ip maddr add 33:33:00:00:00:07 dev br0" \
		'ip maddr' 'ip maddress' 'ip maddr show' 'ip maddr list' 'ip maddr lst' 'ip maddr ls' \
		'ip maddr s' 'ip maddr sh' 'ip m' 'ip ma' 'ip mad' 'ip maddr show dev v1' 'ip maddr show v1' \
		'ip maddr list dev lo' 'ip maddr show dev tun0' 'ip maddr show dev nosuch' \
		'ip maddr show dev 0123456789abcdefgh' 'ip maddr show dev ""' 'ip maddr show ""' \
		'ip -4 maddr' 'ip -6 maddr' 'ip -0 maddr' 'ip -f link maddr show dev v1' \
		'ip -f inet maddr show dev v1' 'ip -family inet6 maddr show dev br0' \
		'ip -f mpls maddr' 'ip -f bridge maddr' 'ip -M maddr' 'ip -B maddr' \
		'ip -o maddr' 'ip -o -4 maddr' 'ip -br maddr show dev v1' 'ip -s maddr show dev v1' \
		'ip -d maddr show dev v1' 'ip -c=always maddr' 'ip -c=always -o maddr show dev br0' \
		'ip -j maddr' 'ip -j -p maddr' 'ip -j -4 maddr' 'ip -j -6 maddr' 'ip -j -0 maddr' \
		'ip -j -p maddr show dev lo' 'ip -j maddr show dev nosuch' 'ip -4 -j maddr show dev v2' \
		'ip -j -c=always maddr show dev v1' 'ip -j -o maddr show dev v1'
}

@test "maddr add/del: addresses, errors and exit codes, against the reference" {
	diff_ip_each "$LINKS" \
		'ip maddr add 01:00:5e:01:02:03 dev v1' 'ip maddr add 01:00:5e:01:02:03 dev v1' \
		'ip maddr add 33:33:00:00:00:02 dev v1' 'ip maddr add 00:11:22:33:44:55 dev v1' \
		'ip maddr add address 01:00:5e:01:02:06 dev v1' 'ip maddr add addr 01:00:5e:00:00:09 dev v1' \
		'ip maddr add a 01:00:5e:00:00:0a dev v1' 'ip maddr a 01:00:5e:01:02:08 dev v1' \
		'ip maddr ad 01:00:5E:01:02:0A dev v1' 'ip maddr add 1:0:5e:1:2:d dev v1' \
		'ip maddr add 01:00:5e:00:00:10/24 dev v1' 'ip maddr add dev br0' \
		'ip maddr show dev v1' 'ip maddr show dev br0' \
		'ip maddr d 01:00:5e:01:02:08 dev v1' 'ip maddr del 01:00:5e:01:02:03 dev v1' \
		'ip maddr delete 01:00:5e:00:00:09 dev v1' 'ip maddr dele 01:00:5e:00:00:09 dev v1' \
		'ip maddr del 01:00:5e:01:02:09 dev v1' 'ip maddr del 01:00:5e:01:02:03 dev nosuch' \
		'ip maddr show dev v1' \
		'ip maddr add' 'ip maddr add 01:00:5e:01:02:03' 'ip maddr del' 'ip maddr del 01:00:5e:01:02:03' \
		'ip maddr add dev' 'ip maddr add 01:00:5e:01:02:03 dev' 'ip maddr add 01:00:5e:00:00:0f dev v1 address' \
		'ip maddr add 01:00:5e:01:02:03 dev nosuch' 'ip maddr add 01:00:5e:01:02:03 dev lo' \
		'ip maddr add 01:02:03:04:05:06 dev tun0' 'ip maddr add 01:00:5e:01:02:03 dev v1 dev v2' \
		'ip maddr ad 01:00:5e:00:00:09 dev v1 dev v1' 'ip maddr add 01:00:5e:01:02:03 01:00:5e:01:02:04 dev v1' \
		'ip maddr add address 01:00:5e:00:00:0b address 01:00:5e:00:00:0c dev v1' \
		'ip maddr add 01:00:5e:01:02:05 dev v1 foo' 'ip maddr add 01:00:5e:01:02:07 d v1' \
		'ip maddr add 01:00:5e:00:00:0d dev 0123456789abcdefgh' 'ip maddr add 01:00:5e:00:00:0d dev ""' \
		'ip maddr add 01:00:5e:00:00:0d dev "a b"' \
		'ip maddr add 224.1.2.3 dev v1' 'ip maddr add 1.2.3 dev v1' 'ip maddr add 1.2.3.4.5 dev v1' \
		'ip maddr add ff05::3 dev v1' 'ip maddr add zz dev v1' 'ip maddr add zz' 'ip maddr add zz dev nosuch' \
		'ip maddr add 01:00:5e:01:02:03:04:05:06 dev v1' 'ip maddr add 01:00:5e:01:02:03:04' \
		'ip maddr add 01 dev v1' 'ip maddr add 1:2:3 dev v1' 'ip maddr add 0100.5e01.020b dev v1' \
		'ip maddr add 01005e01020c dev v1' 'ip maddr add :::::: dev v1' 'ip maddr add 01:00:5e:00:00:11: dev v1' \
		'ip maddr show dev v1 dev v2' 'ip maddr show v1 v2' 'ip maddr show v1 dev v2' 'ip maddr show foo bar' \
		'ip maddr show dev v1 foo' 'ip maddr show d v1' 'ip maddr show dev' 'ip maddr show dev v1 dev' \
		'ip maddr show "" v1' 'ip maddr foo' 'ip maddr x' 'ip -br link'
}

# Groups joined by sockets (users counts above 1), on a link whose name
# runs into the colon of /proc/net/igmp.
@test "maddr show: groups several sockets joined, long link names" {
	[ -x "$PY" ] || skip "$PY joins the groups"
	diff_ip_each "ip link add 0123456789abcde address 02:00:00:00:00:01 type veth peer v2 address 02:00:00:00:00:02
ip link set 0123456789abcde up; ip link set v2 up; mkfifo /run/ok
# the carrier comes up a moment later, and with it the link-local groups
for i in \$(seq 50); do
	grep -q 1ff000001 /proc/net/igmp6 && grep -q 1ff000002 /proc/net/igmp6 && break; sleep 0.1
done
$PY -c '
import socket, struct, sys, time
socks = []
for dev, fam, grp in (a.split(\"=\") for a in sys.argv[1:]):
    idx = socket.if_nametoindex(dev)
    if fam == \"4\":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton(grp) + bytes(4) + struct.pack(\"i\", idx))
    else:
        s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, socket.inet_pton(socket.AF_INET6, grp) + struct.pack(\"I\", idx))
    socks.append(s)
print(\"ok\", flush=True)
time.sleep(60)
' 0123456789abcde=4=239.1.2.3 0123456789abcde=4=239.1.2.3 0123456789abcde=6=ff05::1:3 0123456789abcde=6=ff05::1:3 0123456789abcde=4=239.9.9.9 v2=4=239.1.2.4 v2=6=ff05::1:4 v2=6=ff05::1:4 v2=6=ff05::1:4 >/run/ok &
read x </run/ok
ip maddr add 01:00:5e:01:02:03 dev 0123456789abcde; ip maddr add 33:33:00:01:00:03 dev 0123456789abcde" \
		'ip maddr' 'ip -j maddr' 'ip -j -p maddr show dev 0123456789abcde' \
		'ip -o maddr show 0123456789abcde' 'ip -4 maddr' 'ip -6 -j maddr' 'ip -0 maddr' \
		'ip -c=always maddr show dev 0123456789abcde' 'ip maddr show dev 0123456789abcd' \
		'kill $!'
}

@test "maddr: the kernel's lists after our add and del; -n NS; batch" {
	diff_ip "$LINKS
ip maddr add 01:00:5e:01:02:03 dev v1; ip maddr add 33:33:00:00:00:05 dev v1
grep -i 'v1 .* 01005e010203\$' /proc/net/dev_mcast; grep 333300000005 /proc/net/dev_mcast
ip maddr del 01:00:5e:01:02:03 dev v1; grep -c 01005e010203 /proc/net/dev_mcast
ip netns add red; ip -n red link add r1 address 02:00:00:00:00:11 type veth peer r2 address 02:00:00:00:00:12
ip -n red link set r1 up; ip -n red maddr add 01:00:5e:00:00:42 dev r1
ip -n red maddr; ip -n red -j maddr; ip maddr show dev r1; ip -n red maddr del 01:00:5e:00:00:42 dev v1
# (iproute2 ends a batch after any maddr add/del: see the golden test)
printf 'maddr show\nmaddr show dev tun0\n' > /run/b
ip -batch /run/b; echo rc=\$?; ip -force -batch /run/b; echo rc=\$?
printf 'maddr show dev v1\nmaddr add 01:00:5e:00:00:45 dev v1\n' > /run/c
ip -force -batch /run/c; echo rc=\$?; ip maddr show dev v1
printf 'maddr show\nmaddr show foo bar\nmaddr show\n' > /run/d
ip -force -batch /run/d; echo rc=\$?
printf 'maddr show dev lo\nmaddr add 01:00:5e:00:00:47\n' > /run/e
ip -force -batch /run/e; echo rc=\$?"
}

# lo and v2 stay down: no carrier on v1, so no link-local address and no
# solicited-node group yet.
@test "maddr: exact listings in text, -o and -j (golden)" {
	run sh_in_sandbox "ip link add v1 address 02:00:00:00:00:01 type veth peer v2 address 02:00:00:00:00:02
ip link set v1 up; ip maddr add 01:00:5e:01:02:03 dev v1
ip maddr show dev v1; ip -o -4 maddr; ip -0 -j maddr show dev v1; ip -j -p -6 maddr show dev lo
ip -4 maddr show dev v2; ip -j maddr show dev v2"
	[ "$status" = 0 ]
	[ "$output" = '3:	v1
	link  33:33:00:00:00:01
	link  01:00:5e:00:00:01
	link  01:00:5e:01:02:03 static
	inet  224.0.0.1
	inet6 ff02::1
	inet6 ff01::1
3:	v1\	inet  224.0.0.1
[{"ifindex":3,"ifname":"v1","maddr":[{"link":"33:33:00:00:00:01"},{"link":"01:00:5e:00:00:01"},{"link":"01:00:5e:01:02:03","features":"static"}]}]
[ {
        "ifindex": 1,
        "ifname": "lo",
        "maddr": [ {
                "family": "inet6",
                "address": "ff02::1"
            },{
                "family": "inet6",
                "address": "ff01::1"
            } ]
    } ]
[{"ifindex":2,"ifname":"v2","maddr":[{"link":"33:33:00:00:00:01"},{"family":"inet6","address":"ff02::1"},{"family":"inet6","address":"ff01::1"}]}]' ]
}

# In a batch each maddr line runs on its own: iproute2 ends the whole batch
# after a maddr add/del (exit 0 when it worked, 1 when it did not, with no
# "Command failed"), and a "dev" filter of one show line stays for the next.
@test "maddr: each batch line on its own (golden)" {
	run sh_in_sandbox "ip link add v1 address 02:00:00:00:00:01 type veth peer v2 address 02:00:00:00:00:02
printf 'maddr add 01:00:5e:00:00:43 dev v1\nmaddress show dev v1\nmaddr del 01:00:5e:00:00:44 dev v1\nmaddr show dev lo\nmaddr show\n' > /run/b
ip -force -batch /run/b; echo rc=\$?
printf 'maddr add zz dev v1\nmaddr show dev v2\nmaddr add 01:00:5e:00:00:46\nmaddr show dev v2\n' > /run/c
ip -force -batch /run/c; echo rc=\$?"
	[ "$output" = '3:	v1
	link  33:33:00:00:00:01
	link  01:00:5e:00:00:43 static
	inet6 ff02::1
	inet6 ff01::1
ioctl: No such file or directory
Command failed /run/b:3
1:	lo
	inet6 ff02::1
	inet6 ff01::1
1:	lo
	inet6 ff02::1
	inet6 ff01::1
2:	v2
	link  33:33:00:00:00:01
	inet6 ff02::1
	inet6 ff01::1
3:	v1
	link  33:33:00:00:00:01
	link  01:00:5e:00:00:43 static
	inet6 ff02::1
	inet6 ff01::1
rc=1
"zz" is invalid lladdr.
Command failed /run/c:1
2:	v2
	link  33:33:00:00:00:01
	inet6 ff02::1
	inet6 ff01::1
Not enough information: "dev" is required.
rc=255' ]
}

@test "maddr: help texts go to stderr with exit 255 (golden)" {
	local usage='Usage: ip maddress { add | del } LLADDR dev IFNAME
       ip maddress [ show | list | lst ] [ [ dev ] IFNAME ]' a
	for a in 'help' 'h' 'add help' 'del he' 'add 01:00:5e:00:00:01 dev v1 help' 'show help' 'show dev lo h'; do
		run sandbox ip maddr $a
		[ "$status" = 255 ]
		[ "$output" = "$usage" ]
		run sandbox sh -c "ip maddr $a 2>/dev/null"
		[ -z "$output" ]
	done
	need_ref
	for a in 'help' 'add 01:00:5e:00:00:01 dev v1 help' 'show dev lo h'; do
		run sandbox ref ip maddr $a
		[ "$status" = 255 ]
	done
}

# Crafted /proc/net files: bound over /proc/PID/net of the very process
# that then becomes ip (the rest of /proc stays real, which a sanitizer
# build needs): `fake ip ...`.
FAKE_NET='mkdir /run/fnet
fake() { sh -c "mount --bind /run/fnet /proc/\$\$/net && exec \"\$@\"" sh "$@"; }'

# Links out of index order, names that run into igmp's colon, one index
# under two names, 20-byte addresses, users 0.
CRAFTED=$FAKE_NET'
printf "%s\n" "10   eth10           1     0     01005e000001" "2    v2              3     2     333300000001" \
	"2    v2              0     0     01005e000002" "2    v2              1     0     01005e0000fb" \
	"7    ib0             1     0     0000000000000000000000000000000000000001" \
	"3    x               0     0     01" > /run/fnet/dev_mcast
printf "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n1\tlo        :     1      V3\n\t\t\t\t010000E0     1 0:00000000\t\t0\n10\teth10     :     2      V2\n\t\t\t\t0A0000E0     3 0:00000000\t\t0\n\t\t\t\tFFFFFFEF     0 0:00000000\t\t0\n2\tv2        :     0      V3\n3\t0123456789abcde:     1      V3\n\t\t\t\t010203E0     2 0:00000000\t\t0\n" > /run/fnet/igmp
printf "%s\n" "1    lo              ff020000000000000000000000000001     1 0000000C 0" \
	"10   eth10           ff0200000000000000000001ff000001     2 00000004 0" \
	"2    v2              ff0e0000000000000000000000000101     1 00000004 0" > /run/fnet/igmp6'

@test "maddr show: crafted /proc/net files, against the reference" {
	diff_ip_each "$CRAFTED" 'fake ip maddr' 'fake ip -j maddr' 'fake ip -j -p maddr show dev ib0' \
		'fake ip -o maddr' 'fake ip -4 maddr' 'fake ip -6 -o maddr' 'fake ip -0 maddr' \
		'fake ip maddr show dev eth10' 'fake ip maddr show dev 0123456789abcde' \
		'fake ip maddr show x' 'fake ip -j maddr show dev v2' 'ip maddr show dev lo'
}

# Lines the kernel never writes are left out; iproute2 prints what its
# scanf left in memory for them, some without a link head (invalid JSON).
@test "maddr show: malformed /proc/net lines are skipped (golden)" {
	run sh_in_sandbox "$FAKE_NET"'
printf "%s\n" "" garbage "5    short" "6    v6              1     0" \
	"8    v8              -2    0     01005e000009" "9    v9              1     0     01005e00000" \
	"11   v11             1     0     zz005e000009" "12   v12             1     5x    01005e000009" > /run/fnet/dev_mcast
printf "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n\t\t\t\t010000E0     1 0:00000000\t\t0\nzz\tbad       :     1      V3\n\t\t\t\t020000E0     1 0:00000000\t\t0\n4\tv4        :     1      V3\n\t\t\t\tGG0000E0     1 0:00000000\t\t0\n\t\t\t\t030000E0\n\t\t\t\t040000E0     -1 0:00000000\t\t0\n" > /run/fnet/igmp
printf "%s\n" x "13   v13             ff02000000000000000000000000000     1 0000000C 0" \
	"14   v14             ff0200000000000000000000000000011     1 0000000C 0" \
	"15   v15             ff020000000000000000000000000001" > /run/fnet/igmp6
fake ip maddr; fake ip -j maddr'
	[ "$status" = 0 ]
	[ "$output" = '4:	v4
	inet  224.0.0.4 users 4294967295
8:	v8
	link  01:00:5e:00:00:09 users 4294967294
[{"ifindex":4,"ifname":"v4","maddr":[{"family":"inet","address":"224.0.0.4","users":4294967295}]},{"ifindex":8,"ifname":"v8","maddr":[{"link":"01:00:5e:00:00:09","users":4294967294}]}]' ]
}
