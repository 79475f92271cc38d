#!/bin/bash
# Size on disk: ours (glibc static, musl static), iproute2's ip plus the
# shared libraries it loads, busybox (the whole multi-call binary).
. "$(dirname "$0")/lib.sh"

log "size"
kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB\n", b / 1024 }'; }
ours=$(stat -Lc %s "$OURS")
ref=$(stat -Lc %s "$REF")
libs=$(ldd "$REF" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
nlibs=$(echo "$libs" | grep -c .)
reflibs=$ref
for l in $libs; do reflibs=$((reflibs + $(stat -Lc %s "$l"))); done
bb=$(stat -Lc %s "$(readlink -f "$BB")")
row size-glibc "size: static binary, glibc, stripped" "$(kib "$ours")" \
	"$(kib "$ref") + $nlibs libs = $(kib "$reflibs")" "$(kib "$bb")" \
	"$(ratio "$ours" "$ref")" "< 1024 KiB" "$(check "$ours < 1048576")" -
if [ -n "$OURS_MUSL" ] && [ -x "$OURS_MUSL" ]; then
	m=$(stat -Lc %s "$OURS_MUSL")
	row size-musl "size: static binary, musl, stripped" "$(kib "$m")" \
		"$(kib "$ref")" "$(kib "$bb")" "$(ratio "$m" "$ref")" \
		"< 150 KiB" "$(check "$m < 153600")" -
else
	row size-musl "size: static binary, musl (musl-gcc missing)" n/a \
		"$(kib "$ref")" "$(kib "$bb")" - "< 150 KiB" SKIP -
fi
