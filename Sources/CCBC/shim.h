#ifndef STANDORT_CCBC_SHIM_H
#define STANDORT_CCBC_SHIM_H
#include <coin/Cbc_C_Interface.h>
#endif
