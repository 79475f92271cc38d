#!/usr/bin/env bats
# ip tuntap (and its alias ip tap): add/del through /dev/net/tun, show from
# the link dump and sysfs, -d with the processes attached; differential runs
# against the reference, golden texts, and a device our ip made carrying
# packets for its owner.

load helpers

# Without the node every add fails alike for both implementations, and the
# differential tests would compare two failures (the QEMU lane had none).
setup() {
	need_root
	[ -c /dev/net/tun ] || skip "no /dev/net/tun here (the tun module's device node)"
}

# The system python: a pyenv shim under /root is no use to other users.
PY=/usr/bin/python3
ATTACH="$HELPERS_DIR/tun_attach.py"

# Users and groups by name come from these files, bound over the system's
# in the sandbox (a group line longer than a read buffer is one entry).
NAMES_SETUP='printf "root:x:0:0::/root:/bin/sh\nalice:x:1234:1234::/home/alice:/bin/sh\n5x:x:42:42::/:/bin/sh\n" > /run/passwd
{ printf "wheel:x:77:"; for i in $(seq 300); do printf "member%d," $i; done; printf "x\n"; printf "staff:x:4321:\n"; } > /run/group
mount --bind /run/passwd /etc/passwd; mount --bind /run/group /etc/group'

@test "tuntap add/del/show: modes, flags, owners, against the reference" {
	diff_ip_each "$NAMES_SETUP" \
		'ip tuntap add dev tun0 mode tun' 'ip tuntap add tap0 mode tap' \
		'ip tuntap add name t1 mode tun pi' 'ip tuntap add dev t2 mode tap one_queue vnet_hdr multi_queue' \
		'ip tuntap add t3 mode tun user alice group staff' 'ip tuntap add t4 mode tap user 1234 group 77' \
		'ip tuntap add t5 mode tun user 5x group wheel' 'ip tuntap add t6 mode tun user 99999 group 0' \
		'ip tuntap add t7 mode tun user -1 group 4294967295' 'ip tuntap add t8 mode tun group 4294967296' \
		'ip tuntap add t9 mode tun user 99999999999999999999 group -99999999999999999999' \
		'ip tuntap add t10 mode tun user 5 user 6 group 1 group 2' 'ip tuntap add t11 mode tun user 007 group -2' \
		'ip tuntap add t12 mode tun user +5' 'ip tuntap add t13 mode tun user " 5"' \
		'ip tuntap add t14 mode tun pi pi one_queue one_queue' \
		'ip tuntap add dev t15 mode tu' 'ip tuntap add dev t16 m ta' 'ip tuntap add dev t17 mode t' \
		'ip tuntap add dev t18 mode tun mode t' 'ip tuntap add dev t19 mode tap mode tap' \
		'ip tuntap add dev t20 mode tap o p vn mu u 1 g 1' 'ip tuntap a t21 mode tun' \
		'ip tuntap add name a1 dev a2 mode tun' 'ip tuntap add b1 dev b2 mode tun' \
		'ip tuntap add dev 0123456789abcde mode tun' 'ip tuntap add mode tun' \
		'ip tuntap' 'ip tuntap show' 'ip tuntap list' 'ip tuntap lst' 'ip tuntap s' 'ip tuntap li' \
		'ip tuntap show dev tun0' 'ip tuntap show foo bar' 'ip tuntap show help' \
		'ip tap' 'ip tap show' 'ip ta' 'ip tunt' \
		'ip -j tuntap' 'ip -j -p tuntap' 'ip -o tuntap' 'ip -br tuntap' 'ip -s tuntap' \
		'ip -c=always tuntap' 'ip -j -c=always tuntap' \
		'ip tuntap del dev tun0 mode tun' 'ip tuntap del tap0 mode tap' \
		'ip tuntap del name t1 mode tun pi' 'ip tuntap d t2 mode tap multi_queue' \
		'ip tuntap del t3 mode tun vnet_hdr one_queue' 'ip tuntap del dev t4 mode tap pi' \
		'ip tuntap del dev nosuch mode tun' 'ip tuntap del mode tun' \
		'ip tuntap' 'grep -H . /sys/class/net/*/tun_flags /sys/class/net/*/owner /sys/class/net/*/group' \
		'ip -d link show t5' 'ip -d -j link show t2'
}

