#!/usr/bin/env bats
# Embedded use: the static binary in an otherwise empty root (just ip and
# busybox's static shell: no /etc/iproute2, no /usr/share, no shared
# libraries, no /run, and /proc and /sys only where a test mounts them),
# entered with chroot inside the sandbox.

load helpers

setup() { need_root; }

# make_root: the empty root with our ip and busybox, or skip saying why not.
make_root() {
	[ -x /bin/busybox ] || skip "busybox (busybox-static) is not installed"
	file -L /bin/busybox 2>/dev/null | grep -q 'statically linked' ||
		skip "/bin/busybox is not statically linked (install busybox-static)"
	if ldd "$IP" >/dev/null 2>&1; then
		skip "$IP is linked dynamically (sanitizer build): embedded use needs the static one"
	fi
	ROOT="$BATS_TEST_TMPDIR/root"
	mkdir -p "$ROOT/bin"
	install -m 0755 "$IP" "$ROOT/bin/ip"
	install -m 0755 /bin/busybox "$ROOT/bin/busybox"
	for a in sh mkdir mount umount ls cat echo test grep sed; do
		ln -s busybox "$ROOT/bin/$a"
	done
}

# in_root 'script': run the script with busybox sh inside the empty root.
# The root is a mount point, as an initramfs' is (ip netns exec makes "/"
# a slave mount, which only a mount point can be).  Debian's busybox runs
# its own applets before PATH, and it has an "ip" applet: the function makes
# "ip" ours, as a PATH lookup would.
in_root() {
	sandbox sh -c 'mount --bind "$1" "$1" && exec chroot "$1" /bin/sh -c "$2"' \
		in_root "$ROOT" "PATH=/bin; ip() { /bin/ip \"\$@\"; }; $1"
}

@test "embedded: the root really is empty" {
	make_root
	run in_root 'ls /'
	[ "$output" = "bin" ]
	run in_root 'ls /bin | grep -v -x -e busybox -e ip -e sh -e mkdir -e mount -e umount -e ls -e cat -e echo -e test -e grep -e sed; echo end'
	[ "$output" = "end" ]
}

SCRIPT='ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip link set v1 mtu 1400 group 7
ip addr add 10.0.0.1/24 dev v0
ip addr add 2001:db8::1/64 dev v0 nodad
ip route add 10.1.0.0/16 via 10.0.0.2
ip route add 10.2.0.0/16 dev v0 proto static metric 7 table 100
ip -6 route add 2001:db8:1::/48 via 2001:db8::2
ip link
ip -d link show v1
ip addr
ip -br addr
ip route
ip route show table all
ip -6 route
ip -j link show lo
ip link show nosuch
ip route add 10.3.0.0/16 via 10.9.9.9
echo rc=$?'

@test "embedded: link, addr, route work in the empty root and print as in a full system" {
	make_root
	run in_root "$SCRIPT"
	echo "$output"
	[[ "$output" == *"v0@v1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000"* ]]
	[[ "$output" == *"inet 10.0.0.1/24 scope global v0"* ]]
	[[ "$output" == *"10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1"* ]]
	[[ "$output" == *"10.1.0.0/16 via 10.0.0.2 dev v0"* ]]
	[[ "$output" == *"10.2.0.0/16 dev v0 table 100 proto static scope link metric 7"* ]]
	[[ "$output" == *'Device "nosuch" does not exist.'* ]]
	[[ "$output" == *"rc=2"* ]]
	normalize <<<"$output" >"$BATS_TEST_TMPDIR/root.out"
	# The same script in a sandbox with the full system around it.
	run sh_in_sandbox ours "$SCRIPT"
	normalize <<<"$output" >"$BATS_TEST_TMPDIR/full.out"
	diff -u "$BATS_TEST_TMPDIR/full.out" "$BATS_TEST_TMPDIR/root.out"
}

