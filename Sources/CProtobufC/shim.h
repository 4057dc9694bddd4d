// The protobuf-c runtime, for the C bindings generated into clients/c/generated.
#ifndef NODEPLAN_CPROTOBUFC_SHIM_H
#define NODEPLAN_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
