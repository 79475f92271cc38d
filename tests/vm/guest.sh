#!/bin/sh
# Second stage of the QEMU lane's guest (see vm.sh), run by the initramfs'
# /init in the overlay over the host's root.  Runs /run/vm/cmd in the repo
# (/run/vm/repo) with stdout to /run/vm/out, stderr to /run/vm/err, and
# leaves its exit status in /run/vm/rc before powering off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# IP_VM tells the tests they run in the lane (tests/vm/vm.bash: need_vm).
export HOME=/root TERM=dumb LANG=C.UTF-8 IP_VM=1
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm /run/netns /run/lock /var/tmp
mount -t devpts devpts /dev/pts
# The device nodes of modules not yet loaded (/dev/net/tun: tun is a module
# here, built in on the host), made as a distribution's boot makes them
# (systemd-tmpfiles from `kmod static-nodes`): opening one loads its module.
# Without them ip tuntap failed with "open: No such file or directory" for
# ours and the reference alike, and the differential tests compared nothing.
while read -r mod name dev; do
	case "$mod" in '#'* | '') continue ;; esac
	mm=${dev#?}
	mkdir -p "/dev/$(dirname "$name")"
	[ -e "/dev/$name" ] || mknod -m 600 "/dev/$name" "${dev%"$mm"}" "${mm%:*}" "${mm#*:}"
done <"/lib/modules/$(uname -r)/modules.devname"
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
mount -t tmpfs shm /dev/shm
mount -t tmpfs vartmp /var/tmp
mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
hostname ip-vm
ip link set lo up 2>/dev/null
echo 1 >/proc/sys/kernel/panic_on_oops
# Loading ip_gre, ipip, sit, ip6_tunnel or ip6_gre adds fallback devices
# (gre0, tunl0, ip6tnl0...) to every new namespace, ip6tnl0 and ip6gre0 with
# random permanent addresses: two sandboxes would list different links.  They
# stay in the guest's own namespace only (a test can ask for them again).
echo 1 >/proc/sys/net/core/fb_tunnels_only_for_init_net
# Open vSwitch's database and logs start empty: the host's are in the lower
# layer (never used by the host's daemons, which do not run).
rm -rf /etc/openvswitch/conf.db /var/log/openvswitch/* /var/run/openvswitch 2>/dev/null
# The host kills the guest at its deadline; should the host side be gone
# (vm.sh killed), the guest stops itself then too.
for a in $(cat /proc/cmdline); do
	case "$a" in ipvm.timeout=*) (sleep "${a#*=}"; poweroff -f) & ;; esac
done
cd "$(cat /run/vm/repo)" || { echo 125 >/run/vm/rc; poweroff -f; }
/bin/bash /run/vm/cmd >/run/vm/out 2>/run/vm/err </dev/null
echo $? >/run/vm/rc.tmp
mv /run/vm/rc.tmp /run/vm/rc
sync
poweroff -f
