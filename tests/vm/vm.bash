# Shared by the QEMU lane's tests (tests/vm/*.bats): load ../helpers, then
# this file (`load vm`).  The files under tests/vm/ run inside the guest that
# `make check-vm` (tests/vm/lane.sh) boots on Debian 12's kernel; in the
# host's `make check` (bats -r tests) every test there skips, saying so.

# need_vm: skip unless inside the lane's guest (guest.sh sets IP_VM=1).
need_vm() {
	[ -n "${IP_VM:-}" ] || skip "runs in the QEMU lane (make check-vm), not on the host"
}

# need_module NAME...: load kernel modules (the guest has the Debian kernel's
# whole tree); skip, naming it, if one is missing.
need_module() {
	local m
	for m in "$@"; do
		modprobe -q "$m" 2>/dev/null || skip "the guest's kernel has no module $m"
	done
}
