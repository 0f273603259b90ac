package org.jkeras.backend.cpu;

import java.util.Arrays;

/**
 * Lays the windows of a channels_last input out as the rows of a matrix ({@code im2col}), and
 * scatters such a matrix back onto an input-shaped gradient ({@code col2im}).
 *
 * <p>Row {@code r} belongs to output position {@code r} (batch-major, then depth, height,
 * width); its columns are ordered (tap depth, tap height, tap width, channel), the order of a
 * Keras kernel {@code (k..., Ci, Co)} flattened to a {@code (taps * Ci, Co)} matrix, so a
 * convolution is one GEMM of this matrix with the kernel. Channels are contiguous in both, so
 * each tap is one {@code arraycopy} of {@code Ci} floats, and with dilation 1 a whole row of taps
 * is one copy of {@code kw * Ci} floats.
 */
final class Im2col {
  private Im2col() {}

  /**
   * Writes im2col rows {@code [r0, r1)} (counted over the whole batch) into {@code cols} from
   * offset 0, {@code w.taps * c} floats per row; padding becomes zeros. Runs on the calling
   * thread: callers split the rows across threads in blocks.
   */
  static void rows(float[] in, int c, Window3 w, int r0, int r1, float[] cols) {
    int width = w.taps * c;
    int pos = r0 % w.outVol;
    int n = r0 / w.outVol;
    for (int r = r0; r < r1; r++) {
      int x = pos % w.ow;
      int y = (pos / w.ow) % w.oh;
      int z = pos / (w.ow * w.oh);
      gatherRow(in, c, w, n, z, y, x, cols, (r - r0) * width);
      if (++pos == w.outVol) {
        pos = 0;
        n++;
      }
    }
  }

  private static void gatherRow(
      float[] in, int c, Window3 w, int n, int z, int y, int x, float[] cols, int off) {
    int span = w.kw * c;
    int ix0 = x * w.sw - w.pw;
    for (int a = 0; a < w.kd; a++) {
      int iz = z * w.sd - w.pd + a * w.dd;
      for (int b = 0; b < w.kh; b++, off += span) {
        int iy = y * w.sh - w.ph + b * w.dh;
        if (iz < 0 || iz >= w.id || iy < 0 || iy >= w.ih) {
          Arrays.fill(cols, off, off + span, 0f);
          continue;
        }
        int rowBase = ((n * w.id + iz) * w.ih + iy) * w.iw;
        if (w.dw == 1) {
          int lo = Math.max(0, -ix0);
          int hi = Math.max(lo, Math.min(w.kw, w.iw - ix0));
          if (lo == 0 && hi == w.kw) {
            copy(in, (rowBase + ix0) * c, cols, off, span);
            continue;
          }
          Arrays.fill(cols, off, off + lo * c, 0f);
          System.arraycopy(in, (rowBase + ix0 + lo) * c, cols, off + lo * c, (hi - lo) * c);
          Arrays.fill(cols, off + hi * c, off + span, 0f);
        } else {
          for (int t = 0; t < w.kw; t++) {
            int ix = ix0 + t * w.dw;
            int dst = off + t * c;
            if (ix < 0 || ix >= w.iw) {
              Arrays.fill(cols, dst, dst + c, 0f);
            } else {
              System.arraycopy(in, (rowBase + ix) * c, cols, dst, c);
            }
          }
        }
      }
    }
  }

  /**
   * {@code System.arraycopy} for the few floats of a tap row when there are few channels (a
   * 3x3 window over one channel copies 3 floats): a plain loop beats the call at that size.
   */
  private static void copy(float[] src, int from, float[] dst, int to, int n) {
    if (n >= 16) {
      System.arraycopy(src, from, dst, to, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      dst[to + i] = src[from + i];
    }
  }

  /**
   * Adds the im2col rows of images {@code [n0, n1)} (in {@code cols} from offset 0) onto {@code
   * dx}, an input-shaped array; taps that fall on padding are dropped. Runs on the calling
   * thread: images never share input positions, so callers split them across threads.
   */
  static void col2im(float[] cols, int c, Window3 w, int n0, int n1, float[] dx) {
    int width = w.taps * c;
    int r = 0;
    for (int n = n0; n < n1; n++) {
      for (int z = 0; z < w.od; z++) {
        for (int y = 0; y < w.oh; y++) {
          for (int x = 0; x < w.ow; x++, r++) {
            scatterRow(cols, r * width, c, w, n, z, y, x, dx);
          }
        }
      }
    }
  }

  private static void scatterRow(
      float[] cols, int off, int c, Window3 w, int n, int z, int y, int x, float[] dx) {
    int span = w.kw * c;
    int ix0 = x * w.sw - w.pw;
    for (int a = 0; a < w.kd; a++) {
      int iz = z * w.sd - w.pd + a * w.dd;
      for (int b = 0; b < w.kh; b++, off += span) {
        int iy = y * w.sh - w.ph + b * w.dh;
        if (iz < 0 || iz >= w.id || iy < 0 || iy >= w.ih) {
          continue;
        }
        int rowBase = ((n * w.id + iz) * w.ih + iy) * w.iw;
        if (w.dw == 1) {
          int lo = Math.max(0, -ix0);
          int hi = Math.max(lo, Math.min(w.kw, w.iw - ix0));
          RowMath.add(dx, (rowBase + ix0 + lo) * c, cols, off + lo * c, (hi - lo) * c);
        } else {
          for (int t = 0; t < w.kw; t++) {
            int ix = ix0 + t * w.dw;
            if (ix >= 0 && ix < w.iw) {
              RowMath.add(dx, (rowBase + ix) * c, cols, off + t * c, c);
            }
          }
        }
      }
    }
  }
}