@test "embedded: ip netns add creates /run/netns itself; list, exec, -n, delete" {
	make_root
	run in_root 'mkdir /proc /run /sys && mount -t proc proc /proc
test -e /run/netns && echo "/run/netns exists"
ip netns add red && echo added
ls /run/netns
ip netns list
ip netns exec red ip link set lo up
ip netns exec red ip -br link
ip -n red addr add 10.5.0.1/32 dev lo
ip -n red -br addr show dev lo
ip link add v0 type veth peer name v1 netns red
ip -br link show v0
ip netns exec red sh -c "/bin/ip -br link show v1"
ip netns delete red && echo deleted
ip netns list
ls /run/netns
umount /proc'
	echo "$output"
	[ "$status" -eq 0 ]
	# MACs are random: they are the only part not spelled out.
	[[ "$output" == "added
red
red
lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> 
lo               UNKNOWN        127.0.0.1/8 10.5.0.1/32 ::1/128 
v0@if2           DOWN           "*" <BROADCAST,MULTICAST> 
v1@if"*" <BROADCAST,MULTICAST> 
deleted" ]]
}

@test "embedded: ip netns add without /proc fails cleanly, like the reference" {
	make_root
	run in_root 'ip netns add red; echo rc=$?'
	echo "$output"
	[[ "$output" == *"rc=1"* ]]
}

# The reference needs /run to exist (it creates /run/netns only); so do we.
@test "embedded: ip netns add in a root without /run fails like the reference" {
	make_root
	run in_root 'mkdir /proc && mount -t proc proc /proc; ip netns add red; echo rc=$?'
	[ "$output" = "mkdir /run/netns failed: No such file or directory
rc=1" ]
}

@test "embedded: make install DESTDIR=... PREFIX=/ lays out an image" {
	command -v make >/dev/null || skip "make is not installed"
	d="$BATS_TEST_TMPDIR/image"
	# -o ip/ip: install the binary under test, do not rebuild it.
	make -s -C "$REPO_DIR" -o ip/ip install DESTDIR="$d" PREFIX=/
	run sh -c "cd '$d' && find . -type f | sort"
	[ "$output" = "./sbin/ip
./share/bash-completion/completions/ip
./share/man/man8/ip.8
./share/zsh/vendor-completions/_ip" ]
	[ -x "$d/sbin/ip" ]
	cmp "$d/sbin/ip" "$REPO_DIR/ip/ip"
	cmp "$d/share/man/man8/ip.8" "$REPO_DIR/ip/ip.8"
	make -s -C "$REPO_DIR" -o ip/ip install DESTDIR="$d/usr-image"
	[ -x "$d/usr-image/usr/sbin/ip" ]
	[ -f "$d/usr-image/usr/share/man/man8/ip.8" ]
}

@test "embedded: the man page renders without warnings" {
	command -v man >/dev/null || skip "man (man-db) is not installed"
	run sh -c "MANWIDTH=80 man --warnings -l '$REPO_DIR/ip/ip.8' 2>&1 >/dev/null"
	[ -z "$output" ]
	run sh -c "MANWIDTH=80 man -l '$REPO_DIR/ip/ip.8' 2>/dev/null"
	[[ "$output" == *"ip [ OPTIONS ] OBJECT { COMMAND | help }"* ]]
	[[ "$output" == *"BATCH MODE"* ]]
}

# Without a /sys directory the reference cannot mount sysfs for the
# namespace and refuses: "mount of /sys failed: ..." (tried with iproute2
# and its libraries in such a root), exit 255.
@test "embedded: ip netns exec in a root without /sys fails like the reference" {
	make_root
	run in_root 'mkdir /proc /run && mount -t proc proc /proc; ip netns add red
ip netns exec red ip -br link; echo rc=$?; ip -n red -br link; echo rc=$?'
	echo "$output"
	[ "$output" = "mount of /sys failed: No such file or directory
rc=255
mount of /sys failed: No such file or directory
rc=255" ]
}
