package org.jkeras.backend.cpu;

import org.jkeras.backend.ConvGeometry;

/**
 * A {@link ConvGeometry} widened to exactly three spatial axes (depth, height, width), leading
 * axes of size 1 added for 1-D and 2-D: one set of loops then serves every spatial rank.
 */
final class Window3 {
  final int id, ih, iw;
  final int kd, kh, kw;
  final int sd, sh, sw;
  final int dd, dh, dw;
  final int pd, ph, pw;
  final int od, oh, ow;
  /** Input positions per image, output positions per image, window taps. */
  final int inVol, outVol, taps;

  Window3(ConvGeometry g) {
    int r = g.rank();
    int lead = 3 - r;
    int[] in = new int[3];
    int[] k = new int[3];
    int[] s = new int[3];
    int[] d = new int[3];
    int[] p = new int[3];
    int[] o = new int[3];
    for (int a = 0; a < 3; a++) {
      boolean real = a >= lead;
      in[a] = real ? g.inputSize(a - lead) : 1;
      k[a] = real ? g.windowSize(a - lead) : 1;
      s[a] = real ? g.stride(a - lead) : 1;
      d[a] = real ? g.dilation(a - lead) : 1;
      p[a] = real ? g.padBefore(a - lead) : 0;
      o[a] = real ? g.outputSize(a - lead) : 1;
    }
    id = in[0]; ih = in[1]; iw = in[2];
    kd = k[0]; kh = k[1]; kw = k[2];
    sd = s[0]; sh = s[1]; sw = s[2];
    dd = d[0]; dh = d[1]; dw = d[2];
    pd = p[0]; ph = p[1]; pw = p[2];
    od = o[0]; oh = o[1]; ow = o[2];
    inVol = id * ih * iw;
    outVol = od * oh * ow;
    taps = kd * kh * kw;
  }

  /** True when every output position reads its input position directly (a 1x1 convolution). */
  boolean isPointwise() {
    return taps == 1 && sd == 1 && sh == 1 && sw == 1 && pd == 0 && ph == 0 && pw == 0
        && od == id && oh == ih && ow == iw;
  }

  /**
   * Lists the window taps of output position {@code pos} (within one image) that land inside
   * the input: tap indices (row-major over the window) into {@code tap}, input positions (within
   * one image) into {@code src}. Returns how many; both arrays need {@link #taps} entries.
   */
  int validTaps(int pos, int[] tap, int[] src) {
    int x = pos % ow;
    int y = (pos / ow) % oh;
    int z = pos / (ow * oh);
    int count = 0;
    for (int a = 0; a < kd; a++) {
      int iz = z * sd - pd + a * dd;
      if (iz < 0 || iz >= id) {
        continue;
      }
      for (int b = 0; b < kh; b++) {
        int iy = y * sh - ph + b * dh;
        if (iy < 0 || iy >= ih) {
          continue;
        }
        for (int t = 0; t < kw; t++) {
          int ix = x * sw - pw + t * dw;
          if (ix >= 0 && ix < iw) {
            tap[count] = (a * kh + b) * kw + t;
            src[count] = (iz * ih + iy) * iw + ix;
            count++;
          }
        }
      }
    }
    return count;
  }
}
