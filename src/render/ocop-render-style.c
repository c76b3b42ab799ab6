/* ocop-render-style.c: not written yet */
#include "config.h"