@test "tuntap: argument errors and kernel refusals, with their exit codes" {
	diff_ip_each "$NAMES_SETUP
ip tuntap add tun0 mode tun
ip link add v1 type veth peer v2" \
		'ip tuntap add' 'ip tuntap add tun9' 'ip tuntap del' 'ip tuntap del dev lo' \
		'ip tuntap add dev t1 mode foo' 'ip tuntap add dev t1 mode TUN' 'ip tuntap add dev t1 mode ""' \
		'ip tuntap add dev t1 mode tunnel' 'ip tuntap add dev t1 mode help' \
		'ip tuntap add dev t1 mode tun mode tap' 'ip tuntap add dev t1 mode tun user 1 mode ta' \
		'ip tuntap del t1 mode tap mode tun' 'ip tuntap del t1 mode foo' \
		'ip tuntap add mode' 'ip tuntap add dev' 'ip tuntap add t1 mode tun name' \
		'ip tuntap add dev t1 mode tun user' 'ip tuntap add dev t1 mode tun group' 'ip tuntap del t1 mode' \
		'ip tuntap add tun0 tun1 mode tun' 'ip tuntap add name t0 mode tun name t1' \
		'ip tuntap add dev t0 name t1 mode tun' 'ip tuntap add dev t0 t1 mode tun' \
		'ip tuntap add dev t1 mode tun bogus' 'ip tuntap add dev t1 mode tun ""' \
		'ip tuntap del dev t1 mode tun user 5' 'ip tuntap del user 5 mode tun' 'ip tuntap del dev t1 mode tun group 1' \
		'ip tuntap del dev t1 name t2 mode tun' \
		'ip tuntap add dev 0123456789abcdef mode tun' 'ip tuntap add dev "a b" mode tun' \
		'ip tuntap add dev a/b mode tun' 'ip tuntap add dev "" mode tun' \
		'ip tuntap add 0123456789abcdefg mode tun' 'ip tuntap add name "x y" mode tun' 'ip tuntap add "" mode tun' \
		'ip tuntap del dev 01234567890123456 mode tun' 'ip tuntap add mode foo dev 01234567890123456' \
		'ip tuntap add dev 01234567890123456 mode foo' \
		'ip tuntap add dev t1 mode tun user nosuch' 'ip tuntap add dev t1 mode tun group nosuch' \
		'ip tuntap add dev t1 mode tun user 0x10' 'ip tuntap add dev t1 mode tun user 12abc' \
		'ip tuntap add dev t1 mode tun user ""' 'ip tuntap add dev t1 mode tun user "5 "' \
		'ip tuntap add dev t1 mode tun user help' 'ip tuntap add dev t1 mode tun user alice user nosuch' \
		'ip tuntap add dev t1 mode tun user nosuch group nosuch' 'ip tuntap add dev t1 mode tun user 1 group nosuch' \
		'ip tuntap add dev t1 mode tun group member5' \
		'ip tuntap add tun0 mode tun' 'ip tuntap add tun0 mode tap' 'ip tuntap add tun0 mode tun pi' \
		'ip tuntap add lo mode tap' 'ip tuntap add v1 mode tun' \
		'ip tuntap del tun0 mode tap' 'ip tuntap del dev lo mode tun' 'ip tuntap del v1 mode tap' \
		'ip tuntap foo' 'ip tuntap addx t1 mode tun' 'ip tuntap' 'ip -br link'
}

