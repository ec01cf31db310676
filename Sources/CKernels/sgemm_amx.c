// bf16 products on AMX tiles (AMX-BF16's tdpbf16ps: Sapphire Rapids and later), and the same
// product on emulated tiles for testing where the CPU has none. Linux enables the tiles'
// 8 KB of register state per process on request (arch_prctl ARCH_REQ_XCOMP_PERM); until it is
// granted a tile instruction faults, so nothing here runs a tile before `ck_amx_bf16_available`
// says yes. Which kernel bf16 products use is chosen here (`ck_bf16_kernel`).
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include "CKernels.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "bf16_pack.h"

#define ARCH_REQ_XCOMP_PERM 0x1023
#define XFEATURE_XTILEDATA 18

// ldtilecfg's 64 bytes: palette 1, then each tile's bytes per row and rows.
typedef struct __attribute__((packed, aligned(64))) {
    uint8_t palette, startRow, reserved[14];
    uint16_t bytesPerRow[16];
    uint8_t rows[16];
} ck_tile_config;

static ck_tile_config ck_tile_config_uniform(int rows, int bytesPerRow) {
    ck_tile_config config;
    memset(&config, 0, sizeof config);
    config.palette = 1;
    for (int t = 0; t < 8; t++) {
        config.rows[t] = (uint8_t)rows;
        config.bytesPerRow[t] = (uint16_t)bytesPerRow;
    }
    return config;
}

// A block of fp32 sums (`stride` floats per row) stored as the register tiles store theirs:
// 8 rows × 2 vectors at a time through `ck_store_tile` (alpha, beta, bias, Adam, streaming).
static CK_BF16 void ck_store_sums(const float *sums, long stride, long height, long columns, float *c, long ldc,
                                  float alpha, float beta, const float *bias, const ck_adam_update *adam,
                                  long offset, int stream) {
    int nv = (int)((columns + 15) / 16);
    __mmask16 last = ck_tail_mask((nv - 1) * 16, columns);
    for (long r0 = 0; r0 < height; r0 += 8) {
        int mr = (int)(height - r0 < 8 ? height - r0 : 8);
        __m512 acc[8][4];
        for (int r = 0; r < mr; r++)
            for (int v = 0; v < nv; v++) acc[r][v] = _mm512_loadu_ps(sums + (r0 + r) * stride + v * 16);
        ck_store_tile(mr, nv, acc, last, c + r0 * ldc, ldc, alpha, beta, bias, adam, offset + r0 * ldc, stream);
    }
}

// ---- The hardware's tiles.
#define CK_AMX __attribute__((target("avx512f,avx512bw,avx512bf16,fma,amx-tile,amx-bf16")))
#define TILE_PRODUCT productOnTiles
#define TILE_PEAK peakOnTiles
#define TILE_TARGET CK_AMX
#define TILE_CONFIG(cfg) _tile_loadconfig(cfg)
#define TILE_ZERO(t) _tile_zero(t)
#define TILE_LOAD(t, base, stride) _tile_loadd(t, base, stride)
#define TILE_DOT(c, a, b) _tile_dpbf16ps(c, a, b)
#define TILE_STORE(t, base, stride) _tile_stored(t, base, stride)
#define TILE_RELEASE() _tile_release()
#include "sgemm_tiles.h"
#undef TILE_PRODUCT
#undef TILE_PEAK
#undef TILE_TARGET
#undef TILE_CONFIG
#undef TILE_ZERO
#undef TILE_LOAD
#undef TILE_DOT
#undef TILE_STORE
#undef TILE_RELEASE

// ---- The same tiles in C, as the Intel SDM's pseudocode states each instruction. ldtilecfg
// zeroes every tile. tdpbf16ps, for each row m and column n: two fp32 sums start from 0, one of
// the even and one of the odd products of the k-pairs (fused multiply-adds, rounded to nearest
// even), bf16 inputs and fp32 results denormal-free (treated as and flushed to zero); their
// total is then added to C. (The intrinsics guide's shorter pseudocode adds each product to C in
// turn; it rounds differently.)
typedef struct {
    int rows, bytesPerRow;
    union { uint8_t bytes[16][64]; float sums[16][16]; uint16_t halves[16][32]; };
} EmulatedTile;
static __thread EmulatedTile emulated[8];

static void emulatedZero(int t) { memset(emulated[t].bytes, 0, sizeof emulated[t].bytes); }

static void emulatedConfig(const ck_tile_config *config) {
    for (int t = 0; t < 8; t++) {
        emulated[t].rows = config->rows[t];
        emulated[t].bytesPerRow = config->bytesPerRow[t];
        emulatedZero(t);
    }
}

static void emulatedLoad(int t, const void *base, long stride) {
    emulatedZero(t);
    for (int r = 0; r < emulated[t].rows; r++)
        memcpy(emulated[t].bytes[r], (const uint8_t *)base + r * stride, (size_t)emulated[t].bytesPerRow);
}

static void emulatedStore(int t, void *base, long stride) {
    for (int r = 0; r < emulated[t].rows; r++)
        memcpy((uint8_t *)base + r * stride, emulated[t].bytes[r], (size_t)emulated[t].bytesPerRow);
}

