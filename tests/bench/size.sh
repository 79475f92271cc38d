#!/bin/bash
# Size on disk: ours (glibc static, musl static), iproute2's ip plus the
# shared libraries it loads, busybox (the whole multi-call binary); then
# where our bytes go: the biggest symbols of unstripped side builds (musl
# and glibc), ours and the C library's alike.
#
# Run by tests/bench/run (make bench), or alone from the tree:
#   tests/bench/size.sh        IP=path  REF_IP=path  BENCH_DIR=dir
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
if [ -z "${RESULTS:-}" ]; then	# alone: what tests/bench/run would set
	export WORK="${BENCH_DIR:-$REPO/build-bench}"
	export OURS="${IP:-$REPO/ip/ip}" REF="${REF_IP:-/bin/ip}"
	export BB="$(command -v busybox || echo /nonexistent)"
	export RESULTS="$WORK/results-size.tsv"
	mkdir -p "$WORK" && : >"$RESULTS"
fi
. "$HERE/lib.sh"

log "size"
kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB\n", b / 1024 }'; }
fsize() { if [ -e "$1" ]; then stat -Lc %s "$1"; else echo -; fi; }

# Side builds of our tree: musl stripped (the size that counts), and
# unstripped musl and glibc ones for nm.
OURS_MUSL=
if command -v musl-gcc >/dev/null; then
	make -s -C "$REPO" CC=musl-gcc B="$WORK/musl" BIN="$WORK/musl/ipbin" >/dev/null &&
		OURS_MUSL="$WORK/musl/ipbin"
	make -s -C "$REPO" CC=musl-gcc B="$WORK/musl" BIN="$WORK/musl/ipbin-sym" \
		LDFLAGS= >/dev/null
fi
make -s -C "$REPO" B="$WORK/sym" BIN="$WORK/sym/ipbin-sym" LDFLAGS= >/dev/null

ours=$(stat -Lc %s "$OURS")
ref=$(stat -Lc %s "$REF")
libs=$(ldd "$REF" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
nlibs=$(echo "$libs" | grep -c .)
reflibs=$ref
for l in $libs; do reflibs=$((reflibs + $(stat -Lc %s "$l"))); done
bb=$(fsize "$(readlink -f "$BB")")
bbk=n/a
[ "$bb" = - ] || bbk=$(kib "$bb")
row size-glibc "size: static binary, glibc, stripped" "$(kib "$ours")" \
	"$(kib "$ref") + $nlibs libs = $(kib "$reflibs")" "$bbk" \
	"$(ratio "$ours" "$ref")" "< 1024 KiB" "$(check "$ours < 1048576")" -
if [ -n "$OURS_MUSL" ]; then
	m=$(stat -Lc %s "$OURS_MUSL")
	row size-musl "size: static binary, musl, stripped" "$(kib "$m")" \
		"$(kib "$ref")" "$bbk" "$(ratio "$m" "$ref")" \
		"< 192 KiB" "$(check "$m < 196608")" -
else
	row size-musl "size: static binary, musl (musl-gcc missing)" n/a \
		"$(kib "$ref")" "$bbk" - "< 192 KiB" SKIP -
fi

# The report: sizes in bytes, then the 15 biggest symbols of each build
# (size in bytes, nm type: t/T code, r/R read-only data, d/D data, b/B
# zeroed; bss costs no file space), biggest first.  tests/bench/run prints it again
# under its table.
{
	echo "Binary sizes (stripped, static): glibc $ours bytes ($(kib "$ours"))," \
		"musl ${m:-n/a} bytes${m:+ ($(kib "$m"))}; limits 1048576 and 196608"
	for b in "$WORK/musl/ipbin-sym" "$WORK/sym/ipbin-sym"; do
		[ -x "$b" ] || continue
		case "$b" in */musl/*) name=musl ;; *) name=glibc ;; esac
		echo "Biggest symbols ($name build, nm --size-sort, bss left out):"
		nm --size-sort -S -t d "$b" | awk '$3 !~ /^[bB]$/' | tail -15 | tac |
			awk '{ printf "  %6d %s %s\n", $2, $3, $4 }'
	done
	# Only ours: the glibc build's symbols that our objects define.
	if [ -x "$WORK/sym/ipbin-sym" ]; then
		echo "Biggest symbols of our own code (glibc build):"
		nm --defined-only "$WORK"/sym/lib/*.o "$WORK"/sym/lib/libc/*.o "$WORK"/sym/ip/*.o 2>/dev/null |
			awk 'NF == 3 { print $3 }' | sort -u >"$WORK/ours.names"
		nm --size-sort -S -t d "$WORK/sym/ipbin-sym" |
			awk 'NR == FNR { ours[$1] = 1; next }
			     $3 !~ /^[bB]$/ && ($4 in ours)' "$WORK/ours.names" - |
			tail -15 | tac | awk '{ printf "  %6d %s %s\n", $2, $3, $4 }'
	fi
} | tee "$WORK/size-report.txt"
