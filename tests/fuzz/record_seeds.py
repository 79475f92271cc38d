#!/usr/bin/env python3
"""Seed corpora for fuzz_decode and fuzz_reply: real kernel replies to link,
address and route dumps, recorded in a throwaway namespace full of varied
objects.

    tests/fuzz/record_seeds.py [REPLAY]   (root; REPLAY: a built replay,
                                           default tests/fuzz/build/replay)

Runs itself again under unshare(1) with a private network and mount namespace
and sets the objects up there with the reference ip (/bin/ip) -- nothing
touches the host.  Each datagram becomes a few seeds, one per output mode
(the two leading mode bytes of fuzz_decode's input format)."""
import os
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "decode")
SETUP = """
ip link set lo up
ip link add v0 type veth peer name v1
ip link add br0 type bridge
ip link set v0 master br0
ip link set v0 up; ip link set v1 up; ip link set br0 up
ip link add mv0 link v1 type macvlan mode bridge
ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1
ip tuntap add tap0 mode tap 2>/dev/null
ip link add ifb0 type ifb
ip link add v9 type veth peer name v0p
ip link set v9 name v0 2>/dev/null || true
ip netns add other; ip link add v5 type veth peer name v6 netns other
ip netns set other 7
ip link set v1 mtu 1400 txqueuelen 50 alias 'an "alias"'
ip addr add 10.0.0.1/24 brd + dev v1 label v1:one
ip addr add 10.0.1.1 peer 10.0.1.2/32 dev v1
ip addr add 2001:db8::1/64 dev v1 valid_lft 100 preferred_lft 50
ip route add 192.0.2.0/24 via 10.0.0.2 dev v1 metric 7 proto static
ip route add 198.51.100.0/24 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3
ip route add 203.0.113.0/24 dev v1 table 100 mtu lock 1300 advmss 1200
ip route add unreachable 192.0.2.128/25
ip route add 2001:db8:1::/48 via 2001:db8::2 dev v1 pref high
ip route add blackhole 2001:db8:2::/48
"""
# (json, pretty, oneline, brief, stats, details) -> mode bytes
MODES = [(0, 0), (1, 0), (3, 0), (4, 0), (8, 0), (0x10 | 0x40, 0), (0x53, 0x44)]


def dump(sock, seq, mtype, hdr, ext=None):
    attrs = b""
    if ext is not None:  # IFLA_EXT_MASK
        attrs = struct.pack("HHI", 8, 29, ext)
    body = hdr + attrs
    msg = struct.pack("IHHII", 16 + len(body), mtype, 0x301, seq, 0) + body
    sock.send(msg)
    grams = []
    while True:
        data = sock.recv(1 << 20)
        grams.append(data)
        done = False
        off = 0
        while off + 16 <= len(data):
            ln, ty = struct.unpack_from("IH", data, off)
            if ty in (2, 3):
                done = True
            off += (ln + 3) & ~3 if ln else len(data)
        if done:
            return grams


def record():
    # Private /run/netns and /etc/netns: "ip netns add" must leave no file on
    # the host (the mount namespace alone does not stop that).
    for d in ("/run", "/etc/netns"):
        os.makedirs(d, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "tmpfs", d], check=True)
    os.makedirs("/run/netns")
    subprocess.run(["sh", "-c", SETUP], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    sock.bind((0, 0))
    ifi = struct.pack("BxHiII", 0, 0, 0, 0, 0)
    jobs = [
        ("link", 18, ifi, 9),          # RTEXT_FILTER_VF | SKIP_STATS
        ("linkstats", 18, ifi, 1),
        ("addr4", 22, struct.pack("BBBBI", 2, 0, 0, 0, 0), None),
        ("addr6", 22, struct.pack("BBBBI", 10, 0, 0, 0, 0), None),
        ("route4", 26, struct.pack("BBBBBBBBI", 2, 0, 0, 0, 0, 0, 0, 0, 0), None),
        ("route6", 26, struct.pack("BBBBBBBBI", 10, 0, 0, 0, 0, 0, 0, 0, 0), None),
    ]
    os.makedirs(OUT, exist_ok=True)
    n = 0
    for seq, (name, mtype, hdr, ext) in enumerate(jobs, 1):
        for i, gram in enumerate(dump(sock, seq, mtype, hdr, ext)):
            for m0, m1 in MODES:
                fam = 2 if name.endswith("6") else 1 if name.endswith("4") else 0
                path = os.path.join(OUT, f"{name}-{i}-{m0:02x}{m1:02x}")
                with open(path, "wb") as f:
                    f.write(bytes([m0, m1 | fam | 4]) + gram)
                n += 1
    print(f"{n} seeds in {OUT}")
    record_commands()


def record_commands():
    """fuzz_reply seeds: what the kernel answered each command of its table,
    recorded by replay, as [u16 length][datagram]... after the selector."""
    import re
    replay = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "build", "replay")
    src = open(os.path.join(HERE, "fuzz_reply.c")).read()
    table = src[src.index("commands[][8]"):src.index("};")]
    cmds = [re.findall(r'"([^"]*)"', row) for row in re.findall(r"\{([^{}]*)\}", table)]
    out = os.path.join(HERE, "corpus", "reply")
    os.makedirs(out, exist_ok=True)
    rec = "/tmp/record_seeds.bin"
    for i, cmd in enumerate(cmds):
        if cmd[0] == "-batch" or "flush" in cmd:
            continue
        subprocess.run([replay, "record", rec, "ip"] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        data = open(rec, "rb").read()
        seed = bytes([i])
        off = 0
        while off + 16 <= len(data):
            ln, pid, err, keep = struct.unpack_from("IIiI", data, off)
            gram = data[off + 16:off + 16 + ln]
            off += 16 + ln
            if len(gram) > 0xffff:
                continue
            seed += struct.pack("<H", len(gram)) + gram
        with open(os.path.join(out, f"cmd{i:02d}"), "wb") as f:
            f.write(seed)
    print(f"{len(cmds)} command seeds in {out}")


if __name__ == "__main__":
    if os.environ.get("IN_SANDBOX") != "1":
        os.execvp("unshare", ["unshare", "--net", "--mount", "--propagation",
                              "private", "env", "IN_SANDBOX=1",
                              sys.executable] + sys.argv)
    record()
