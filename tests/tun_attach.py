#!/usr/bin/env python3
"""Attach to a tun/tap device as a VPN daemon does, for tests/tuntap.bats.

tun_attach.py NAME FLAGS [fork] [twice]: open /dev/net/tun, TUNSETIFF with
FLAGS (e.g. 0x1001 = IFF_TUN|IFF_NO_PI), print "ok" (or the errno name on
failure) and hold the device until killed. "fork": a child shares the fd;
"twice": a second queue (multi_queue devices).

tun_attach.py NAME FLAGS read: attach, print "ok", then print the first
IPv4 packet the kernel sends into the device as "proto SRC > DST".
"""
import errno, fcntl, os, socket, struct, sys, time

TUNSETIFF = 0x400454CA


def attach(name, flags):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), flags))
    return fd


def main():
    name, flags, extra = sys.argv[1], int(sys.argv[2], 0), sys.argv[3:]
    try:
        fd = attach(name, flags)
    except OSError as e:
        print(errno.errorcode.get(e.errno, str(e.errno)), flush=True)
        return 1
    if "fork" in extra and os.fork() == 0:
        time.sleep(60)
        return 0
    if "twice" in extra:
        attach(name, flags)
    print("ok", flush=True)
    if "read" not in extra:
        time.sleep(60)
        return 0
    while True:
        pkt = os.read(fd, 2048)
        if pkt[0] >> 4 == 4:
            print(pkt[9], socket.inet_ntoa(pkt[12:16]), ">",
                  socket.inet_ntoa(pkt[16:20]), flush=True)
            return 0


sys.exit(main())
