#!/usr/bin/env bats
# The help texts: ip/usage.txt, packed by ip/usage.awk into
# ip/usage_text.[ch], expanded by lib/usage.c when printed.

load helpers

# Every command of tests/usage/cmds (each object's help, bad arguments that
# print it, each link kind's help both ways) prints exactly what the binary
# printed before the texts were packed (tests/usage/expected, recorded
# from it), on the same stream with the same exit code.
@test "usage: 141 help commands print what they printed before the texts were packed" {
	need_root
	"$REPO_DIR/tests/usage/record" "$(bindir_for ours)/ip" >"$BATS_TEST_TMPDIR/got"
	diff -u "$REPO_DIR/tests/usage/expected" "$BATS_TEST_TMPDIR/got"
}

# Committed so that no build needs awk: they must be what the awk makes
# now, with mawk and gawk alike (a build must not depend on which).
@test "usage: ip/usage_text.c and .h are what ip/usage.awk makes of ip/usage.txt (mawk, gawk)" {
	local awk n=0
	for awk in mawk gawk "busybox awk"; do
		command -v ${awk%% *} >/dev/null || continue
		n=$((n + 1))
		for ext in c h; do
			LC_ALL=C $awk -v out=.$ext -f "$REPO_DIR/ip/usage.awk" \
				"$REPO_DIR/ip/usage.txt" >"$BATS_TEST_TMPDIR/usage_text.$ext"
			diff -u "$REPO_DIR/ip/usage_text.$ext" "$BATS_TEST_TMPDIR/usage_text.$ext"
		done
	done
	[ "$n" -gt 0 ]
}

# Every text, expanded by lib/usage.c (under ASan and UBSan where the
# compiler has them), is the text of ip/usage.txt.
@test "usage: every text of ip/usage.txt comes out of lib/usage.c verbatim" {
	local b="$BATS_TEST_TMPDIR" san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
	echo 'int main(void) { return 0; }' >"$b/t.c"
	cc $san -o "$b/t" "$b/t.c" 2>/dev/null && "$b/t" || san=
	cc -std=gnu11 -O1 -g $san -Wall -Werror -I"$REPO_DIR/include" -I"$REPO_DIR/ip" -o "$b/dump" \
		"$REPO_DIR/tests/usage/dump.c" "$REPO_DIR/lib/usage.c" "$REPO_DIR/ip/usage_text.c"
	awk 'n == 0 && /^#/ { next } /^@/ { print "@" n++; next } { print }' \
		"$REPO_DIR/ip/usage.txt" >"$b/want"
	"$b/dump" >"$b/got"
	diff -u "$b/want" "$b/got"
	[ "$(grep -c '^@' "$b/want")" -ge 40 ]
}

@test "usage: ip/usage.awk refuses a text it cannot pack, and says where" {
	local b="$BATS_TEST_TMPDIR"
	printf '# comment\n@ok\nfine\n@Bad name\nx\n' >"$b/u1"
	run awk -v out=.c -f "$REPO_DIR/ip/usage.awk" "$b/u1"
	[ "$status" -eq 1 ]
	[ "$output" = 'ip/usage.txt:4: bad text name "Bad name"' ]
	printf '@ok\ncaf\303\251\n' >"$b/u2"
	run env LC_ALL=C awk -v out=.c -f "$REPO_DIR/ip/usage.awk" "$b/u2"
	[ "$status" -eq 1 ]
	[ "$output" = 'ip/usage.txt:2: not printable ASCII' ]
	printf 'no name\n@ok\nx\n' >"$b/u3"
	run awk -v out=.h -f "$REPO_DIR/ip/usage.awk" "$b/u3"
	[ "$status" -eq 1 ]
	[ "$output" = 'ip/usage.txt:1: text before the first @name line' ]
}

# Our texts are our own, but where the help goes (stdout or stderr), the
# exit code, and the first line of the texts whose grammar is the
# reference's are the same.
@test "usage: help goes where the reference's goes, with its exit code and first Usage: line" {
	need_ref
	local c first rc1 rc2 out t="$BATS_TEST_TMPDIR"
	while IFS='|' read -r first c; do
		rc1=0 rc2=0
		"$IP" $c >"$t/o1" 2>"$t/e1" || rc1=$?
		"$REF_IP" $c >"$t/o2" 2>"$t/e2" || rc2=$?
		echo "ip $c: exit $rc1, reference $rc2"
		[ "$rc1" = "$rc2" ]
		# help on one stream only, the reference's
		if [ -s "$t/o2" ]; then out=o; else out=e; fi
		if [ "$out" = o ]; then
			[ -s "$t/o1" ] && [ ! -s "$t/e1" ]
		else
			[ ! -s "$t/o1" ] && [ -s "$t/e1" ]
		fi
		if [ "$first" = same ]; then
			diff <(head -1 "$t/${out}1") <(head -1 "$t/${out}2")
		fi
	done <<-'LIST'
	same|help
	same|route help
	same|rule help
	same|neigh help
	same|tunnel help
	same|nexthop help
	same|monitor help
	same|address help
	-|link help
	-|netns help
	-|tuntap help
	-|maddress help
	same|-6 tunnel help
	-|link help veth
	-|link help bond
	same|link help bond_slave
	-|link help macvlan
	-|link help gre
	-|link add type vxlan help
	-|link add type bridge help
	-|link add type ip6tnl help
	LIST
}
