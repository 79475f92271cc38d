#!/bin/sh
# tests/vm/kernel.sh: make Debian's packaged kernel ready for the QEMU lane and
# print its directory (one line).  The image package that linux-image-amd64
# depends on is fetched with `apt-get download` and unpacked with `dpkg-deb -x`
# (never installed) under $IP_VM_CACHE (default /var/cache/ip-vm), one
# directory per package version, with depmod run on the unpacked tree.  Later
# runs find it there; concurrent first runs wait on one lock.
#
# The directory holds: vmlinuz, kver (the kernel release), initrd.cpio
# (made by vm.sh) and lib/modules/<release>/.
set -eu
cache=${IP_VM_CACHE:-/var/cache/ip-vm}
mkdir -p "$cache"

# The image package's name: linux-image-amd64 depends on exactly one.
pkg_of() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n1
}
pkg=$(pkg_of)
if [ -z "$pkg" ]; then
	apt-get update -qq >/dev/null 2>&1 || true
	pkg=$(pkg_of)
fi
[ -n "$pkg" ] || { echo "kernel.sh: no linux-image-amd64 in apt's lists" >&2; exit 1; }
ver=$(apt-cache policy "$pkg" | sed -n 's/^ *Candidate: //p')
dir="$cache/$pkg-$ver"

exec 9>"$cache/lock"
flock 9
if [ ! -f "$dir/ready" ]; then
	tmp=$(mktemp -d "$cache/new.XXXXXX")
	(
		cd "$tmp"
		# _apt cannot write into a root-only directory: apt warns, then
		# downloads as root; quiet the warning.
		apt-get download "$pkg=$ver" >/dev/null 2>&1 ||
			{ apt-get update -qq >/dev/null 2>&1; apt-get download "$pkg=$ver" >/dev/null; }
		dpkg-deb -x ./*.deb tree
	)
	kver=$(ls "$tmp/tree/lib/modules")
	mkdir -p "$tmp/out/lib/modules"
	mv "$tmp/tree/boot/vmlinuz-$kver" "$tmp/out/vmlinuz"
	mv "$tmp/tree/lib/modules/$kver" "$tmp/out/lib/modules/"
	depmod -b "$tmp/out" "$kver"
	echo "$kver" >"$tmp/out/kver"
	rm -rf "$dir"
	mv "$tmp/out" "$dir"
	rm -rf "$tmp"
	touch "$dir/ready"
	# A new kernel version replaces the old one (400 MB unpacked).
	for old in "$cache"/linux-image-*; do
		[ "$old" = "$dir" ] || rm -rf "$old"
	done
fi
echo "$dir"
