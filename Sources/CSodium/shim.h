#ifndef PLENUM_CSODIUM_SHIM_H
#define PLENUM_CSODIUM_SHIM_H
#include <sodium.h>
#endif
