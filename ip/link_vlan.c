/* type vlan: to be filled in. */
#include "link_kind.h"

const struct link_kind vlan_kind = { .name = "vlan" };
