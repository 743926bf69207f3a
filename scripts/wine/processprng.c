/*
 * Test scaffolding, never shipped: Wine 8 has no bcryptprimitives.dll, whose
 * ProcessPrng every Go program since Go 1.22 calls for random numbers on
 * Windows. This DLL provides it on top of RtlGenRandom (SystemFunction036),
 * which Wine has. setup-prefix.sh builds it and copies it into the Wine
 * prefix's system32.
 */
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
