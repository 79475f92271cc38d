#!/usr/bin/env bats
# Every seed and every input that once crashed a fuzzer (corpus/*/regress-*)
# replays cleanly through the same harnesses, built with ASan+UBSan by any
# cc (no clang or libFuzzer needed): tests/fuzz/standalone.c is their main().

load helpers

setup() { need_root; }

@test "fuzz: every seed corpus replays cleanly under ASan and UBSan" {
	run make -s -C "$REPO_DIR/tests/fuzz" regress
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$(grep -c 'inputs replayed$' <<<"$output")" -eq 9 ]
	! grep -q 'ERROR: \|runtime error' <<<"$output"
}

@test "fuzz: the inputs that crashed a fuzzer are kept and pass" {
	cd "$REPO_DIR/tests/fuzz"
	make -s build/regress_decode build/regress_route build/regress_reply
	# heap overflows: RTA_NEXT/NLMSG_NEXT past an unpadded last item
	run build/regress_decode corpus/decode/regress-unpadded-last-message \
		corpus/decode/regress-altnames-unpadded-last
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "2 inputs replayed" ]
	# UBSan: "rtt 99999999s" converted an out-of-range double to uint32_t
	# UBSan: "type 50" shifted 1u by 50
	run build/regress_route corpus/route/regress-rtt-seconds-overflow \
		corpus/route/regress-type-shift-past-31
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "2 inputs replayed" ]
	# UBSan: an NLMSG_DONE error of INT_MIN reached strerror(-err)
	run build/regress_reply corpus/reply/regress-done-error-int-min
	echo "$output"
	[ "$status" -eq 0 ]
	[ "$output" = "1 inputs replayed" ]
}

@test "fuzz: the JSON checker the decoder harness relies on rejects what it must" {
	cd "$REPO_DIR/tests/fuzz"
	cc -std=gnu11 -O1 -o "$BATS_TEST_TMPDIR/jc" -x c - json_check.c <<'EOF2'
#include <stdio.h>
#include <string.h>
#include "json_check.h"
int main(int argc, char **argv)
{
	int i, bad = 0;
	for (i = 1; i < argc; i++)
		printf("%d", json_valid(argv[i], strlen(argv[i])));
	putchar('\n');
	return bad;
}
EOF2
	run "$BATS_TEST_TMPDIR/jc" '[]' '[ {"a": 1, "b": [ "x", true, null, -1.5e3 ]} ]' \
		'{"a":"\u00e9\n"}' '[' '[1,]' '{"a"}' '{"a":1,}' '"a	b"' '[] []' '01' '{1:2}'
	[ "$output" = "11100000000" ]
}

@test "fuzz: the cage lets fuzzed commands run but not exec, fork, wait on inotify or see host files" {
	make -s -C "$REPO_DIR/tests/fuzz" build/cage_check
	run "$REPO_DIR/tests/fuzz/build/cage_check"
	[ "$status" -eq 0 ]
	[ "$output" = "thread: allowed
inotify: Operation not permitted
execve: Operation not permitted
execveat: Operation not permitted
fork: Operation not permitted
/etc/passwd: No such file or directory
/run/netns: allowed" ]
}
