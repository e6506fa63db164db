package nl.knooppunt.workers.bijstand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.knooppunt.directory.Directory;
import nl.knooppunt.directory.SafetyRegion;

/**
 * Who is asked for assistance, and how the offers are allocated.
 *
 * <p>Candidates: the requesting region's neighbours first, then the other regions of its province,
 * then the rest of the country; the urgent neighbour route (Wvr art. 51 lid 5) asks the neighbours
 * only. Police assistance (Politiewet 2012 art. 56: a unit needs assistance "van andere eenheden")
 * asks the other police units, not the regions: the units serving the neighbouring regions first,
 * then those of the province's regions, then the rest; never the requester's own unit. Allocation:
 * offers are taken by earliest arrival (ties: candidate order) until the requested amount is
 * covered; the last offer taken may be taken in part.
 */
public final class AllocationRule {

  private final Directory directory;

  public AllocationRule(Directory directory) {
    this.directory = directory;
  }

  public List<String> candidates(String requestingRegion, boolean neighboursOnly) {
    SafetyRegion requester =
        directory
            .region(requestingRegion)
            .orElseThrow(() -> new IllegalArgumentException("unknown region " + requestingRegion));
    Set<String> ordered = new LinkedHashSet<>(directory.neighboursOf(requester.code()));
    if (!neighboursOnly) {
      directory.regionsOf(requester.provinceCode()).forEach(r -> ordered.add(r.code()));
      directory.regions().forEach(r -> ordered.add(r.code()));
    }
    ordered.remove(requester.code());
    return List.copyOf(ordered);
  }

  /**
   * The police units asked for assistance under Politiewet 2012 art. 56, nearest first; the unit
   * serving the requesting region is not asked.
   */
  public List<String> policeCandidates(String requestingRegion) {
    SafetyRegion requester =
        directory
            .region(requestingRegion)
            .orElseThrow(() -> new IllegalArgumentException("unknown region " + requestingRegion));
    Set<String> ordered = new LinkedHashSet<>();
    directory.neighboursOf(requester.code()).stream()
        .sorted()
        .map(directory::region)
        .flatMap(java.util.Optional::stream)
        .forEach(r -> ordered.add(r.policeUnitCode()));
    directory.regionsOf(requester.provinceCode()).forEach(r -> ordered.add(r.policeUnitCode()));
    directory.policeUnits().forEach(u -> ordered.add(u.code()));
    ordered.remove(requester.policeUnitCode());
    return List.copyOf(ordered);
  }

  /** An offer of {@code amount} units from a region, available from {@code arrival}. */
  public record Offer(String region, int amount, Instant arrival) {}

  /** One line of the allocation. */
  public record Share(String region, int amount) {}

  /**
   * @param shares what each region provides, in order of arrival
   * @param shortfall what is still missing (0 when the request is covered)
   */
  public record Allocation(List<Share> shares, int shortfall) {
    public boolean covered() {
      return shortfall == 0;
    }
  }

  public Allocation allocate(int requested, List<Offer> offers, List<String> candidateOrder) {
    Map<String, Integer> rank =
        candidateOrder.stream()
            .collect(Collectors.toMap(Function.identity(), candidateOrder::indexOf, (a, b) -> a));
    List<Offer> byArrival =
        offers.stream()
            .filter(o -> o.amount() > 0)
            .sorted(
                Comparator.comparing(Offer::arrival)
                    .thenComparing(o -> rank.getOrDefault(o.region(), Integer.MAX_VALUE))
                    .thenComparing(Offer::region))
            .toList();
    List<Share> shares = new ArrayList<>();
    int remaining = requested;
    for (Offer offer : byArrival) {
      if (remaining == 0) {
        break;
      }
      int taken = Math.min(offer.amount(), remaining);
      shares.add(new Share(offer.region(), taken));
      remaining -= taken;
    }
    return new Allocation(List.copyOf(shares), remaining);
  }
}
