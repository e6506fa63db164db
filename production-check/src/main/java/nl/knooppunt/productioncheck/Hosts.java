package nl.knooppunt.productioncheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The hosts named in an address setting, and whether one of them is this machine. */
public final class Hosts {

  private static final Set<String> LOOPBACK =
      Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]", "ip6-localhost");

  private Hosts() {}

  /**
   * Every host in an address: {@code http://host:port/path}, {@code grpcs://host:port}, {@code
   * host:port}, a comma-separated list of those (Kafka bootstrap servers) or a JDBC URL, also with
   * several hosts ({@code jdbc:postgresql://a:5432,b:5432/db}).
   */
  public static List<String> of(String address) {
    String a = address.trim();
    if (a.regionMatches(true, 0, "jdbc:", 0, 5)) {
      a = a.substring(5);
    }
    List<String> hosts = new ArrayList<>();
    int scheme = a.indexOf("://");
    if (scheme >= 0) {
      String authority = a.substring(scheme + 3);
      int end = indexOfAny(authority, "/?#");
      if (end >= 0) {
        authority = authority.substring(0, end);
      }
      for (String part : authority.split(",")) {
        hosts.add(hostOf(part));
      }
    } else {
      for (String part : a.split(",")) {
        hosts.add(hostOf(part));
      }
    }
    hosts.removeIf(String::isEmpty);
    return hosts;
  }

  /** The host of one {@code [user@]host[:port]} or {@code scheme://[user@]host[:port]/…}. */
  public static String hostOf(String address) {
    String a = address.trim();
    int scheme = a.indexOf("://");
    if (scheme >= 0) {
      a = a.substring(scheme + 3);
    }
    int end = indexOfAny(a, "/?#");
    if (end >= 0) {
      a = a.substring(0, end);
    }
    int at = a.lastIndexOf('@');
    if (at >= 0) {
      a = a.substring(at + 1);
    }
    String host;
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      host = close > 0 ? a.substring(0, close + 1) : a;
    } else {
      int colon = a.lastIndexOf(':');
      host = colon >= 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** Whether a host is this machine (the loopback range, {@code localhost}, the any-address). */
  public static boolean isLoopback(String host) {
    return host != null && (LOOPBACK.contains(host) || host.startsWith("127."));
  }

  /** Whether any host in the address is this machine. */
  public static boolean anyLoopback(String address) {
    return of(address).stream().anyMatch(Hosts::isLoopback);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
