package nl.knooppunt.bench.hub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) and medians of samples in milliseconds. */
final class Stats {

  private Stats() {}

  static double pct(List<Double> samples, int p) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static double median(List<Double> samples) {
    return pct(samples, 50);
  }

  static String summary(List<Double> ms) {
    return String.format(
        "n=%d p50=%.0f ms p99=%.0f ms min=%.0f ms max=%.0f ms",
        ms.size(), pct(ms, 50), pct(ms, 99), Collections.min(ms), Collections.max(ms));
  }
}
