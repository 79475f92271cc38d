#!/bin/sh
# tests/vm/vm.sh: run a shell command inside a QEMU guest that boots Debian 12's
# packaged kernel (the QEMU lane of `make check-vm`).
#
#   tests/vm/vm.sh [--repo DIR] [--timeout SECS] [--mem MB] -- 'shell command'
#
# The guest's root is this machine's root, read-only over virtio-9p, under a
# tmpfs overlay (writes stay in the guest); /tmp and /run are fresh tmpfs, and
# /lib/modules/<release> is the Debian kernel's whole module tree, so modprobe
# finds every module.  The command runs as root under bash with cwd = DIR
# (default: the repo this script is in; build ip/ip there on the host first),
# and its stdout and stderr come back here as it runs; vm.sh exits with its
# status.  The guest has no network card (-nic none): nothing leaves the
# machine.  A guest still running after SECS (default 1500) is killed and
# vm.sh exits 124; a guest that died before the command ended exits 125.
# Each run has its own temporary directory: several can run at once.
#
# Example:  tests/vm/vm.sh --repo /work/wt/kinds -- 'bats tests/vm/kinds.bats'
# Environment: IP_VM_CACHE (kernel cache, default /var/cache/ip-vm),
# IP_VM_ACCEL (kvm or tcg: skip the probe), IP_VM_KEEP=1 (keep the temp dir).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
timeout=1500
mem=1536
while [ $# -gt 0 ]; do
	case "$1" in
	--repo) repo=$(cd "$2" && pwd); shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--) shift; break ;;
	*) echo "usage: vm.sh [--repo DIR] [--timeout SECS] [--mem MB] -- 'command'" >&2; exit 2 ;;
	esac
done
[ $# -gt 0 ] || { echo "vm.sh: no command (vm.sh -- 'command')" >&2; exit 2; }
command -v qemu-system-x86_64 >/dev/null || { echo "vm.sh: qemu-system-x86_64 is not installed" >&2; exit 2; }

kdir=$("$here/kernel.sh")
kver=$(cat "$kdir/kver")
cache=$(dirname "$kdir")
initrd=$("$here/initrd.sh" "$kdir")

# KVM hangs on some hosts before the kernel prints a line: probe it once per
# host boot (a few seconds) and use software emulation where it fails.
accel=${IP_VM_ACCEL:-}
if [ -z "$accel" ]; then
	probe="$cache/accel.$(cat /proc/sys/kernel/random/boot_id)"
	if [ ! -s "$probe" ]; then
		plog=$(mktemp)
		accel=tcg
		if [ -w /dev/kvm ]; then
			timeout 8 qemu-system-x86_64 -accel kvm -m 128 -nic none -display none \
				-no-reboot -kernel "$kdir/vmlinuz" \
				-append 'console=ttyS0 earlyprintk=ttyS0 panic=-1' \
				-serial "file:$plog" >/dev/null 2>&1 || true
			grep -q 'Linux version' "$plog" && accel=kvm
		fi
		rm -f "$plog" "$cache"/accel.*
		echo "$accel" >"$probe"
	fi
	accel=$(cat "$probe")
fi
case "$accel" in
kvm) accel_opts="-accel kvm -cpu host" ;;
*) accel_opts="-accel tcg,thread=multi" ;;
esac

run=$(mktemp -d /tmp/ip-vm.XXXXXX)
qpid=
cleanup() {
	[ -z "$qpid" ] || kill -9 "$qpid" 2>/dev/null || true
	[ -n "${IP_VM_KEEP:-}" ] || rm -rf "$run"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir "$run/share"
printf '%s\n' "$*" >"$run/share/cmd"
echo "$repo" >"$run/share/repo"
: >"$run/share/out"
: >"$run/share/err"

# shellcheck disable=SC2086
qemu-system-x86_64 $accel_opts -smp 2 -m "$mem" \
	-nic none -display none -no-reboot -monitor none \
	-kernel "$kdir/vmlinuz" -initrd "$initrd" \
	-append "console=ttyS0 quiet loglevel=3 panic=-1 mitigations=off ipvm.kver=$kver ipvm.kdir=$kdir ipvm.guest=$here/guest.sh ipvm.timeout=$((timeout + 30))" \
	-serial "file:$run/console" \
	-virtfs local,path=/,mount_tag=hostroot,security_model=passthrough,readonly=on,multidevs=remap \
	-virtfs "local,path=$run/share,mount_tag=vmout,security_model=none" \
	>"$run/qemu.log" 2>&1 &
qpid=$!
tail -q -f --pid="$qpid" "$run/share/out" &
tpid1=$!
tail -q -f --pid="$qpid" "$run/share/err" >&2 &
tpid2=$!
# The guest powers off after leaving rc; should it hang there, it is stopped
# here a few seconds later, and at the deadline whatever it is doing.
deadline=$(($(date +%s) + timeout))
late=
while kill -0 "$qpid" 2>/dev/null && [ ! -f "$run/share/rc" ]; do
	[ "$(date +%s)" -lt "$deadline" ] || { late=1; break; }
	sleep 1
done
n=0
while [ -z "$late" ] && kill -0 "$qpid" 2>/dev/null && [ $n -lt 10 ]; do
	sleep 1
	n=$((n + 1))
done
kill -9 "$qpid" 2>/dev/null || true
status=0
wait "$qpid" || status=$?
qpid=
wait "$tpid1" "$tpid2" 2>/dev/null || true
if [ -f "$run/share/rc" ]; then
	exit "$(cat "$run/share/rc")"
fi
if [ -n "$late" ]; then
	echo "vm.sh: the guest ran past ${timeout}s and was killed" >&2
	rc=124
else
	echo "vm.sh: the guest stopped before the command ended (qemu status $status)" >&2
	rc=125
fi
echo "--- last lines of the guest's console and qemu's log:" >&2
tail -n 20 "$run/console" "$run/qemu.log" >&2 2>/dev/null || true
exit "$rc"
