/* FOR TESTS UNDER WINE ONLY, never shipped: Rust's standard library imports ProcessPrng from
 * bcryptprimitives.dll, which real Windows 10/11 have and Debian's wine 8.0 lacks. This stub,
 * built with mingw-w64 into the test wine prefix's system32 (packaging/windows/wine/env.sh),
 * answers it with RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