// A denormal as a zero of its sign.
static float flushed(float x) { return fpclassify(x) == FP_SUBNORMAL ? copysignf(0.0f, x) : x; }

static float widened(uint16_t half) {
    uint32_t bits = (uint32_t)half << 16;
    float value;
    memcpy(&value, &bits, sizeof value);
    return flushed(value);
}

static void emulatedDot(int dst, int src1, int src2) {
    EmulatedTile *cTile = &emulated[dst];
    const EmulatedTile *aTile = &emulated[src1], *bTile = &emulated[src2];
    for (int m = 0; m < cTile->rows; m++) {
        float even[16] = {0}, odd[16] = {0};
        for (int k = 0; k < aTile->bytesPerRow / 4; k++)
            for (int n = 0; n < cTile->bytesPerRow / 4; n++) {
                even[n] = flushed(fmaf(widened(aTile->halves[m][2 * k]), widened(bTile->halves[k][2 * n]), even[n]));
                odd[n] = flushed(fmaf(widened(aTile->halves[m][2 * k + 1]), widened(bTile->halves[k][2 * n + 1]), odd[n]));
            }
        for (int n = 0; n < cTile->bytesPerRow / 4; n++)
            cTile->sums[m][n] = flushed(cTile->sums[m][n] + flushed(even[n] + odd[n]));
    }
}

#define TILE_PRODUCT productOnEmulatedTiles
#define TILE_PEAK peakOnEmulatedTiles
#define TILE_TARGET CK_BF16
#define TILE_CONFIG(cfg) emulatedConfig(cfg)
#define TILE_ZERO(t) emulatedZero(t)
#define TILE_LOAD(t, base, stride) emulatedLoad(t, base, stride)
#define TILE_DOT(c, a, b) emulatedDot(c, a, b)
#define TILE_STORE(t, base, stride) emulatedStore(t, base, stride)
#define TILE_RELEASE() ((void)0)
#include "sgemm_tiles.h"

// ---- Whether the tiles can run, and which kernel bf16 products use.
static int amxGranted, amxRefusal;
static pthread_once_t amxProbe = PTHREAD_ONCE_INIT;

static void probeAMX(void) {
    unsigned eax, ebx, ecx, edx;
    if (!ck_avx512_bf16_available() || !__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return;
    // GANBOOK_BF16_KERNEL=vectors keeps bf16 products on vdpbf16ps, to compare the two kernels.
    const char *choice = getenv("GANBOOK_BF16_KERNEL");
    if (choice && strcmp(choice, "vectors") == 0) return;
    int tiles = (edx >> 24) & 1, bf16 = (edx >> 22) & 1;
    if (!tiles || !bf16) return;
    // The kernel grants the tile data state or refuses it (too old a kernel, a filtered hypervisor).
    amxGranted = syscall(SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA) == 0;
    if (!amxGranted) amxRefusal = errno;
}

int ck_amx_refusal(void) {
    pthread_once(&amxProbe, probeAMX);
    return amxRefusal;
}

int ck_amx_bf16_available(void) {
    pthread_once(&amxProbe, probeAMX);
    return amxGranted;
}

static atomic_int chosenKernel = -1;

int ck_bf16_kernel(void) {
    int chosen = atomic_load_explicit(&chosenKernel, memory_order_relaxed);
    if (chosen >= 0) return chosen;
    if (!ck_avx512_bf16_available()) return CK_BF16_NONE;
    return ck_amx_bf16_available() ? CK_BF16_TILES : CK_BF16_VECTORS;
}

int ck_bf16_choose_kernel(int kernel) {
    int possible = kernel == CK_BF16_DEFAULT
        || (kernel == CK_BF16_VECTORS && ck_avx512_bf16_available())
        || (kernel == CK_BF16_TILES && ck_amx_bf16_available())
        || (kernel == CK_BF16_EMULATED_TILES && ck_avx512_bf16_available());
    if (!possible) return 0;
    atomic_store_explicit(&chosenKernel, kernel == CK_BF16_DEFAULT ? -1 : kernel, memory_order_relaxed);
    return 1;
}

int ck_sgemm_bf16_on_tiles(int emulatedTiles, int transA, int transB, long m, long n, long k, float alpha,
                           const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                           const float *bias, const ck_adam_update *adam) {
    if (emulatedTiles) return productOnEmulatedTiles(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, adam);
    if (!ck_amx_bf16_available()) return 0;
    return productOnTiles(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, adam);
}

long ck_peak_amx(long repetitions, int emulatedTiles, float *sums) {
    if (emulatedTiles) return ck_avx512_bf16_available() ? peakOnEmulatedTiles(repetitions, sums) : 0;
    return ck_amx_bf16_available() ? peakOnTiles(repetitions, sums) : 0;
}

#else
long ck_peak_amx(long repetitions, int emulatedTiles, float *sums) { (void)repetitions; (void)emulatedTiles; (void)sums; return 0; }
int ck_amx_bf16_available(void) { return 0; }
int ck_amx_refusal(void) { return 0; }
int ck_bf16_kernel(void) { return CK_BF16_NONE; }
int ck_bf16_choose_kernel(int kernel) { return kernel == CK_BF16_DEFAULT; }
#endif
