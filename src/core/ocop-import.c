/* ocop-import.c: not written yet */
#include "config.h"
