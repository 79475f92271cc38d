#!/bin/sh
# tests/vm/initrd.sh KDIR: the QEMU lane's initramfs for the kernel in KDIR
# (from kernel.sh), made once per version of tests/vm/init and kept in KDIR;
# prints its path.  It holds busybox (static), /init and the modules that
# mount the host's root: virtio-pci, 9p over virtio, overlay, with their
# dependencies before them (from the tree's modules.dep).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kdir=$1
kver=$(cat "$kdir/kver")
mdir="$kdir/lib/modules/$kver"
sum=$(cat "$here/init" "$(command -v busybox)" | md5sum | cut -c1-12)
out="$kdir/initrd-$sum.cpio"
[ -f "$out" ] && { echo "$out"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/mods" "$tmp/proc" "$tmp/sys" "$tmp/dev"
cp "$(command -v busybox)" "$tmp/bin/busybox"
for a in $("$tmp/bin/busybox" --list); do
	[ "$a" = busybox ] || ln -s busybox "$tmp/bin/$a"
done
cp "$here/init" "$tmp/init"
chmod +x "$tmp/init"

# add MODULE: its dependencies first, each module once.
add() {
	local path deps name d
	path=$(grep "/$1.ko:" "$mdir/modules.dep" | cut -d: -f1)
	[ -n "$path" ] || { echo "initrd.sh: no module $1 in $mdir" >&2; exit 1; }
	deps=$(grep "^$path:" "$mdir/modules.dep" | cut -d: -f2)
	for d in $deps; do add "$(basename "$d" .ko)"; done
	name=$(basename "$path")
	grep -qx "$name" "$tmp/modules" 2>/dev/null && return 0
	cp "$mdir/$path" "$tmp/mods/"
	echo "$name" >>"$tmp/modules"
}
: >"$tmp/modules"
for m in virtio_pci 9pnet_virtio 9p overlay; do add "$m"; done
(cd "$tmp" && find . | "$tmp/bin/busybox" cpio -o -H newc 2>/dev/null) >"$out.$$"
mv "$out.$$" "$out"
echo "$out"
