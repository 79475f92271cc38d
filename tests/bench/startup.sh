#!/bin/bash
# Start-up: `ip link show` in a namespace that has only lo.  Instructions are
# the stable measure (valgrind counts them exactly, whatever the load of the
# machine); wall time, system calls and peak memory come with them.
. "$(dirname "$0")/lib.sh"

log "start-up"
i=() s=()
for k in 0 1 2; do
	i[k]=$(ir "${IMPLS[k]}" link show)
	s[k]=$(syscalls "${IMPLS[k]}" link show)
done
row startup-ir "start-up: \`ip link show\`, lo only (instructions)" \
	"${i[0]}" "${i[1]}" "${i[2]}" "$(ratio "${i[0]}" "${i[1]}")" \
	"< busybox" "$(check "${i[0]} < ${i[2]}")" -
row startup-sys "start-up: system calls" "${s[0]}" "${s[1]}" "${s[2]}" \
	"$(ratio "${s[0]}" "${s[1]}")" "< iproute2" "$(check "${s[0]} < ${s[1]}")" -
if [ -n "${MUSL:-}" ]; then
	im=$(ir "$MUSL" link show)
	sm=$(syscalls "$MUSL" link show)
	row startup-ir-musl "start-up: the same, musl build (instructions)" \
		"$im" "${i[1]}" "${i[2]}" "$(ratio "$im" "${i[1]}")" \
		"< busybox" "$(check "$im < ${i[2]}")" -
	row startup-sys-musl "start-up: system calls, musl build" "$sm" \
		"${s[1]}" "${s[2]}" "$(ratio "$sm" "${s[1]}")" "< iproute2" \
		"$(check "$sm < ${s[1]}")" -
fi
measure $((REPS * 20)) link show
row startup-wall "start-up: wall time (median of $((REPS * 20)))" \
	"$(fmt_ms "${W[0]}")" "$(fmt_ms "${W[1]}")" "$(fmt_ms "${W[2]}")" \
	"$(ratio "${W[0]}" "${W[1]}")" "-" "-" "$SAME"
row startup-rss "start-up: peak memory (KiB)" "${RSS[0]}" "${RSS[1]}" \
	"${RSS[2]}" "$(ratio "${RSS[0]}" "${RSS[1]}")" "-" "-" -
