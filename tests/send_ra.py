#!/usr/bin/env python3
"""Send one IPv6 router advertisement out of IFNAME to ff02::1 (for the
prefix events of ip monitor): router lifetime 0 (no default route), one
prefix information option per PREFIX/FLAGS argument (flags in hex, valid
and preferred lifetimes 2592000 and 604800).  Run it inside a test's
own namespace only."""
import socket
import struct
import sys

ifname = sys.argv[1]
idx = socket.if_nametoindex(ifname)
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
ra = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0, 0, 0, 0)
for arg in sys.argv[2:]:
    prefix, flags = arg.split("/")
    ra += struct.pack("!BBBBIII", 3, 4, 64, int(flags, 16), 2592000, 604800, 0)
    ra += socket.inet_pton(socket.AF_INET6, prefix)
s.sendto(ra, ("ff02::1", 0, 0, idx))
