#ifndef STANDORT_CCBC_SHIM_H
#define STANDORT_CCBC_SHIM_H
// CBC's C interface, for its types only: the library is not linked but opened when a plan is first solved exactly
// (NetworkPlanning/CBCRuntime.swift), so the module has no `link` and no pkg-config (whose --libs would add
// -lCbcSolver and its dependencies). Debian installs the header in /usr/include/coin.
#include <coin/Cbc_C_Interface.h>
#endif
