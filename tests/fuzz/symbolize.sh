#!/bin/sh
# Sanitizer reports from inside the cage have raw "(binary+0xoffset)" frames
# (the symbolizer cannot be run there); this turns them into file:line.
#   build/fuzz_decode crash-file 2>&1 | tests/fuzz/symbolize.sh
sym=$(command -v llvm-symbolizer || ls /usr/bin/llvm-symbolizer-* 2>/dev/null | head -1)
while IFS= read -r line; do
	case "$line" in
	*"    #"*"(/"*"+0x"*")"*)
		obj=${line#*(}; obj=${obj%%+0x*}
		off=${line##*+}; off=${off%%)*}
		where=$("$sym" --obj="$obj" "$off" 2>/dev/null | sed -n '1p;2p' | paste -sd' ')
		printf '%s  %s\n' "${line%%(*}" "$where" ;;
	*) printf '%s\n' "$line" ;;
	esac
done