@test "tuntap: help texts go to stderr with exit 255 (golden)" {
	local usage='Usage: ip tuntap { add | del } [ dev | name ] IFNAME mode { tun | tap }
                 [ pi ] [ one_queue ] [ vnet_hdr ] [ multi_queue ]
                 [ user USER ] [ group GROUP ]
       ip tuntap [ show | list | lst | help ]

Where: USER  := { NAME | NUMBER }     (add only)
       GROUP := { NAME | NUMBER }     (add only)' a
	for a in 'help' 'h' 'add help' 'add dev t1 mode tun help' 'del he' 'add help dev t1'; do
		run sandbox ip tuntap $a
		[ "$status" = 255 ]
		[ "$output" = "$usage" ]
		run sandbox sh -c "ip tuntap $a 2>/dev/null"
		[ -z "$output" ]
	done
	# the reference's exit status for each of them
	need_ref
	for a in 'help' 'add dev t1 mode tun help'; do
		run sandbox ref ip tuntap $a
		[ "$status" = 255 ]
	done
}

@test "tuntap: exact listings in text, -o, -j and -j -p (golden)" {
	run sh_in_sandbox "ip tuntap add tun0 mode tun user 0 group 6666
ip tuntap add tap0 mode tap pi vnet_hdr multi_queue one_queue
ip tuntap add tun1 mode tun
ip tuntap show; ip -o tuntap; ip -j tuntap; ip -j -p tuntap show tap0"
	[ "$status" = 0 ]
	[ "$output" = 'tun0: tun persist user 0 group 6666
tap0: tap pi one_queue multi_queue vnet_hdr persist filter
tun1: tun persist
tun0: tun persist user 0 group 6666
tap0: tap pi one_queue multi_queue vnet_hdr persist filter
tun1: tun persist
[{"ifname":"tun0","flags":["tun","persist"],"user":0,"group":6666},{"ifname":"tap0","flags":["tap","pi","one_queue","multi_queue","vnet_hdr","persist","filter"]},{"ifname":"tun1","flags":["tun","persist"]}]
[ {
        "ifname": "tun0",
        "flags": [ "tun","persist" ],
        "user": 0,
        "group": 6666
    },{
        "ifname": "tap0",
        "flags": [ "tap","pi","one_queue","multi_queue","vnet_hdr","persist","filter" ]
    },{
        "ifname": "tun1",
        "flags": [ "tun","persist" ]
    } ]' ]
	run sh_in_sandbox 'ip -j tuntap; ip -j -p tuntap; ip tuntap; echo rc=$?'
	[ "$output" = '[]
[ ]
rc=0' ]
}

# The flags the kernel keeps for a device made by either ip, and its owner:
# the same requests reached it.  Flags only a daemon sets (IFF_NAPI) show as
# a number, as the reference shows them.
@test "tuntap: the kernel state each add leaves, and flags beyond the names" {
	diff_ip "$NAMES_SETUP
ip tuntap add tun0 mode tun; ip tuntap add tap0 mode tap user alice group wheel
ip tuntap add t1 mode tap pi one_queue vnet_hdr multi_queue; ip tuntap add t2 mode tun pi
grep -H . /sys/class/net/*/tun_flags /sys/class/net/*/owner /sys/class/net/*/group
ip tuntap del t1 mode tap multi_queue; ip tuntap del tun0 mode tun pi
ip -br link
mkfifo /run/ok; $PY $ATTACH napi0 0x1012 >/run/ok & read x </run/ok; echo \$x
ip tuntap; ip -j tuntap; kill \$!"
}

# -d lists the processes holding each device through /proc: in a PID
# namespace of its own only the sandbox's processes are there (on the host
# the reference also says "readlink: Permission denied" for every fd it may
# not read, which varies with whatever else runs).
tuntap_pidns() {
	local f="$BATS_TEST_TMPDIR/pidns.sh" c
	{
		echo 'mkfifo /run/ok'
		echo "$PY $ATTACH tap0 0x1102 fork twice >/run/ok & read x </run/ok"
		echo "$PY $ATTACH tun0 0x1001 >/run/ok & read x </run/ok"
		for c in "$@"; do
			printf 'echo %q; %s; echo "### rc=$?"\n' "### $c" "$c"
		done
	} >"$f"
	echo "$f"
}

PIDNS_SETUP='ip tuntap add tap0 mode tap multi_queue
ip tuntap add tun0 mode tun user 1 group 2
ip tuntap add tun1 mode tun pi'

@test "tuntap -d: processes attached to each device, against the reference" {
	local f
	f=$(tuntap_pidns 'ip -d tuntap' 'ip -d tuntap show' 'ip -d -o tuntap' \
		'ip -d -c=always tuntap' 'ip -d -d tuntap' 'ip tuntap' 'ip -j tuntap' \
		'ip -d link show' 'ip -d -j link show tap0')
	diff_ip "$PIDNS_SETUP
exec unshare --pid --fork --mount-proc sh $f"
}

# The reference's JSON here is invalid ("processes":["name":"x","pid":2]);
# ours puts each process in an object.
@test "tuntap -d -j: processes as objects, valid JSON (golden)" {
	local f
	f=$(tuntap_pidns 'ip -d -j tuntap' 'ip -d -j -p tuntap show' 'ip -d tuntap')
	run sh_in_sandbox "$PIDNS_SETUP
exec unshare --pid --fork --mount-proc sh $f"
	[ "$status" = 0 ]
	[ "$output" = '### ip -d -j tuntap
[{"ifname":"tap0","flags":["tap","multi_queue","persist"],"processes":[{"name":"python3","pid":3},{"name":"python3","pid":3},{"name":"python3","pid":4}]},{"ifname":"tun0","flags":["tun","persist"],"user":1,"group":2,"processes":[{"name":"python3","pid":5}]},{"ifname":"tun1","flags":["tun","pi","persist","filter"],"processes":[]}]
### rc=0
### ip -d -j -p tuntap show
[ {
        "ifname": "tap0",
        "flags": [ "tap","multi_queue","persist" ],
        "processes": [ {
                "name": "python3",
                "pid": 3
            },{
                "name": "python3",
                "pid": 3
            },{
                "name": "python3",
                "pid": 4
            } ]
    },{
        "ifname": "tun0",
        "flags": [ "tun","persist" ],
        "user": 1,
        "group": 2,
        "processes": [ {
                "name": "python3",
                "pid": 5
            } ]
    },{
        "ifname": "tun1",
        "flags": [ "tun","pi","persist","filter" ],
        "processes": [ ]
    } ]
### rc=0
### ip -d tuntap
tap0: tap multi_queue persist
	Attached to processes:python3(3)python3(3)python3(4)
tun0: tun persist user 1 group 2
	Attached to processes:python3(5)
tun1: tun pi persist filter
	Attached to processes:
### rc=0' ]
	# (mkfifo is pid 2)
	echo "$output" | grep '^\[{' | $PY -c 'import json, sys; json.load(sys.stdin)'
}

@test "tuntap: no /dev/net/tun, no sysfs of this namespace, -n NS, batch" {
	diff_ip "ip tuntap add tun0 mode tun
mount -t tmpfs none /dev/net; ip tuntap add t1 mode tun; echo rc=\$?
ip tuntap del tun0 mode tun; echo rc=\$?; umount /dev/net
mount --bind /dev/null /dev/net/tun; ip tuntap add t1 mode tun; echo rc=\$?; umount /dev/net/tun
mount -t tmpfs none /sys; ip tuntap; echo rc=\$?; ip -j tuntap; echo rc=\$?; umount /sys
ip netns add red; ip -n red tuntap add tap7 mode tap; ip -n red tuntap; ip tuntap
ip -n red tuntap del tap7 mode tap; ip -n red tuntap; ip -n red link show tap7; echo rc=\$?
printf 'tuntap add t2 mode tun\ntap add t3 mode tap user 1\ntuntap show\ntuntap add t2 mode tun\ntuntap del t3 mode tap\ntuntap\n' > /run/b
ip -batch /run/b; echo rc=\$?; ip -force -batch /run/b; echo rc=\$?
printf 'tuntap add t4 mode foo\ntuntap\n' > /run/c; ip -force -batch /run/c; echo rc=\$?"
}

# A device made by our ip works for the program it was made for: its owner
# (an unprivileged user) attaches, packets routed to it come out of the fd;
# another user may not attach.  And iproute2 shows it as it shows its own.
# (/dev/net/tun is root's alone here; distributions make it 0666, and so
# does the sandbox's own node.)
@test "tuntap: our device carries packets for its owner; iproute2 lists it alike" {
	[ -x "$PY" ] || skip "$PY is the tun client"
	command -v setpriv >/dev/null || skip "setpriv drops privileges"
	run sh_in_sandbox "mknod /run/tun c 10 200; chmod 666 /run/tun; mount --bind /run/tun /dev/net/tun
ip tuntap add vpn0 mode tun user nobody
ip link set vpn0 up; ip addr add 10.55.0.1/24 dev vpn0
mkfifo /run/out
setpriv --reuid 1 --regid 1 --clear-groups $PY $ATTACH vpn0 0x1001 </dev/null
setpriv --reuid 65534 --regid 65534 --clear-groups $PY $ATTACH vpn0 0x1001 read >/run/out &
exec 3</run/out; read ok <&3; echo \$ok
ping -c1 -W1 10.55.0.2 >/dev/null 2>&1 &
read pkt <&3; echo \$pkt
# the carrier comes up as the owner attaches: ask again while it settles
for i in 1 2 3 4 5; do
	ip -d link show vpn0 >/run/ours; $REF_IP -d link show vpn0 >/run/ref
	cmp -s /run/ours /run/ref && break; sleep 0.3
done; diff /run/ref /run/ours && echo same"
	[ "$status" = 0 ]
	[ "$output" = 'EPERM
ok
1 10.55.0.1 > 10.55.0.2
same' ]
}

@test "tuntap: ip -d link of devices our ip made matches the reference's" {
	diff_ip "$NAMES_SETUP
ip tuntap add tap0 mode tap user alice group staff vnet_hdr
ip tuntap add tun0 mode tun multi_queue pi
ip link set tap0 address 02:00:00:00:00:01
ip -d link show; ip -d -j -p link show; ip -d -o link show tun0"
}

# Without CAP_NET_ADMIN: the kernel's refusals, worded alike (the binary
# is run by its real path: the test's PATH directory is root's alone).
@test "tuntap and maddr as an unprivileged user, against the reference" {
	command -v setpriv >/dev/null || skip "setpriv drops privileges"
	diff_ip 'mknod /run/tun c 10 200; chmod 666 /run/tun; mount --bind /run/tun /dev/net/tun
ip tuntap add tun0 mode tun; ip link add v1 type veth peer v2
bin=$(readlink -f "$(command -v ip)")
as() { setpriv --reuid 65534 --regid 65534 --clear-groups "$bin" "$@"; echo "rc=$?"; }
as tuntap add t1 mode tun; as tuntap del tun0 mode tun; as tuntap add t1 mode tun user 5
as tuntap; as -j tuntap; as maddr add 01:00:5e:00:00:05 dev v1; as maddr del 01:00:5e:00:00:01 dev v1
as maddr show dev v1
chmod 600 /run/tun; as tuntap add t2 mode tap; ip tuntap'
}

# show reads each device's flags and owners from sysfs: crafted files (a
# tmpfs on /sys) give values the kernel never writes, and broken ones that
# both skip with the reference's two lines.
@test "tuntap show: crafted sysfs values, against the reference" {
	local flags own script='ip tuntap add tun0 mode tun; ip tuntap add tap0 mode tap
mount -t tmpfs none /sys; mkdir -p /sys/class/net/tun0 /sys/class/net/tap0
put() { echo "$2" >/sys/class/net/tun0/tun_flags; echo "$3" >/sys/class/net/tun0/owner; printf "%s" "$4" >/sys/class/net/tun0/group
	echo "### $*"; ip tuntap; echo "rc=$?"; ip -j tuntap; ip -o tuntap; }
echo 0x1802 >/sys/class/net/tap0/tun_flags; echo 5 >/sys/class/net/tap0/owner'
	for flags in 0xffff 0x0 0x3 garbage '""' 0x80001803 4097 -1 '" 0x1801"' 0x1801x; do
		for own in -1 0 abc '""' 4294967295 99999999999 -5; do
			script="$script
put x $flags $own $own"
		done
	done
	diff_ip "$script
put x 0x1801 0 1; rm /sys/class/net/tun0/owner; ip tuntap; ip -j tuntap"
}
