#!/bin/sh
# IP_WRAPPER for make check-asan: LeakSanitizer cannot run under ptrace and
# aborts the program there, so under strace (tests that count syscalls or
# capture requests) leak checking is turned off; everything else still runs.
if grep -q '^TracerPid:[[:space:]]*[1-9]' /proc/self/status 2>/dev/null; then
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export ASAN_OPTIONS
fi
exec "$@"
